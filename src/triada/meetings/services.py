"""Writes to meetings: planning, agenda, guests, attendance and invitations."""

import datetime
import functools
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from triada.audit.models import AuditEntry
from triada.audit.services import audit_record, snapshot
from triada.documents.extraction import UploadRejected, check_size
from triada.documents.tasks import send_emails
from triada.editing import changes_applied
from triada.people.models import Person

from .calendar import meetings_calendar
from .models import AgendaDocument, AgendaItem, Attendance, Guest, Meeting
from .selectors import invited_memberships

MEETING_FIELDS = ("title", "starts_at", "ends_at", "place", "online_url", "status", "note")


def _check_meeting(meeting: Meeting) -> None:
    # One-line fields stay on one line: they go into calendar entries and e-mail subjects.
    meeting.title = " ".join(meeting.title.split())
    meeting.place = " ".join(meeting.place.split())
    if meeting.ends_at and meeting.starts_at and meeting.ends_at < meeting.starts_at:
        raise ValidationError({"ends_at": _("A meeting cannot end before it starts.")})
    meeting.full_clean()
    if not meeting.body.is_active_on(meeting.date):
        raise ValidationError({"starts_at": _("The body does not exist on that day.")})
    # Status follows time: a meeting counts toward the duty to meet once it has taken place.
    if meeting.status == Meeting.Status.HELD and meeting.starts_at > timezone.now():
        raise ValidationError(
            {"status": _("A meeting is marked held once it has started; this one starts later.")}
        )


@transaction.atomic
def meeting_create(*, actor, body, agenda: tuple[str, ...] = (), **fields) -> Meeting:
    meeting = Meeting(body=body, **fields)
    _check_meeting(meeting)
    meeting.save()
    for position, title in enumerate(agenda, start=1):
        item = AgendaItem(meeting=meeting, position=position, title=title)
        item.full_clean()
        item.save()
    audit_record(actor=actor, area=body.area, action=AuditEntry.Action.CREATE, instance=meeting)
    return meeting


@transaction.atomic
def meeting_update(*, actor, meeting: Meeting, **fields) -> Meeting:
    before = snapshot(meeting)
    with changes_applied(meeting, fields, MEETING_FIELDS):
        _check_meeting(meeting)
        has_record = meeting.attendance.exists() or hasattr(meeting, "minutes")
        if has_record and meeting.status != Meeting.Status.HELD:
            raise ValidationError(
                {"status": _("The meeting has an attendance list or minutes, so it was held.")}
            )
        meeting.save()
    audit_record(
        actor=actor,
        area=meeting.body.area,
        action=AuditEntry.Action.UPDATE,
        instance=meeting,
        before=before,
    )
    return meeting


@transaction.atomic
def agenda_save(*, actor, meeting: Meeting, items: list[dict]) -> None:
    """Make `items` (id or None, title, proposer, description) the agenda, in their order.

    Items keep their identity (and attached documents) when edited or moved; an item left out
    is deleted with its documents."""
    existing = {item.pk: item for item in meeting.agenda_items.all()}
    before = [(i.pk, i.title, i.proposer, i.description) for i in existing.values()]
    saved = []
    for position, data in enumerate(items, start=1):
        data = dict(data)
        item = existing.get(data.pop("id", None)) or AgendaItem(meeting=meeting)
        for name, value in data.items():
            setattr(item, name, value)
        item.position = position
        item.full_clean()
        item.save()
        saved.append(item)
    kept = {item.pk for item in saved}
    for pk, item in existing.items():
        if pk not in kept:
            for document in item.documents.all():
                # Only once the deletion is committed: a refused save keeps its files.
                transaction.on_commit(functools.partial(document.file.delete, save=False))
            item.delete()
    after = [(i.pk, i.title, i.proposer, i.description) for i in saved]
    if before != after:  # any change: an item added, removed, moved or rewritten
        titles_after = [item.title for item in saved]
        audit_record(
            actor=actor,
            area=meeting.body.area,
            action=AuditEntry.Action.UPDATE,
            instance=meeting,
            summary=_("agenda: %(items)s") % {"items": "; ".join(titles_after)},
        )


@transaction.atomic
def guest_add(*, actor, meeting: Meeting, **fields) -> Guest:
    guest = Guest(meeting=meeting, **fields)
    guest.full_clean()
    guest.save()
    audit_record(
        actor=actor, area=meeting.body.area, action=AuditEntry.Action.CREATE, instance=guest
    )
    return guest


@transaction.atomic
def guest_remove(*, actor, guest: Guest) -> None:
    audit_record(
        actor=actor,
        area=guest.meeting.body.area,
        action=AuditEntry.Action.DELETE,
        instance=guest,
        before=snapshot(guest),
    )
    guest.delete()


