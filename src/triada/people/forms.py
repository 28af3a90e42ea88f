from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from triada.ui.forms import DateField, ModelMultipleChoiceField

from .models import LeaderElection, Membership, Organization, Person, TriadSide


class OrganizationForm(forms.ModelForm):
    # Longer than 8 so that "002 97 534" as people write it reaches clean_ico.
    ico = forms.CharField(
        label=_("IČO"),
        max_length=20,
        required=False,
        help_text=_("Company identification number, 8 digits."),
    )

    class Meta:
        model = Organization
        fields = ["name", "ico", "usual_side", "address", "email", "phone", "website"]

    def clean_ico(self):
        return "".join(self.cleaned_data["ico"].split())


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = [
            "title_before",
            "first_name",
            "last_name",
            "title_after",
            "email",
            "phone",
            "public_consent",
        ]


class MembershipForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["person", "organization", "triad_side", "function", "start_on", "end_on", "note"]
        field_classes = {"start_on": DateField, "end_on": DateField}

    def __init__(self, *args, area, may_lead: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.filter(area=area)
        self.fields["organization"].queryset = Organization.objects.filter(area=area)
        if not may_lead:  # leaders are elected (or appointed by the coordinator)
            self.fields["function"].choices = [
                choice
                for choice in self.fields["function"].choices
                if choice[0] not in Membership.LEADING_FUNCTIONS
            ]
        self.fields["triad_side"].required = False
        self.fields["triad_side"].help_text = _(
            "Leave empty to take the side the organization usually stands for."
        )
        if self.instance.pk:  # an edit: a new function is a new term, history stays
            self.fields["function_from"] = self._function_from()
            self.order_fields(["person", "organization", "triad_side", "function", "function_from"])

    def _function_from(self) -> DateField:
        today, term = timezone.localdate(), self.instance
        within = term.start_on <= today and (term.end_on is None or today <= term.end_on)
        return DateField(
            label=_("New function from"),
            required=False,
            initial=today if within else None,  # a term not current: a correction
            help_text=_(
                "A new function starts a new term on this day; the roster of earlier days "
                "keeps the former one. Leave empty to correct the function of the whole term."
            ),
        )

    def clean(self):
        data = super().clean()
        organization = data.get("organization")
        if not data.get("triad_side") and organization and organization.usual_side:
            data["triad_side"] = organization.usual_side
        if not data.get("triad_side") and "triad_side" not in self.errors:
            self.add_error("triad_side", _("Choose the side of the triad the member stands for."))
        return data


class MembershipEndForm(forms.Form):
    end_on = DateField(label=_("Last day of the membership"))


class LeaderElectionForm(forms.ModelForm):
    organization = forms.ModelChoiceField(
        queryset=Organization.objects.none(),
        required=False,
        label=_("On behalf of"),
        help_text=_("Only for a leader who is not yet a member of the body."),
    )
    triad_side = forms.ChoiceField(
        choices=[("", "—"), *TriadSide.choices],
        required=False,
        label=_("Side of the triad"),
        help_text=_("Only for a leader who is not yet a member of the body."),
    )

    class Meta:
        model = LeaderElection
        fields = [
            "held_on",
            "elected",
            "voters",
            "coordinator_voted",
            "votes_for",
            "votes_against",
            "votes_abstained",
            "note",
        ]
        field_classes = {"held_on": DateField, "voters": ModelMultipleChoiceField}
        widgets = {"voters": forms.CheckboxSelectMultiple}

    def __init__(self, *args, body, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["elected"].queryset = Person.objects.filter(area=body.area)
        self.fields["voters"].queryset = Person.objects.filter(memberships__body=body).distinct()
        self.fields["organization"].queryset = Organization.objects.filter(area=body.area)


class AccountForm(forms.Form):
    username = forms.CharField(label=_("User name"), max_length=150)
    email = forms.EmailField(label=_("E-mail for the link to set a password"))


class ErasureForm(forms.Form):
    confirm = forms.BooleanField(
        label=_(
            "The person asked for the erasure of their personal data and I have checked who asked."
        ),
        help_text=_(
            "The name, contacts and sign-in account are erased for good, also from published "
            "minutes and the audit log. Memberships, attendance and tasks stay, without the name."
        ),
    )
