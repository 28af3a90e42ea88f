import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .validators import validate_ico


class TriadSide(models.TextChoices):
    COMMISSIONER = "commissioner", _("commissioner")
    PROVIDER = "provider", _("provider")
    USER = "user", _("user")
    PUBLIC = "public", _("public")


# The three sides a planning group must have; "public" stands beside them.
TRIAD_SIDES = (TriadSide.COMMISSIONER, TriadSide.PROVIDER, TriadSide.USER)


class Organization(models.Model):
    """A subject (subjekt) taking part in planning; organizations may always be public."""

    area = models.ForeignKey(
        "areas.Area",
        on_delete=models.CASCADE,
        related_name="organizations",
        verbose_name=_("planning area"),
    )
    name = models.CharField(_("name"), max_length=250)
    ico = models.CharField(
        _("IČO"),
        max_length=8,
        blank=True,
        validators=[validate_ico],
        help_text=_("Company identification number, 8 digits."),
    )
    usual_side = models.CharField(
        _("usual side of the triad"), max_length=20, choices=TriadSide.choices, blank=True
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        constraints = [
            models.UniqueConstraint(
                fields=["area", "ico"],
                condition=~Q(ico=""),
                name="organization_unique_ico",
                violation_error_message=_("An organization with this IČO already exists here."),
            ),
        ]

    def __str__(self):
        return self.name


class Person(models.Model):
    """A person taking part in planning. The name is public only with consent."""

    area = models.ForeignKey(
        "areas.Area",
        on_delete=models.CASCADE,
        related_name="persons",
        verbose_name=_("planning area"),
    )
    title_before = models.CharField(
        _("titles before the name"), max_length=50, blank=True, help_text=_("e.g. Mgr., Bc., Ing.")
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    title_after = models.CharField(
        _("titles after the name"), max_length=50, blank=True, help_text=_("e.g. Ph.D., DiS.")
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    public_consent = models.BooleanField(
        _("consents to public display of the name"),
        default=False,
        help_text=_(
            "Without consent the public pages show only the organization and the side of the triad."
        ),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name=_("user account"),
    )
    # Set when the person's data were erased on request (people.personal_data.person_erase).
    erased_at = models.DateTimeField(_("personal data erased"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["last_name", "first_name", "pk"]
        verbose_name = _("person")
        verbose_name_plural = _("persons")

    def __str__(self):
        return self.full_name

    @property
    def full_name(self) -> str:
        if self.erased_at:
            return _("person no. %(number)d (data erased)") % {"number": self.pk}
        name = " ".join(p for p in (self.title_before, self.first_name, self.last_name) if p)
        return f"{name}, {self.title_after}" if self.title_after else name


class MembershipQuerySet(models.QuerySet):
    def active_on(self, on: datetime.date):
        return self.filter(Q(end_on__isnull=True) | Q(end_on__gte=on), start_on__lte=on)

    def overlapping(self, start: datetime.date, end: datetime.date | None):
        qs = self.filter(Q(end_on__isnull=True) | Q(end_on__gte=start))
        return qs if end is None else qs.filter(start_on__lte=end)

    def in_year(self, year: int):
        return self.overlapping(datetime.date(year, 1, 1), datetime.date(year, 12, 31))

    def voting(self):
        """Members proper: guests take part but are not members and do not vote."""
        return self.exclude(function=Membership.Function.GUEST)

    def with_people(self):
        return self.select_related("person", "organization")


class Membership(models.Model):
    """A person's seat in a body, on behalf of an organization or as a private person.

    Both dates are inclusive; an open end means the membership goes on.
    """

    class Function(models.TextChoices):
        LEADER = "leader", _("leader")
        DEPUTY_LEADER = "deputy_leader", _("deputy leader")
        COORDINATOR = "coordinator", _("coordinator")
        MINUTE_TAKER = "minute_taker", _("minute taker")
        MEMBER = "member", _("member")
        GUEST = "guest", _("guest")

    # Functions whose holders manage the membership of their body.
    LEADING_FUNCTIONS = (Function.LEADER, Function.DEPUTY_LEADER)

    body = models.ForeignKey(
        "structure.Body",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("body"),
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("person")
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("on behalf of"),
        help_text=_("Leave empty for a private person."),
    )
    triad_side = models.CharField(_("side of the triad"), max_length=20, choices=TriadSide.choices)
    function = models.CharField(
        _("function"), max_length=20, choices=Function.choices, default=Function.MEMBER
    )
    start_on = models.DateField(_("from"))
    end_on = models.DateField(
        _("to"), null=True, blank=True, help_text=_("Leave empty while the membership goes on.")
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["start_on", "pk"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        indexes = [
            models.Index(fields=["body", "start_on"]),
            models.Index(fields=["person", "start_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_on__isnull=True) | Q(end_on__gte=models.F("start_on")),
                name="membership_end_after_start",
                violation_error_message=_("The membership cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.body} ({self.get_function_display()})"

    def is_active_on(self, on: datetime.date) -> bool:
        return self.start_on <= on and (self.end_on is None or on <= self.end_on)

    @property
    def function_rank(self) -> int:
        return list(self.Function.values).index(self.function)


class LeaderElection(models.Model):
    """The record that a body's members and the coordinator elected its leader."""

    body = models.ForeignKey(
        "structure.Body",
        on_delete=models.CASCADE,
        related_name="leader_elections",
        verbose_name=_("body"),
    )
    held_on = models.DateField(_("held on"))
    elected = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        related_name="won_elections",
        verbose_name=_("elected leader"),
    )
    voters = models.ManyToManyField(
        Person, related_name="voted_in_elections", blank=True, verbose_name=_("members who voted")
    )
    coordinator_voted = models.BooleanField(
        _("the coordinator voted"),
        default=False,
        help_text=_("Only when the coordinator is not a member of the body."),
    )
    votes_for = models.PositiveSmallIntegerField(_("votes for"))
    votes_against = models.PositiveSmallIntegerField(_("votes against"), default=0)
    votes_abstained = models.PositiveSmallIntegerField(_("abstentions"), default=0)
    membership = models.ForeignKey(
        Membership,
        on_delete=models.PROTECT,  # the elected leader's term is history, ended not deleted
        null=True,
        blank=True,
        related_name="elections",
        verbose_name=_("resulting leader membership"),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("leader election")
        verbose_name_plural = _("leader elections")

    def __str__(self):
        return f"{self.body}: {self.elected} ({date_format(self.held_on, 'SHORT_DATE_FORMAT')})"

    @property
    def votes_cast(self) -> int:
        return self.votes_for + self.votes_against + self.votes_abstained