@transaction.atomic
def attendance_record(
    *, actor, meeting: Meeting, entries: dict[int, tuple[str, Person | None]]
) -> Meeting:
    """Record the attendance list: membership id → (status, substitute or None).

    A substitute represents the member's organization and votes in his or her place."""
    if meeting.status == Meeting.Status.CANCELLED:
        raise ValidationError(_("The meeting was cancelled; it has no attendance."))
    if meeting.starts_at > timezone.now():
        raise ValidationError(_("Attendance can be recorded once the meeting has started."))
    invited = {m.pk: m for m in invited_memberships(meeting)}
    already = {a.membership_id: a for a in meeting.attendance.all()}
    errors = []
    for membership_id, (status, substitute) in entries.items():
        membership = invited.get(membership_id) or (
            already[membership_id].membership if membership_id in already else None
        )
        if membership is None:
            errors.append(_("Only members invited to the meeting can be on its attendance list."))
            continue
        if status not in Attendance.Status.values:
            errors.append(_("Unknown attendance status."))
            continue
        if substitute is not None:
            if status == Attendance.Status.PRESENT:
                errors.append(
                    _("%(person)s came in person and needs no substitute.")
                    % {"person": membership.person}
                )
            elif membership.organization_id is None:
                errors.append(
                    _(
                        "%(person)s is a member as a private person; only an "
                        "organization sends a substitute."
                    )
                    % {"person": membership.person}
                )
            elif substitute.area_id != meeting.body.area_id:
                errors.append(_("The substitute belongs to another planning area."))
            elif any(m.person_id == substitute.pk for m in invited.values()):
                errors.append(
                    _("%(person)s is invited as a member and cannot substitute.")
                    % {"person": substitute}
                )
    if errors:
        raise ValidationError(errors)
    # The list is a fact of the meeting: everyone invited that day gets a line, absent
    # unless the entries say otherwise, so a later change of the roster cannot rewrite it.
    if not already:
        entries = dict.fromkeys(invited, (Attendance.Status.ABSENT, None)) | entries
    changed, new = [], []
    for membership_id, (status, substitute) in entries.items():
        line = already.get(membership_id) or Attendance(
            meeting=meeting, membership_id=membership_id
        )
        line.status, line.substitute = status, substitute
        (changed if line.pk else new).append(line)
    Attendance.objects.bulk_update(changed, ["status", "substitute"])
    Attendance.objects.bulk_create(new)
    if meeting.status == Meeting.Status.PLANNED:
        meeting.status = Meeting.Status.HELD
        meeting.save(update_fields=["status", "updated_at"])
    present = sum(
        1
        for status, substitute in entries.values()
        if status == Attendance.Status.PRESENT or substitute
    )
    audit_record(
        actor=actor,
        area=meeting.body.area,
        action=AuditEntry.Action.UPDATE,
        instance=meeting,
        summary=_("attendance recorded: %(present)d of %(total)d present")
        % {"present": present, "total": len(entries)},
    )
    return meeting


def invitation_is_late(meeting: Meeting, sent_at: datetime.datetime | None = None) -> bool:
    sent_at = sent_at or timezone.now()
    notice = datetime.timedelta(days=meeting.body.area.notice_days)
    return meeting.starts_at - sent_at < notice


@transaction.atomic
def meeting_invitations_send(*, actor, meeting: Meeting, meeting_url: str) -> int:
    """E-mail the invitation with the agenda and an .ics file to every invited member and
    guest with an e-mail address. Returns how many e-mails go out."""
    if meeting.status != Meeting.Status.PLANNED:
        raise ValidationError(_("Only a planned meeting can be announced."))
    recipients = [m.person.email for m in invited_memberships(meeting) if m.person.email]
    recipients += [g.email for g in meeting.guests.all() if g.email]
    recipients = sorted(set(recipients))
    if not recipients:
        raise ValidationError(_("Nobody invited has an e-mail address."))
    body = render_to_string(
        "meetings/email_invitation.txt",
        {
            "meeting": meeting,
            "agenda": list(meeting.agenda_items.all()),
            "url": meeting_url,
        },
    )
    ics = meetings_calendar(
        [meeting], name=meeting.display_title, url_for=lambda _m: meeting_url
    ).to_ical()
    subject = _("Invitation: %(meeting)s") % {"meeting": meeting}

    send_emails.enqueue(
        str(subject),
        body,
        recipients,
        ("pozvanka.ics", ics.decode(), "text/calendar; method=PUBLISH"),
    )
    before = snapshot(meeting)
    meeting.invitation_sent_at = timezone.now()
    meeting.save(update_fields=["invitation_sent_at", "updated_at"])
    audit_record(
        actor=actor,
        area=meeting.body.area,
        action=AuditEntry.Action.UPDATE,
        instance=meeting,
        before=before,
        summary=_("invitation sent to %(count)d recipients") % {"count": len(recipients)},
    )
    return len(recipients)


@transaction.atomic
def agenda_document_add(*, actor, item: AgendaItem, upload, title: str = "") -> AgendaDocument:
    """Attach a document to an agenda item; ValidationError naming the file otherwise."""
    name = Path(upload.name).name
    document = AgendaDocument(
        item=item, title=title.strip() or Path(name).stem, original_name=name, size=upload.size
    )
    if document.extension not in AgendaDocument.ALLOWED_EXTENSIONS:
        raise ValidationError(
            {
                "file": _("%(file)s: this kind of file is not accepted (accepted: %(kinds)s).")
                % {"file": name, "kinds": ", ".join(AgendaDocument.ALLOWED_EXTENSIONS)}
            }
        )
    try:
        check_size(name, upload.size)
    except UploadRejected as error:
        raise ValidationError({"file": str(error)}) from error
    document.full_clean(exclude=["file"])
    document.file.save(name, upload, save=False)
    try:
        document.save()
    except Exception:
        document.file.delete(save=False)  # no orphan file when the row is not written
        raise
    audit_record(
        actor=actor,
        area=item.meeting.body.area,
        action=AuditEntry.Action.CREATE,
        instance=document,
        summary=name,
    )
    return document
