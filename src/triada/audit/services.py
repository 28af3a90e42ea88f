import datetime

from django.conf import settings
from django.db import models

from .models import AuditEntry

SKIPPED_FIELDS = {"id", "created_at", "updated_at"}


def _as_text(instance: models.Model, field: models.Field) -> str | None:
    value = getattr(instance, field.name)
    if value is None:
        return None
    if isinstance(field, models.ForeignKey):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def snapshot(instance: models.Model) -> dict[str, str | None]:
    """The instance's own fields as text, to compare before and after a change."""
    return {
        field.name: _as_text(instance, field)
        for field in instance._meta.concrete_fields
        if field.name not in SKIPPED_FIELDS
    }


def audit_record(
    *,
    actor,
    area,
    action: str,
    instance: models.Model,
    before: dict | None = None,
    summary: str = "",
) -> AuditEntry | None:
    """Write one audit entry inside the service's transaction; an update that changed
    nothing leaves none."""
    if action == AuditEntry.Action.DELETE:
        after: dict = {}
    else:
        after = snapshot(instance)
    before = before or {}
    changes = {
        name: [before.get(name), after.get(name)]
        for name in sorted(set(before) | set(after))
        if before.get(name) != after.get(name)
    }
    if action == AuditEntry.Action.UPDATE and not changes and not summary:
        return None
    return AuditEntry.objects.create(
        area=area,
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        object_type=instance._meta.label_lower,
        object_id=str(instance.pk),
        object_repr=str(instance)[:300],
        changes=changes,
        summary=summary[:300],
    )


def client_address(request) -> str | None:
    """The client's address, for the audit log and for sign-in throttling alike. Behind the
    TLS proxy (DJANGO_BEHIND_TLS_PROXY) it is the last address of X-Forwarded-For: the one
    the proxy itself added, which a client cannot forge."""
    if request is None:
        return None
    if settings.TRIADA_BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR") or None


def security_record(*, action: str, request, user=None, username: str = "", summary: str = ""):
    """One sign-in or security event of the instance (no area): who, from where, what."""
    return AuditEntry.objects.create(
        area=None,
        actor=user if user is not None and user.is_authenticated else None,
        action=action,
        object_type="accounts.user",
        object_id=str(user.pk) if user is not None and user.pk else "",
        object_repr=(str(user) if user is not None else username)[:300],
        summary=summary[:300],
        ip_address=client_address(request),
    )
