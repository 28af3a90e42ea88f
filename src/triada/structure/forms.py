from django import forms
from django.utils.translation import gettext_lazy as _

from triada.ui.forms import DateField, ModelMultipleChoiceField

from .models import Body, StructureChange


class BodyForm(forms.ModelForm):
    reports_to = ModelMultipleChoiceField(
        queryset=Body.objects.none(),
        required=False,
        label=_("Reports to"),
        widget=forms.CheckboxSelectMultiple,
    )
    approves_outputs_of = ModelMultipleChoiceField(
        queryset=Body.objects.none(),
        required=False,
        label=_("Approves outputs of"),
        widget=forms.CheckboxSelectMultiple,
    )
    min_meetings_per_year = forms.IntegerField(
        label=_("Minimum meetings a year"),
        required=False,
        min_value=0,
        max_value=365,
        help_text=_("Leave empty for the usual number: 4 for working groups and forums."),
    )

    class Meta:
        field_classes = {"established_on": DateField, "dissolved_on": DateField}
        model = Body
        fields = [
            "name",
            "short_name",
            "kind",
            "description",
            "target_groups",
            "established_on",
            "dissolved_on",
            "position",
            "quorum_percent",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "target_groups": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quorum_percent"].required = False
        others = Body.objects.filter(area=area).current()
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
            self.initial["min_meetings_per_year"] = self.instance.min_meetings_per_year
            self.initial["reports_to"] = list(
                self.instance.outgoing_relations.filter(kind="reports_to").values_list(
                    "target_id", flat=True
                )
            )
            self.initial["approves_outputs_of"] = list(
                self.instance.outgoing_relations.filter(kind="approves_outputs_of").values_list(
                    "target_id", flat=True
                )
            )
        self.fields["reports_to"].queryset = others
        self.fields["approves_outputs_of"].queryset = others
        # Keep the declared field in the usual place, after the target groups.
        self.order_fields(
            ["name", "short_name", "kind", "description", "target_groups", "min_meetings_per_year"]
        )

    def clean_quorum_percent(self):
        """Left empty: the body keeps its share (more than half for a new one)."""
        value = self.cleaned_data["quorum_percent"]
        return value if value is not None else self.instance.quorum_percent

    def clean(self):
        data = super().clean()
        start, end = data.get("established_on"), data.get("dissolved_on")
        if start and end and end < start:
            self.add_error(
                "dissolved_on", _("A body cannot be dissolved before it was established.")
            )
        return data


class StructureChangeForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of change"), choices=StructureChange.Kind.choices)
    effective_on = DateField(
        label=_("Effective on"),
        help_text=_("The first day of the new structure."),
    )
    predecessors = ModelMultipleChoiceField(
        label=_("Former bodies"),
        queryset=Body.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "They are dissolved on the day before the change and their memberships end that day."
        ),
    )
    new_names = forms.CharField(
        label=_("Names of the new bodies"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "One name per line. The new bodies take the kind and reporting lines "
            "of the first former body."
        ),
    )
    new_kind = forms.ChoiceField(
        label=_("Kind of the new bodies"),
        required=False,
        choices=[("", _("the same as the first former body")), *Body.Kind.choices],
    )
    carry_over_members = forms.BooleanField(
        label=_("Members go on in the new body"),
        required=False,
        help_text=_(
            "For a rename or a merge: the members of the former bodies become "
            "members of the new one."
        ),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["predecessors"].queryset = Body.objects.filter(area=area).current()

    def clean_new_names(self):
        return [
            line.strip() for line in self.cleaned_data["new_names"].splitlines() if line.strip()
        ]


class BodyFilterForm(forms.Form):
    STATES = [("active", _("existing")), ("dissolved", _("dissolved")), ("all", _("all"))]
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("all kinds")), *Body.Kind.choices]
    )
    state = forms.ChoiceField(label=_("State"), required=False, choices=STATES)
