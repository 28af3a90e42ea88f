from django import forms
from django.utils.translation import gettext_lazy as _

from triada.people.models import Person
from triada.staff.forms import DateField

from .models import Resolution, Task


class MinutesForm(forms.Form):
    """The text of the minutes: opening, the discussion of each agenda item, closing."""

    edit_count = forms.IntegerField(widget=forms.HiddenInput)
    opening = forms.CharField(
        label=_("Opening"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    closing = forms.CharField(
        label=_("Closing"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, minutes, **kwargs):
        super().__init__(*args, **kwargs)
        self.sections = list(minutes.sections.all())
        self.initial.update(
            {
                "edit_count": minutes.edit_count,
                "opening": minutes.opening,
                "closing": minutes.closing,
            }
        )
        for number, section in enumerate(self.sections, start=1):
            self.fields[f"section_{section.pk}"] = forms.CharField(
                label=f"{number}. {section.title}",
                required=False,
                widget=forms.Textarea(attrs={"rows": 6}),
                initial=section.discussion,
            )
        self.order_fields(
            ["edit_count", "opening", *(f"section_{s.pk}" for s in self.sections), "closing"]
        )

    def service_data(self) -> dict:
        data = self.cleaned_data
        return {
            "edit_count": data["edit_count"],
            "opening": data["opening"],
            "closing": data["closing"],
            "discussions": {s.pk: data[f"section_{s.pk}"] for s in self.sections},
        }


class ResolutionForm(forms.ModelForm):
    class Meta:
        model = Resolution
        fields = ["text", "adoption", "votes_for", "votes_against", "votes_abstained"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}


class TaskForm(forms.ModelForm):
    class Meta:
        model = Task
        fields = ["text", "responsible", "due_on"]
        field_classes = {"due_on": DateField}
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, body, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = Person.objects.filter(
            memberships__body=body
        ).distinct()


class TaskCloseForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Result"),
        choices=[
            (Task.Status.DONE, Task.Status.DONE.label),
            (Task.Status.DROPPED, Task.Status.DROPPED.label),
        ],
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class PublishForm(forms.Form):
    note = forms.CharField(label=_("What the correction changes"), required=False, max_length=300)


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 3}))
