"""A person's rights over their personal data (GDPR art. 7(3), 15, 17 and 20): the export, the
erasure that keeps minutes and memberships meaningful, and consent for public display that
reaches what was published before.

Published minutes keep each name in a `<span data-person="pk">` (minutes.render); a change of
consent or an erasure rewrites that span in every published version, renders its PDF again
and updates the search entry, so no public page, file or search result keeps the old name.
"""

import json
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.http import JsonResponse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from triada.audit.models import AuditEntry
from triada.audit.services import audit_record
from triada.meetings.models import Attendance
from triada.minutes.models import Comment as MinutesComment
from triada.minutes.models import Minutes, Section, Task, Version
from triada.minutes.render import plain_text
from triada.minutes.tasks import index_published_minutes, render_version_pdf
from triada.people.public import public_name
from triada.planning.models import Comment as PlanComment
from triada.planning.models import Responsibility

from .models import LeaderElection, Person

EXPORT_FORMAT = "triada-personal-data/1"
PERSONAL_FIELDS = ("title_before", "first_name", "last_name", "title_after", "email", "phone")


def _date(value):
    return value.isoformat() if value else None


def person_export(person: Person) -> dict:
    """Everything the instance holds about the person, as JSON-ready data."""
    user = person.user
    memberships = person.memberships.select_related("body", "organization").order_by("start_on")
    attendance = (
        Attendance.objects.filter(membership__person=person)
        .select_related("meeting__body", "substitute")
        .order_by("meeting__starts_at")
    )
    substituted = Attendance.objects.filter(substitute=person).select_related("meeting__body")
    data = {
        "format": EXPORT_FORMAT,
        "exported_at": timezone.now().isoformat(),
        "area": person.area.name,
        "person": {
            **{name: getattr(person, name) for name in PERSONAL_FIELDS},
            "public_consent": person.public_consent,
            "created_at": _date(person.created_at),
            "updated_at": _date(person.updated_at),
        },
        "account": None,
        "memberships": [
            {
                "body": m.body.name,
                "organization": m.organization.name if m.organization else None,
                "triad_side": m.triad_side,
                "function": m.function,
                "start_on": _date(m.start_on),
                "end_on": _date(m.end_on),
                "note": m.note,
            }
            for m in memberships
        ],
        "attendance": [
            {
                "meeting": _date(a.meeting.starts_at),
                "body": a.meeting.body.name,
                "status": a.status,
                "substitute": a.substitute.full_name if a.substitute else None,
            }
            for a in attendance
        ],
        "substituted_at": [
            {"meeting": _date(a.meeting.starts_at), "body": a.meeting.body.name}
            for a in substituted
        ],
        "elected_leader": [
            {"body": e.body.name, "held_on": _date(e.held_on)}
            for e in LeaderElection.objects.filter(elected=person).select_related("body")
        ],
        "minutes_tasks": [
            {"text": t.text, "due_on": _date(t.due_on), "closed_on": _date(t.closed_on)}
            for t in Task.objects.filter(responsible=person)
        ],
        "plan_responsibilities": [
            {"plan": str(r.item.version), "item": r.item.title}
            for r in Responsibility.objects.filter(person=person).select_related("item__version")
        ],
        "plan_comments": [
            {
                "version": str(c.version),
                "text": c.text,
                "created_at": _date(c.created_at),
                "decision": c.decision,
                "reason": c.reason,
            }
            for c in PlanComment.objects.filter(person=person).select_related("version")
        ],
    }
    if user is not None:
        data["account"] = account_export(user)
    return data


def account_export(user) -> dict:
    """The sign-in account's data: for a person's export, or alone for a user without one."""
    return {
        "username": user.username,
        "email": user.email,
        "date_joined": _date(user.date_joined),
        "last_login": _date(user.last_login),
        "two_factor": TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
        "minutes_comments": [
            {"text": c.text, "created_at": _date(c.created_at)}
            for c in MinutesComment.objects.filter(author=user)
        ],
        "events": [
            {
                "at": _date(e.at),
                "action": e.action,
                "object": e.object_repr,
                "address": e.ip_address,
            }
            for e in AuditEntry.objects.filter(actor=user).order_by("at", "pk")
        ],
    }


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


def refresh_published_minutes(person: Person, *, also_replace: tuple[str, ...] = ()) -> int:
    """Write the person's current public name (or "name not published") into every published
    version of the area's minutes that names the person; `also_replace` are spellings of an
    erased name to remove from the free text too. Returns the number of versions changed."""
    with translation.override("cs"):
        label = escape(public_name(person) or _("name not published"))
    span = re.compile(rf'(<span data-person="{person.pk}">).*?(</span>)', re.S)
    candidates = Version.objects.filter(minutes__meeting__body__area_id=person.area_id)
    if also_replace:
        candidates = candidates.filter(
            html__regex="|".join(re.escape(escape(name)) for name in also_replace)
            + f'|data-person="{person.pk}"'
        )
    else:
        candidates = candidates.filter(html__contains=f'data-person="{person.pk}"')
    changed_minutes = set()
    for version in candidates:
        html = span.sub(lambda match: f"{match.group(1)}{label}{match.group(2)}", version.html)
        for name in also_replace:
            html = html.replace(escape(name), label)
        if html == version.html:
            continue
        version.html = html
        version.text = plain_text(html)
        version.save(update_fields=["html", "text"])
        render_version_pdf.enqueue(version.pk)
        changed_minutes.add(version.minutes_id)
    for minutes_id in changed_minutes:
        index_published_minutes.enqueue(minutes_id)
    return len(changed_minutes)


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
    PlanComment.objects.filter(person=person).update(author_name="", author_email="")
    _replace_in_working_minutes(person, spellings, label)
    _scrub_audit_log(person, spellings, label)
    audit_record(
        actor=actor,
        area=person.area,
        action=AuditEntry.Action.ERASURE,
        instance=person,
        summary=_("personal data erased on request"),
    )
    refresh_published_minutes(person, also_replace=spellings)
    return person


def _replace_in_working_minutes(person, spellings, label) -> None:
    minutes = Minutes.objects.filter(meeting__body__area_id=person.area_id)
    sections = Section.objects.filter(minutes__in=minutes)
    for queryset, fields in ((minutes, ("opening", "closing")), (sections, ("discussion",))):
        for row in queryset.only("pk", *fields):
            changed = [f for f in fields if any(n in getattr(row, f) for n in spellings)]
            for field in changed:
                text = getattr(row, field)
                for name in spellings:
                    text = text.replace(name, label)
                setattr(row, field, text)
            if changed:
                row.save(update_fields=changed)


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
