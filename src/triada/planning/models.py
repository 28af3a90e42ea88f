"""The community plan: plans and their versions, the strategy tree (whose measures answer the
needs of `triada.needs`), comments, approval and the yearly monitoring.

A version's text (its tree, indicators, costs, responsibilities) is frozen once it leaves the
editable states; a change after approval is made in a new version. Monitoring belongs to the
plan, not to a version: evaluations and indicator values are keyed by the item's `key`, which
a new version keeps, so a year evaluated on one version stays evaluated on the next."""

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Plan(models.Model):
    """One community plan of an area for a period, e.g. the 4th plan 2017–2020."""

    area = models.ForeignKey(
        "areas.Area",
        on_delete=models.CASCADE,
        related_name="plans",
        verbose_name=_("planning area"),
    )
    ordinal = models.PositiveSmallIntegerField(_("ordinal"), help_text=_("4 for the 4th plan."))
    title = models.CharField(_("title"), max_length=300)
    first_year = models.PositiveSmallIntegerField(_("first year"))
    last_year = models.PositiveSmallIntegerField(_("last year"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-first_year", "-ordinal"]
        verbose_name = _("community plan")
        verbose_name_plural = _("community plans")
        constraints = [
            models.UniqueConstraint(
                fields=["area", "ordinal"],
                name="plan_unique_ordinal",
                violation_error_message=_("This area already has a plan with this ordinal."),
            ),
            models.CheckConstraint(
                condition=Q(last_year__gte=models.F("first_year")),
                name="plan_period_ordered",
                violation_error_message=_("The last year cannot be before the first year."),
            ),
        ]

    def __str__(self):
        return str(
            _("%(ordinal)s. community plan %(first)s–%(last)s")
            % {"ordinal": self.ordinal, "first": self.first_year, "last": self.last_year}
        )

    @property
    def years(self) -> range:
        return range(self.first_year, self.last_year + 1)

    def nearest_year(self, year: int) -> int:
        """The year itself within the period, else the period's first or last year."""
        return min(max(year, self.first_year), self.last_year)


class PlanVersion(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        IN_COMMENTS = "in_comments", _("in comment period")
        SETTLED = "settled", _("comments settled")
        APPROVED = "approved", _("approved")
        IN_FORCE = "in_force", _("in force")
        ARCHIVED = "archived", _("archived")

    # The text may change only in these states; later states are frozen.
    EDITABLE = (Status.DRAFT, Status.SETTLED)
    # States the public may see; a draft is internal until it goes out for comments.
    PUBLIC = (Status.IN_COMMENTS, Status.SETTLED, Status.APPROVED, Status.IN_FORCE, Status.ARCHIVED)
    # States whose items are monitored year by year.
    MONITORED = (Status.APPROVED, Status.IN_FORCE, Status.ARCHIVED)

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="versions", verbose_name=_("plan")
    )
    number = models.PositiveSmallIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    based_on = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("based on version"),
    )
    vision = models.TextField(_("vision"), blank=True)
    introduction = models.TextField(
        _("how the plan was made"),
        blank=True,
        help_text=_("The process, the analyses and the evaluation of the previous plan."),
    )
    comments_from = models.DateField(_("comments from"), null=True, blank=True)
    comments_until = models.DateField(_("comments until"), null=True, blank=True)
    in_force_from = models.DateField(_("in force from"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["plan", "-number"]
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plan_version_unique_number"),
            models.UniqueConstraint(
                fields=["plan"],
                condition=Q(status="in_force"),
                name="plan_one_version_in_force",
                violation_error_message=_("Only one version of a plan can be in force."),
            ),
            models.CheckConstraint(
                condition=Q(comments_until__isnull=True)
                | Q(comments_from__isnull=True)
                | Q(comments_until__gte=models.F("comments_from")),
                name="plan_comment_window_ordered",
                violation_error_message=_("The comment period cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return str(_("%(plan)s, version %(number)s") % {"plan": self.plan, "number": self.number})

    def get_absolute_url(self):
        return reverse(
            "portal:plan_version",
            kwargs={"area_slug": self.plan.area.slug, "pk": self.pk},
        )

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE

    @property
    def is_public(self) -> bool:
        return self.status in self.PUBLIC

    def comments_open_on(self, day) -> bool:
        return (
            self.status == self.Status.IN_COMMENTS
            and self.comments_from is not None
            and self.comments_until is not None
            and self.comments_from <= day <= self.comments_until
        )


class PlanItem(models.Model):
    """A node of the strategy tree. The kind fixes the level: support areas at the root, then
    priorities, goals, measures and activities."""

    class Kind(models.TextChoices):
        SUPPORT_AREA = "support_area", _("support area")
        PRIORITY = "priority", _("priority")
        GOAL = "goal", _("goal")
        MEASURE = "measure", _("measure")
        ACTIVITY = "activity", _("activity")

    # The kind of the parent each kind hangs under (None: the root of the tree).
    PARENT_KIND = {
        Kind.SUPPORT_AREA: None,
        Kind.PRIORITY: Kind.SUPPORT_AREA,
        Kind.GOAL: Kind.PRIORITY,
        Kind.MEASURE: Kind.GOAL,
        Kind.ACTIVITY: Kind.MEASURE,
    }
    CHILD_KIND = {parent: child for child, parent in PARENT_KIND.items() if parent}
    # Kinds carried out and evaluated year by year, with timeline, indicators and costs.
    ACTION_KINDS = (Kind.MEASURE, Kind.ACTIVITY)

    version = models.ForeignKey(
        PlanVersion, on_delete=models.CASCADE, related_name="items", verbose_name=_("version")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent item"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    position = models.PositiveIntegerField(_("order"), default=0)
    key = models.UUIDField(
        default=uuid.uuid4,
        editable=False,
        help_text="The same item in every version of the plan; monitoring is keyed by it.",
    )
    title = models.CharField(_("title"), max_length=500)
    description = models.TextField(_("description"), blank=True)
    # Support areas: the owning working group and the target group with its profile.
    owner = models.ForeignKey(
        "structure.Body",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="owned_plan_items",
        verbose_name=_("owning group"),
    )
    target_group = models.CharField(_("target group"), max_length=200, blank=True)
    profile = models.TextField(_("target group profile"), blank=True)
    problem_areas = models.TextField(
        _("problem areas"), blank=True, help_text=_("One problem area per line.")
    )
    # Measures and activities: the timeline and the needs they answer.
    start_year = models.PositiveSmallIntegerField(_("from year"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("to year"), null=True, blank=True)
    needs = models.ManyToManyField(
        "needs.Need", blank=True, related_name="plan_items", verbose_name=_("needs answered")
    )
    edit_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")
        indexes = [models.Index(fields=["version", "parent", "position"])]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="plan_item_unique_key"),
            models.CheckConstraint(
                condition=Q(end_year__isnull=True)
                | Q(start_year__isnull=True)
                | Q(end_year__gte=models.F("start_year")),
                name="plan_item_timeline_ordered",
                violation_error_message=_("The last year cannot be before the first year."),
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_action(self) -> bool:
        return self.kind in self.ACTION_KINDS

    @property
    def problem_area_list(self) -> list[str]:
        return [line.strip() for line in self.problem_areas.splitlines() if line.strip()]


class Responsibility(models.Model):
    """Who answers for an item: a body, a person or an organization (exactly one)."""

    item = models.ForeignKey(
        PlanItem, on_delete=models.CASCADE, related_name="responsibilities", verbose_name=_("item")
    )
    body = models.ForeignKey(
        "structure.Body", on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("body")
    )
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("person")
    )
    organization = models.ForeignKey(
        "people.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("organization"),
    )

    class Meta:
        verbose_name = _("responsible party")
        verbose_name_plural = _("responsible parties")
        constraints = [
            models.CheckConstraint(
                condition=Q(body__isnull=False, person__isnull=True, organization__isnull=True)
                | Q(body__isnull=True, person__isnull=False, organization__isnull=True)
                | Q(body__isnull=True, person__isnull=True, organization__isnull=False),
                name="responsibility_exactly_one_party",
                violation_error_message=_("Choose one body, person or organization."),
            )
        ]

    def __str__(self):
        return str(self.body or self.person or self.organization)


class Indicator(models.Model):
    """A measurable indicator of a measure or an activity, with a target per year."""

    item = models.ForeignKey(
        PlanItem, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("item")
    )
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    name = models.CharField(_("indicator"), max_length=300)
    unit = models.CharField(_("unit"), max_length=50, help_text=_("e.g. persons, places, hours"))
    baseline = models.DecimalField(
        _("baseline"), max_digits=14, decimal_places=2, null=True, blank=True
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return f"{self.name} ({self.unit})"


class IndicatorTarget(models.Model):
    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="targets", verbose_name=_("indicator")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("target value"), max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["year"]
        verbose_name = _("indicator target")
        verbose_name_plural = _("indicator targets")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year"],
                name="indicator_target_unique_year",
                violation_error_message=_("This indicator already has a target for the year."),
            )
        ]

    def __str__(self):
        return f"{self.indicator.name} {self.year}: {self.value}"


class FundingSource(models.TextChoices):
    CITY = "city", _("city")
    REGION = "region", _("region")
    STATE = "state", _("state")
    EU = "eu", _("EU")
    PROVIDER = "provider", _("provider's own resources")
    OTHER = "other", pgettext_lazy("funding source", "other")


class Cost(models.Model):
    """The estimated cost of a measure or an activity in one year from one source (CZK)."""

    item = models.ForeignKey(
        PlanItem, on_delete=models.CASCADE, related_name="costs", verbose_name=_("item")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    source = models.CharField(_("funding source"), max_length=20, choices=FundingSource.choices)
    amount = models.DecimalField(
        _("amount in CZK"),
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0))],
    )

    class Meta:
        ordering = ["year", "source"]
        verbose_name = _("cost")
        verbose_name_plural = _("costs")
        constraints = [
            models.UniqueConstraint(
                fields=["item", "year", "source"],
                name="cost_unique_year_source",
                violation_error_message=_(
                    "This item already has a cost from this source in the year."
                ),
            ),
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="cost_not_negative",
                violation_error_message=_("A cost cannot be negative."),
            ),
        ]

    def __str__(self):
        return f"{self.item.title[:100]} {self.year} {self.get_source_display()}: {self.amount}"


class Comment(models.Model):
    """A comment on a version in its comment period, and how it was settled."""

    class Decision(models.TextChoices):
        ACCEPTED = "accepted", _("accepted")
        PARTLY = "partly", _("partly accepted")
        REJECTED = "rejected", _("rejected")

    version = models.ForeignKey(
        PlanVersion, on_delete=models.CASCADE, related_name="comments", verbose_name=_("version")
    )
    number = models.PositiveIntegerField(_("number"))
    item = models.ForeignKey(
        PlanItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("section"),
    )
    section = models.CharField(
        _("section"),
        max_length=600,
        blank=True,
        help_text="The section's number and title when commented; empty for the whole plan.",
    )
    text = models.TextField(_("comment"))
    # A member signed in, or a member of the public; names and addresses are never published.
    person = models.ForeignKey(
        "people.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("member"),
    )
    author_name = models.CharField(_("name"), max_length=200, blank=True)
    author_email = models.EmailField(_("e-mail"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    settled_by = models.ForeignKey(
        "structure.Body",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("settled by"),
    )
    settled_on = models.DateField(_("settled on"), null=True, blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        constraints = [
            models.UniqueConstraint(fields=["version", "number"], name="comment_unique_number"),
            models.CheckConstraint(
                condition=Q(decision="")
                | (~Q(reason="") & Q(settled_by__isnull=False) & Q(settled_on__isnull=False)),
                name="comment_settlement_complete",
                violation_error_message=_(
                    "A settled comment needs the body that settled it, the date and a reason."
                ),
            ),
        ]

    def __str__(self):
        return str(_("Comment %(number)s") % {"number": self.number})

    @property
    def is_settled(self) -> bool:
        return bool(self.decision)


class ApprovalStep(models.Model):
    """One step of a version's approval: a body decided on a day by a resolution."""

    class Stage(models.IntegerChoices):
        WORKING_GROUP = 1, _("working group")
        STEERING_GROUP = 2, _("steering group")
        COUNCIL = 3, pgettext_lazy("approval stage", "council")
        ASSEMBLY = 4, pgettext_lazy("approval stage", "assembly")

    version = models.ForeignKey(
        PlanVersion,
        on_delete=models.CASCADE,
        related_name="approval_steps",
        verbose_name=_("version"),
    )
    stage = models.PositiveSmallIntegerField(_("stage"), choices=Stage.choices)
    body = models.ForeignKey(
        "structure.Body", on_delete=models.PROTECT, related_name="+", verbose_name=_("body")
    )
    decided_on = models.DateField(_("decided on"))
    resolution_number = models.CharField(_("resolution number"), max_length=100, blank=True)
    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("meeting"),
        help_text=_("The meeting whose minutes record the decision."),
    )

    class Meta:
        ordering = ["stage", "decided_on", "pk"]
        verbose_name = _("approval step")
        verbose_name_plural = _("approval steps")
        constraints = [
            models.UniqueConstraint(
                fields=["version", "body"],
                name="approval_step_once_per_body",
                violation_error_message=_("This body's decision is already recorded."),
            )
        ]

    def __str__(self):
        return f"{self.get_stage_display()}: {self.body}"


class Evaluation(models.Model):
    """The state of a measure or activity at the end of a year, reported by those
    responsible for it."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("not started")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", pgettext_lazy("evaluation status", "done")
        POSTPONED = "postponed", _("postponed")
        CANCELLED = "cancelled", pgettext_lazy("evaluation status", "cancelled")

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="evaluations", verbose_name=_("plan")
    )
    item_key = models.UUIDField()
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    narrative = models.TextField(_("what was done"), blank=True)
    evidence = models.TextField(
        _("evidence"), blank=True, help_text=_("Links to documents or pages, one per line.")
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["year"]
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "item_key", "year"], name="evaluation_unique_item_year"
            )
        ]

    def __str__(self):
        return f"{self.year}: {self.get_status_display()}"

    @property
    def evidence_links(self) -> list[str]:
        return [line.strip() for line in self.evidence.splitlines() if line.strip()]


class IndicatorValue(models.Model):
    """The actual value of an indicator in a year."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="indicator_values", verbose_name=_("plan")
    )
    indicator_key = models.UUIDField()
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("actual value"), max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["year"]
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "indicator_key", "year"], name="indicator_value_unique_year"
            )
        ]

    def __str__(self):
        return f"{self.year}: {self.value}"
