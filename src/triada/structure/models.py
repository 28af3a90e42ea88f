import datetime

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _


class BodyQuerySet(models.QuerySet):
    def active_on(self, on: datetime.date):
        return self.filter(
            Q(established_on__isnull=True) | Q(established_on__lte=on),
            Q(dissolved_on__isnull=True) | Q(dissolved_on__gte=on),
        )

    def current(self):
        """Bodies that have not ended before today (planned dissolutions included)."""
        return self.filter(Q(dissolved_on__isnull=True) | Q(dissolved_on__gte=timezone.localdate()))

    def planning_groups(self):
        return self.filter(kind__in=Body.GROUP_KINDS)


class Body(models.Model):
    """An organ of the community planning structure: from the assembly to a working group.

    Both dates are inclusive: a body exists from `established_on` to `dissolved_on`.
    """

    class Kind(models.TextChoices):
        ASSEMBLY = "assembly", _("assembly")
        COUNCIL = "council", _("council")
        COMMITTEE = "committee", _("committee")
        DEPARTMENT = "department", _("department")
        STEERING_GROUP = "steering_group", _("steering group")
        WORKING_GROUP = "working_group", _("working group")
        DISCUSSION_FORUM = "discussion_forum", _("discussion forum")
        EXPERT_PLATFORM = "expert_platform", _("expert platform")
        OTHER = "other", _("other")

    # The groups that do the planning work and have rosters, leaders and duties.
    GROUP_KINDS = (
        Kind.STEERING_GROUP,
        Kind.WORKING_GROUP,
        Kind.DISCUSSION_FORUM,
        Kind.EXPERT_PLATFORM,
    )
    # Working groups and forums meet at least four times a year (the seed towns' rules).
    DEFAULT_MIN_MEETINGS = {Kind.WORKING_GROUP: 4, Kind.DISCUSSION_FORUM: 4}

    area = models.ForeignKey(
        "areas.Area",
        on_delete=models.CASCADE,
        related_name="bodies",
        verbose_name=_("planning area"),
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("address in URLs"), max_length=80)
    short_name = models.CharField(_("abbreviation"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    description = models.TextField(_("description and tasks"), blank=True)
    target_groups = models.TextField(_("target groups and support areas"), blank=True)
    min_meetings_per_year = models.PositiveSmallIntegerField(
        _("minimum meetings a year"),
        default=0,
        help_text=_("Working groups and discussion forums meet at least four times a year."),
    )
    quorum_percent = models.PositiveSmallIntegerField(
        _("quorum in per cent of members"),
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "The meeting has a quorum when more than this share of the members is "
            "present (50 = more than half)."
        ),
    )
    established_on = models.DateField(_("established on"), null=True, blank=True)
    dissolved_on = models.DateField(
        _("dissolved on"), null=True, blank=True, help_text=_("The last day the body existed.")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = BodyQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        constraints = [
            models.CheckConstraint(
                condition=Q(dissolved_on__isnull=True)
                | Q(established_on__isnull=True)
                | Q(dissolved_on__gte=models.F("established_on")),
                name="body_dissolved_after_established",
                violation_error_message=_("A body cannot be dissolved before it was established."),
            ),
            models.UniqueConstraint(fields=["area", "slug"], name="body_unique_slug"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("portal:body", kwargs={"area_slug": self.area.slug, "body_slug": self.slug})

    @property
    def is_group(self) -> bool:
        return self.kind in self.GROUP_KINDS

    def is_active_on(self, on: datetime.date) -> bool:
        return (self.established_on is None or self.established_on <= on) and (
            self.dissolved_on is None or on <= self.dissolved_on
        )


class BodyRelation(models.Model):
    """A directed link between two bodies of one area."""

    class Kind(models.TextChoices):
        REPORTS_TO = "reports_to", _("reports to")
        APPROVES_OUTPUTS_OF = "approves_outputs_of", _("approves outputs of")

    source = models.ForeignKey(
        Body, on_delete=models.CASCADE, related_name="outgoing_relations", verbose_name=_("body")
    )
    target = models.ForeignKey(
        Body,
        on_delete=models.CASCADE,
        related_name="incoming_relations",
        verbose_name=_("related body"),
    )
    kind = models.CharField(_("relation"), max_length=30, choices=Kind.choices)

    class Meta:
        ordering = ["kind", "target__position", "target__name"]
        verbose_name = _("relation between bodies")
        verbose_name_plural = _("relations between bodies")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target", "kind"], name="bodyrelation_unique"
            ),
            models.CheckConstraint(
                condition=~Q(source=models.F("target")),
                name="bodyrelation_not_self",
                violation_error_message=_("A body cannot relate to itself."),
            ),
        ]

    def __str__(self):
        return f"{self.source} → {self.get_kind_display()} → {self.target}"


class StructureChange(models.Model):
    """A dated change of the structure that links new bodies to the ones they came from."""

    class Kind(models.TextChoices):
        SPLIT = "split", _("split")
        MERGE = "merge", _("merge")
        RENAME = "rename", _("rename")
        REVISION = "revision", _("revision of the whole structure")

    area = models.ForeignKey(
        "areas.Area",
        on_delete=models.CASCADE,
        related_name="structure_changes",
        verbose_name=_("planning area"),
    )
    kind = models.CharField(_("kind of change"), max_length=20, choices=Kind.choices)
    effective_on = models.DateField(
        _("effective on"), help_text=_("The first day of the new structure.")
    )
    description = models.TextField(_("description"), blank=True)
    predecessors = models.ManyToManyField(
        Body, related_name="ended_by_changes", verbose_name=_("former bodies")
    )
    successors = models.ManyToManyField(
        Body, related_name="started_by_changes", verbose_name=_("new bodies")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-effective_on", "-pk"]
        verbose_name = _("structure change")
        verbose_name_plural = _("structure changes")

    def __str__(self):
        return f"{self.get_kind_display()} ({date_format(self.effective_on, 'SHORT_DATE_FORMAT')})"
