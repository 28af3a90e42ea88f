from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    """One change made through a service: who, when, what and how it changed.

    The object is named by label and id (not a foreign key) so the entry outlives it.
    """

    class Action(models.TextChoices):
        CREATE = "create", _("created")
        UPDATE = "update", _("changed")
        DELETE = "delete", _("deleted")
        # Sign-in and security events (area is empty: they belong to the instance).
        SIGN_IN = "sign_in", _("signed in")
        SIGN_IN_FAILED = "sign_in_failed", _("failed sign-in")
        LOCKED_OUT = "locked_out", _("sign-in paused after failures")
        SIGN_OUT = "sign_out", _("signed out")
        SESSION_EXPIRED = "session_expired", _("signed out after inactivity")
        TWO_FACTOR = "two_factor", _("two-factor sign-in")
        # Personal data requests.
        DATA_EXPORT = "data_export", _("personal data exported")
        ERASURE = "erasure", _("personal data erased")

    area = models.ForeignKey(
        "areas.Area",
        on_delete=models.CASCADE,
        null=True,
        related_name="audit_entries",
        verbose_name=_("planning area"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("who"),
    )
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    object_type = models.CharField(_("object type"), max_length=100)
    object_id = models.CharField(_("object id"), max_length=64)
    object_repr = models.CharField(_("object"), max_length=300)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    # The address of security events (sign-ins), kept as long as the log.
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        indexes = [
            models.Index(fields=["area", "-at"]),
            models.Index(fields=["object_type", "object_id"]),
        ]

    def __str__(self):
        return f"{self.at:%d.%m.%Y %H:%M} {self.actor} {self.action} {self.object_repr}"
