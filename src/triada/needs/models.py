"""The register of needs (potřeby) of the community: raised by a body at a meeting, or sent by
the public and moderated. The plan's measures answer them (planning's `PlanItem.needs`)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class NeedQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def without_measure(self):
        """Needs still open: not rejected and answered by no measure of a version that is
        being prepared or is in force. Which needs the plan answers is the plan's to say
        (planning, above this app, registers the query: `register_answered_needs`)."""
        return self.exclude(status=Need.Status.REJECTED).exclude(pk__in=_answered_needs())


def _no_answers():
    return Need.objects.none().values("pk")


_answered_needs = _no_answers


def register_answered_needs(query) -> None:
    """`query()` gives the ids of the needs that live measures answer, as a subquery."""
    global _answered_needs
    _answered_needs = query


class Need(models.Model):
    """A need (potřeba) of the community: raised by a body at a meeting or by the public."""

    class Status(models.TextChoices):
        NEW = "new", _("new")
        ACCEPTED = "accepted", _("accepted")
        ADDRESSED = "addressed", _("addressed by a measure")
        REJECTED = "rejected", _("rejected")

    area = models.ForeignKey(
        "areas.Area",
        on_delete=models.CASCADE,
        related_name="needs",
        verbose_name=_("planning area"),
    )
    text = models.TextField(_("need"))
    target_group = models.CharField(_("target group"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    reason = models.TextField(_("reason"), blank=True)
    body = models.ForeignKey(
        "structure.Body",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="needs",
        verbose_name=_("raised by body"),
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="needs",
        verbose_name=_("raised at meeting"),
    )
    # From the public form; the name and address are never published.
    submitter_name = models.CharField(_("name"), max_length=200, blank=True)
    submitter_email = models.EmailField(_("e-mail"), blank=True)
    published = models.BooleanField(
        _("published"), default=False, help_text=_("Needs from the public are moderated first.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = NeedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(reason=""),
                name="need_rejection_has_reason",
                violation_error_message=_("Say why the need is rejected."),
            )
        ]

    def __str__(self):
        return self.text if len(self.text) <= 80 else self.text[:79] + "…"

    @property
    def from_public(self) -> bool:
        return self.body_id is None
