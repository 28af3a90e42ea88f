from django.apps import apps
from django.core.exceptions import FieldDoesNotExist

from .models import AuditEntry


def _field_label(object_type: str, name: str) -> str:
    try:
        model = apps.get_model(object_type)
        return str(model._meta.get_field(name).verbose_name)
    except (LookupError, ValueError, FieldDoesNotExist):
        return name


def _type_label(object_type: str) -> str:
    try:
        return str(apps.get_model(object_type)._meta.verbose_name)
    except (LookupError, ValueError):
        return object_type


def audit_log(area, *, object_type: str = ""):
    qs = AuditEntry.objects.filter(area=area).select_related("actor")
    return qs.filter(object_type=object_type) if object_type else qs


def object_types(area) -> list[tuple[str, str]]:
    types = (
        AuditEntry.objects.filter(area=area)
        .order_by()
        .values_list("object_type", flat=True)
        .distinct()
    )
    return sorted(((t, _type_label(t)) for t in types), key=lambda pair: pair[1])


def describe(entries) -> list[AuditEntry]:
    """Attach readable labels to the entries shown on a page."""
    entries = list(entries)
    for entry in entries:
        entry.type_label = _type_label(entry.object_type)
        entry.change_rows = [
            (_field_label(entry.object_type, name), old, new)
            for name, (old, new) in entry.changes.items()
        ]
    return entries
