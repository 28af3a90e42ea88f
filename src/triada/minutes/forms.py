from django import forms
from django.utils.translation import gettext_lazy as _

from triada.people.models import Person
from triada.structure.models import Body
from triada.ui.forms import DateField

from .models import Resolution, Task, UploadedMinutes


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

    def show_saved_version(self, minutes) -> None:
        """After an edit conflict: put the text saved meanwhile next to each field whose text
        differs from the editor's, and take the current edit count, so that the editor's next
        save (with the texts merged) is accepted."""
        saved = {
            "opening": minutes.opening,
            "closing": minutes.closing,
            **{f"section_{s.pk}": s.discussion for s in minutes.sections.all()},
        }
        for name, text in saved.items():
            if name in self.fields and text != self.cleaned_data.get(name):
                self.fields[name].saved_version = text
        data = self.data.copy()
        data["edit_count"] = minutes.edit_count
        self.data = data

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


def task_candidates(body) -> dict[int, Person]:
    """Who can be responsible for a task of the body: its members, past and present."""
    return {p.pk: p for p in Person.objects.filter(memberships__body=body).distinct()}


class TaskForm(forms.ModelForm):
    """A task; `persons` (from task_candidates) is read once for all the forms of a page."""

    responsible = forms.TypedChoiceField(
        label=_("Responsible"), coerce=int, required=False, empty_value=None
    )

    class Meta:
        model = Task
        fields = ["text", "due_on"]
        field_classes = {"due_on": DateField}
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, persons: dict[int, Person], **kwargs):
        super().__init__(*args, **kwargs)
        self.persons = persons
        self.fields["responsible"].choices = [
            ("", "—"),
            *((pk, p.full_name) for pk, p in persons.items()),
        ]
        self.order_fields(["text", "responsible", "due_on"])

    def clean_responsible(self):
        return self.persons.get(self.cleaned_data["responsible"])


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


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "application/pdf"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if not data and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data]
        return [super().clean(data, initial)]


class UploadForm(forms.Form):
    body = forms.ModelChoiceField(
        label=_("Body"),
        queryset=None,
        required=False,
        empty_label=_("several bodies (a combined file)"),
    )
    period = forms.ChoiceField(
        label=_("Each file covers"),
        choices=UploadedMinutes.Period.choices,
        initial=UploadedMinutes.Period.MONTH,
    )
    date = DateField(
        label=_("Date"), help_text=_("For a month or a year, any day in it (e.g. 1. 1. 2019).")
    )
    title = forms.CharField(
        label=_("Title"),
        required=False,
        max_length=300,
        help_text=_(
            "Leave empty to use the file name. With several files, each takes its own name."
        ),
    )
    files = MultipleFileField(
        label=_("PDF files"),
        help_text=_("You can choose several files at once; each is checked on its own."),
    )

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = Body.objects.filter(area=area)
