from django import forms
from django.utils.translation import gettext_lazy as _

from triada.people.models import Person
from triada.ui.forms import DateTimeField

from .models import AgendaItem, Attendance, Guest, Meeting


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["title", "starts_at", "ends_at", "place", "online_url", "status", "note"]
        field_classes = {"starts_at": DateTimeField, "ends_at": DateTimeField}
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}


class NewMeetingForm(MeetingForm):
    agenda = forms.CharField(
        label=_("Agenda"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One item per line; you can add proposers and documents later."),
    )

    class Meta(MeetingForm.Meta):
        fields = ["title", "starts_at", "ends_at", "place", "online_url", "note"]

    def clean_agenda(self):
        limit = AgendaItem._meta.get_field("title").max_length
        lines = [line for line in self.cleaned_data["agenda"].splitlines() if len(line) > limit]
        if lines:
            raise forms.ValidationError(
                _("An agenda item has at most %(limit)d characters; shorten: %(item)s")
                % {"limit": limit, "item": lines[0][:60] + "…"}
            )
        return tuple(
            line.strip() for line in self.cleaned_data["agenda"].splitlines() if line.strip()
        )


class AgendaItemForm(forms.ModelForm):
    id = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = AgendaItem
        fields = ["title", "proposer", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


AgendaFormSet = forms.formset_factory(
    AgendaItemForm, extra=3, can_delete=True, can_order=True, max_num=60, validate_max=True
)


class GuestForm(forms.ModelForm):
    class Meta:
        model = Guest
        fields = ["name", "organization", "email"]


class AttendanceForm(forms.Form):
    """One row per invited member: came, excused or absent, and a possible substitute."""

    def __init__(self, *args, rows, area, **kwargs):
        super().__init__(*args, **kwargs)
        # One query for the substitutes of all rows: the people of the area.
        self.persons = {p.pk: p for p in Person.objects.filter(area=area)}
        substitutes = [("", "—"), *((pk, p.full_name) for pk, p in self.persons.items())]
        self.rows = rows
        for row in rows:
            key = row.membership.pk
            self.fields[f"status_{key}"] = forms.ChoiceField(
                label=row.membership.person.full_name,
                choices=Attendance.Status.choices,
                initial=row.status,
                widget=forms.RadioSelect,
            )
            if row.membership.organization_id:
                self.fields[f"substitute_{key}"] = forms.TypedChoiceField(
                    label=_("Substitute for %(person)s") % {"person": row.membership.person},
                    choices=substitutes,
                    coerce=int,
                    required=False,
                    empty_value=None,
                    initial=row.substitute.pk if row.substitute else None,
                )

    def entries(self) -> dict:
        return {
            row.membership.pk: (
                self.cleaned_data[f"status_{row.membership.pk}"],
                self.persons.get(self.cleaned_data.get(f"substitute_{row.membership.pk}")),
            )
            for row in self.rows
        }

    def row_fields(self):
        """(row, status field, substitute field or None) for the template."""
        for row in self.rows:
            key = row.membership.pk
            yield (
                row,
                self[f"status_{key}"],
                self[f"substitute_{key}"] if f"substitute_{key}" in self.fields else None,
            )


class AgendaDocumentForm(forms.Form):
    item = forms.ModelChoiceField(label=_("Agenda item"), queryset=AgendaItem.objects.none())
    title = forms.CharField(
        label=_("Title"),
        max_length=300,
        required=False,
        help_text=_("Leave empty to use the file name."),
    )
    file = forms.FileField(label=_("File"))

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = meeting.agenda_items.all()
