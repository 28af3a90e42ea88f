"""A person's rights over their personal data (GDPR art. 7(3), 15, 17 and 20): the export, the
erasure that keeps minutes and memberships meaningful, and consent for public display that
reaches what was published before.

The apps above people add what they hold (attendance, tasks, comments, plan duties) through
`register`; minutes also rewrite the name in every published version when the public name
changes (`triada.events.public_name_changed`) or the person is erased, so no public page,
file or search result keeps the old name.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from triada.audit.models import AuditEntry
from triada.audit.services import audit_record

from .models import LeaderElection, Person

EXPORT_FORMAT = "triada-personal-data/1"
PERSONAL_FIELDS = ("title_before", "first_name", "last_name", "title_after", "email", "phone")


@dataclass(frozen=True)
class PersonalDataSource:
    """What an app above people holds about a person, registered in its AppConfig.ready():
    `person` gives sections of a person's export, `account` sections of a sign-in account's,
    `erase(person, spellings, label)` removes the erased name from the app's rows."""

    person: Callable[[Person], dict] | None = None
    account: Callable[[object], dict] | None = None
    erase: Callable[[Person, tuple[str, ...], str], None] | None = None


_sources: list[PersonalDataSource] = []


def register(source: PersonalDataSource) -> None:
    _sources.append(source)


def export_date(value):
    return value.isoformat() if value else None


def person_export(person: Person) -> dict:
    """Everything the instance holds about the person, as JSON-ready data."""
    user = person.user
    memberships = person.memberships.select_related("body", "organization").order_by("start_on")
    data = {
        "format": EXPORT_FORMAT,
        "exported_at": timezone.now().isoformat(),
        "area": person.area.name,
        "person": {
            **{name: getattr(person, name) for name in PERSONAL_FIELDS},
            "public_consent": person.public_consent,
            "created_at": export_date(person.created_at),
            "updated_at": export_date(person.updated_at),
        },
        "account": None,
        "memberships": [
            {
                "body": m.body.name,
                "organization": m.organization.name if m.organization else None,
                "triad_side": m.triad_side,
                "function": m.function,
                "start_on": export_date(m.start_on),
                "end_on": export_date(m.end_on),
                "note": m.note,
            }
            for m in memberships
        ],
        "elected_leader": [
            {"body": e.body.name, "held_on": export_date(e.held_on)}
            for e in LeaderElection.objects.filter(elected=person).select_related("body")
        ],
    }
    for source in _sources:
        if source.person is not None:
            data.update(source.person(person))
    if user is not None:
        data["account"] = account_export(user)
    return data


def account_export(user) -> dict:
    """The sign-in account's data: for a person's export, or alone for a user without one."""
    data = {
        "username": user.username,
        "email": user.email,
        "date_joined": export_date(user.date_joined),
        "last_login": export_date(user.last_login),
        "two_factor": TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
        "events": [
            {
                "at": export_date(e.at),
                "action": e.action,
                "object": e.object_repr,
                "address": e.ip_address,
            }
            for e in AuditEntry.objects.filter(actor=user).order_by("at", "pk")
        ],
    }
    for source in _sources:
        if source.account is not None:
            data.update(source.account(user))
    return data


def export_response(data: dict, *, actor, subject) -> JsonResponse:
    """The export as a JSON download; the audit log records who exported whose data."""
    audit_record(
        actor=actor,
        area=getattr(subject, "area", None),
        action=AuditEntry.Action.DATA_EXPORT,
        instance=subject,
        summary=_("personal data exported on request"),
    )
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    filename = f"osobni-udaje-{subject._meta.model_name}-{subject.pk}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _spellings(person: Person) -> tuple[str, ...]:
    """The ways the name may be written in minutes and in the audit log, longest first."""
    names = {
        person.full_name,
        f"{person.first_name} {person.last_name}",
        f"{person.last_name} {person.first_name}",
    }
    return tuple(sorted((n for n in names if len(n.strip()) > 3), key=len, reverse=True))


@transaction.atomic
def person_erase(*, actor, person: Person) -> Person:
    """Erase the person's personal data on request. Memberships, attendance, tasks and plan
    responsibilities stay, so minutes and rosters keep their meaning ("person no. 12 for the
    organization X"); the name, contacts and sign-in account are gone, from published minutes,
    their PDFs and search, from the text of the working minutes and from the audit log."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    if person.erased_at:
        raise ValidationError(_("The data of this person were erased already."))
    spellings = _spellings(person)
    person.erased_at = timezone.now()
    for name in PERSONAL_FIELDS:
        setattr(person, name, "")
    person.public_consent = False
    user = person.user
    person.user = None
    person.save()
    label = person.full_name
    if user is not None:
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        user.area_roles.all().delete()
        user.username = f"erased-{user.pk}"
        user.first_name = user.last_name = user.email = ""
        user.is_active = user.is_staff = user.is_superuser = False
        user.set_unusable_password()
        user.save()
    for source in _sources:
        if source.erase is not None:
            source.erase(person, spellings, label)
    _scrub_audit_log(person, spellings, label)
    audit_record(
        actor=actor,
        area=person.area,
        action=AuditEntry.Action.ERASURE,
        instance=person,
        summary=_("personal data erased on request"),
    )
    return person


def _scrub_audit_log(person, spellings, label) -> None:
    """The log keeps that things happened, not the erased name or contacts."""
    about_person = AuditEntry.objects.filter(object_type="people.person", object_id=str(person.pk))
    for entry in about_person:
        entry.changes = {
            field: ["…", "…"] if field in PERSONAL_FIELDS else values
            for field, values in entry.changes.items()
        }
        entry.object_repr = label
        entry.save(update_fields=["changes", "object_repr"])
    as_text = AuditEntry.objects.annotate(changes_text=Cast("changes", TextField()))
    for name in spellings:
        # JSON text may hold the name as written or with \u escapes (SQLite).
        mentions = (
            Q(object_repr__contains=name)
            | Q(changes_text__contains=name)
            | Q(changes_text__contains=json.dumps(name)[1:-1])
        )
        for entry in as_text.filter(mentions):
            entry.object_repr = entry.object_repr.replace(name, label)
            entry.changes = json.loads(
                json.dumps(entry.changes, ensure_ascii=False).replace(
                    json.dumps(name, ensure_ascii=False)[1:-1], label
                )
            )
            entry.save(update_fields=["object_repr", "changes"])
