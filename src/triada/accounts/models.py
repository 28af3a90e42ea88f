from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who signs in. Roles in bodies come from the linked Person's memberships."""

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")


class AreaRole(models.Model):
    """A role granted explicitly in one area. Body leaders and members are derived from
    memberships instead, so they change with the roster."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("area coordinator")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="area_roles",
        verbose_name=_("user"),
    )
    area = models.ForeignKey(
        "areas.Area",
        on_delete=models.CASCADE,
        related_name="roles",
        verbose_name=_("planning area"),
    )
    role = models.CharField(
        _("role"), max_length=20, choices=Role.choices, default=Role.COORDINATOR
    )

    class Meta:
        verbose_name = _("area role")
        verbose_name_plural = _("area roles")
        constraints = [
            models.UniqueConstraint(fields=["user", "area", "role"], name="arearole_unique"),
        ]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()} ({self.area})"
