"""Forms of the plan's staff pages. They check the shape of the input; the rules (periods,
levels, states) are the services'."""

from django import forms
from django.utils.translation import gettext_lazy as _

from triada.meetings.models import Meeting
from triada.needs.models import Need
from triada.people.models import Organization, Person
from triada.structure.models import Body
from triada.ui.forms import DateField, ModelMultipleChoiceField

from .models import Comment, Evaluation, FundingSource, PlanItem, PlanVersion
from .services import ITEM_FIELDS, SETTLING_BODY_KINDS, STAGE_OF_BODY_KIND

YEAR = {"min_value": 1990, "max_value": 2100}


class NumberField(forms.DecimalField):
    """A number as people write it in Czech: "120 000,50" (spaces between thousands, a decimal
    comma); anything else is "Enter a number."."""

    def to_python(self, value):
        if isinstance(value, str):
            value = "".join(value.split())  # also the no-break spaces a copied number has
        return super().to_python(value)


def _number(label, **kwargs):
    return NumberField(label=label, max_digits=14, decimal_places=2, localize=True, **kwargs)


class PlanForm(forms.Form):
    ordinal = forms.IntegerField(
        label=_("Ordinal"), min_value=1, max_value=99, help_text=_("4 for the 4th plan.")
    )
    title = forms.CharField(label=_("Title"), max_length=300)
    first_year = forms.IntegerField(label=_("First year"), **YEAR)
    last_year = forms.IntegerField(label=_("Last year"), **YEAR)


class VersionForm(forms.ModelForm):
    class Meta:
        model = PlanVersion
        fields = ["vision", "introduction"]


class CommentsOpenForm(forms.Form):
    comments_from = DateField(label=_("Comments from"))
    comments_until = DateField(label=_("Comments until"))


class InForceForm(forms.Form):
    in_force_from = DateField(label=_("In force from"))


class ApprovalStepForm(forms.Form):
    body = forms.ModelChoiceField(label=_("Body"), queryset=Body.objects.none())
    decided_on = DateField(label=_("Decided on"))
    resolution_number = forms.CharField(
        label=_("Resolution number"), max_length=100, required=False
    )
    meeting = forms.ModelChoiceField(
        label=_("Meeting"),
        queryset=Meeting.objects.none(),
        required=False,
        help_text=_("The meeting whose minutes record the decision."),
    )

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        bodies = Body.objects.filter(area=area, kind__in=list(STAGE_OF_BODY_KIND))
        self.fields["body"].queryset = bodies
        self.fields["meeting"].queryset = (
            Meeting.objects.filter(body__in=bodies).select_related("body").order_by("-starts_at")
        )


class ItemForm(forms.ModelForm):
    """The item's text; the fields depend on its kind."""

    edit_count = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = PlanItem
        fields = ITEM_FIELDS
        widgets = {"title": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, kind, area, **kwargs):
        super().__init__(*args, **kwargs)
        if kind != PlanItem.Kind.SUPPORT_AREA:
            for name in ("owner", "target_group", "profile", "problem_areas"):
                del self.fields[name]
        else:
            self.fields["owner"].queryset = Body.objects.filter(area=area).planning_groups()
        if kind not in PlanItem.ACTION_KINDS:
            del self.fields["start_year"], self.fields["end_year"]
        if self.instance.pk:
            # The count the editor started from: a form without it could overwrite a change
            # someone else saved in the meantime.
            self.fields["edit_count"].initial = self.instance.edit_count
            self.fields["edit_count"].required = True

    def show_saved_version(self, item) -> None:
        """After an edit conflict: put what was saved meanwhile next to each field that
        differs from the editor's input, and take the current edit count, so that the editor's
        next save (with the texts merged) is accepted."""
        for name, field in self.fields.items():
            saved = getattr(item, name, None)
            if name != "edit_count" and saved != self.cleaned_data.get(name):
                field.saved_version = "" if saved is None else str(saved)
        data = self.data.copy()
        data[self.add_prefix("edit_count")] = item.edit_count
        self.data = data


class MoveForm(forms.Form):
    parent = forms.ModelChoiceField(
        label=_("Move under"), queryset=PlanItem.objects.none(), required=False
    )
    position = forms.IntegerField(
        label=_("Position"), min_value=1, required=False, help_text=_("Empty: at the end.")
    )

    def __init__(self, *args, item, numbered, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["parent"]
        field.queryset = item.version.items.all()
        field.label_from_instance = lambda parent: numbered.get(parent.pk, parent.title)
        if item.kind == PlanItem.Kind.SUPPORT_AREA:
            field.empty_label = _("(top of the tree)")


class IndicatorForm(forms.Form):
    name = forms.CharField(label=_("Indicator"), max_length=300)
    unit = forms.CharField(label=_("Unit"), max_length=50)
    baseline = _number(_("Baseline"), required=False)

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        for year in years:
            self.fields[f"target_{year}"] = _number(
                _("Target %(year)s") % {"year": year}, required=False
            )

    def targets(self) -> dict:
        return {
            int(name.removeprefix("target_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("target_") and value is not None
        }


class CostForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), **YEAR)
    source = forms.ChoiceField(label=_("Funding source"), choices=FundingSource.choices)
    amount = _number(_("Amount in CZK"), min_value=0)


class ResponsibilityForm(forms.Form):
    body = forms.ModelChoiceField(label=_("Body"), queryset=Body.objects.none(), required=False)
    person = forms.ModelChoiceField(
        label=_("Person"), queryset=Person.objects.none(), required=False
    )
    organization = forms.ModelChoiceField(
        label=_("Organization"), queryset=Organization.objects.none(), required=False
    )

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = Body.objects.filter(area=area)
        self.fields["person"].queryset = Person.objects.filter(area=area)
        self.fields["organization"].queryset = Organization.objects.filter(area=area)


class NeedsForm(forms.Form):
    needs = ModelMultipleChoiceField(
        label=_("Needs the measure answers"),
        queryset=Need.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        # Needs from the public are answered once the coordinator has published them.
        self.fields["needs"].queryset = Need.objects.filter(area=area, published=True).exclude(
            status=Need.Status.REJECTED
        )


class SettleForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=Comment.Decision.choices)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))
    settled_by = forms.ModelChoiceField(label=_("Settled by"), queryset=Body.objects.none())
    settled_on = DateField(label=_("Settled on"))

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["settled_by"].queryset = Body.objects.filter(
            area=area, kind__in=SETTLING_BODY_KINDS
        )


class MemberCommentForm(forms.Form):
    item = forms.ModelChoiceField(
        label=_("Section"),
        queryset=PlanItem.objects.none(),
        required=False,
        empty_label=_("The plan as a whole"),
    )
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, version, numbered, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = version.items.all()
        self.fields["item"].label_from_instance = lambda item: numbered.get(item.pk, item.title)


class EvaluationForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Evaluation.Status.choices)
    narrative = forms.CharField(
        label=_("What was done"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )
    evidence = forms.CharField(
        label=_("Evidence"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Links to documents or pages, one per line."),
    )

    def __init__(self, *args, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = list(indicators)
        for indicator in self.indicators:
            self.fields[f"indicator_{indicator.pk}"] = _number(
                _("%(name)s, actual value (%(unit)s)")
                % {"name": indicator.name, "unit": indicator.unit},
                required=False,
            )

    def indicator_values(self) -> dict:
        return {
            indicator: self.cleaned_data.get(f"indicator_{indicator.pk}")
            for indicator in self.indicators
        }
