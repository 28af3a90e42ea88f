import datetime

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import AuditEntry


def _field(object_type: str, name: str):
    try:
        return apps.get_model(object_type)._meta.get_field(name)
    except (LookupError, ValueError, FieldDoesNotExist):
        return None


def _display(field, value: str | None) -> str | None:
    """A stored value as the user reads it: choice labels, yes/no, Czech dates."""
    if value in (None, "") or field is None:
        return value
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return str(_("yes") if value == "True" else _("no"))
    if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
        try:
            return date_format(datetime.date.fromisoformat(value), "SHORT_DATE_FORMAT")
        except ValueError:
            return value
    return value


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
        entry.change_rows = []
        for name, (old, new) in entry.changes.items():
            if old in (None, "") and new in (None, ""):
                continue
            field = _field(entry.object_type, name)
            label = str(field.verbose_name) if field is not None else name
            entry.change_rows.append((label, _display(field, old), _display(field, new)))
    return entries
