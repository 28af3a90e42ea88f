"""The life of minutes: written from the agenda, sent to the attendees for comments, approved,
published as a PDF, and corrected only by publishing a new version."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from triada import events
from triada.audit.models import AuditEntry
from triada.audit.services import audit_record, snapshot
from triada.documents.tasks import send_emails
from triada.meetings.models import Meeting
from triada.meetings.selectors import attendance_summary
from triada.people.models import Person

from .models import Comment, Minutes, Resolution, Section, Task, Version
from .render import render_document
from .tasks import render_version_pdf

S = Minutes.Status
# The code of the error that tells an editor someone else saved in the meantime.
EDIT_CONFLICT = "edit_conflict"


def _changed(minutes: Minutes) -> None:
    """Approved minutes that change go back to a draft, to be approved again."""
    if minutes.status == S.APPROVED:
        minutes.status = S.DRAFT
        minutes.save(update_fields=["status", "updated_at"])


def _audit(actor, minutes, summary, instance=None, action=AuditEntry.Action.UPDATE, before=None):
    audit_record(
        actor=actor,
        area=minutes.meeting.body.area,
        action=action,
        instance=instance or minutes,
        before=before,
        summary=summary,
    )


def _lock(instance):
    """Lock the row for the rest of the transaction and read its current state, so that two
    clicks or two editors cannot both pass a check (e.g. publish version 2 twice)."""
    type(instance).objects.select_for_update().filter(pk=instance.pk).first()
    instance.refresh_from_db()
    return instance


@transaction.atomic
def minutes_start(*, actor, meeting: Meeting) -> Minutes:
    """The minutes of a meeting that took place, with one section per agenda item."""
    _lock(meeting)
    existing = Minutes.objects.filter(meeting=meeting).first()
    if existing:
        return existing
    if meeting.status == Meeting.Status.CANCELLED:
        raise ValidationError(_("The meeting was cancelled; it has no minutes."))
    if meeting.starts_at > timezone.now():
        raise ValidationError(_("Minutes are written once the meeting has started."))
    minutes = Minutes.objects.create(meeting=meeting)
    Section.objects.bulk_create(
        Section(minutes=minutes, position=item.position, title=item.title)
        for item in meeting.agenda_items.all()
    )
    _audit(actor, minutes, "", action=AuditEntry.Action.CREATE)
    return minutes


@transaction.atomic
def minutes_update(
    *,
    actor,
    minutes: Minutes,
    edit_count: int,
    opening: str,
    closing: str,
    discussions: dict[int, str],
) -> Minutes:
    """Save the text. Refused when someone else saved since the editor opened the form.

    Editing approved minutes returns them to a draft; published minutes stay published and
    the change reaches the public with the next published version."""
    # Lock the row so that two saves cannot both pass the check.
    current = Minutes.objects.select_for_update().get(pk=minutes.pk)
    if current.edit_count != edit_count:
        raise ValidationError(
            _(
                "Someone else saved these minutes while you were editing them. Your text is kept "
                "below; compare it with the current one and save again."
            ),
            code=EDIT_CONFLICT,
        )
    sections = {s.pk: s for s in minutes.sections.all()}
    if set(discussions) - set(sections):
        raise ValidationError(_("The minutes have no such agenda item."))
    before = snapshot(current)
    current.opening, current.closing = opening, closing
    if current.status == S.APPROVED:
        current.status = S.DRAFT
    current.edit_count = F("edit_count") + 1
    current.save()
    current.refresh_from_db()
    changed = [s for pk, s in sections.items() if s.discussion != discussions.get(pk, s.discussion)]
    for section in changed:
        section.discussion = discussions[section.pk]
    Section.objects.bulk_update(changed, ["discussion"])
    _audit(
        actor,
        current,
        _("text changed: %(items)s") % {"items": ", ".join(s.title for s in changed) or "—"},
        before=before,
    )
    minutes.refresh_from_db()  # the caller's object shows what was saved
    return minutes


def _check_votes_cast(meeting, cast: int) -> None:
    """Only the members present with a vote (or their substitutes) vote: checked against the
    attendance list once it is recorded."""
    if not meeting.attendance.exists():
        return
    present = attendance_summary(meeting).present_voting
    if cast > present:
        raise ValidationError(
            {
                "votes_for": _(
                    "%(cast)d votes were cast but only %(present)d members with a vote were "
                    "present (the attendance list)."
                )
                % {"cast": cast, "present": present}
            }
        )


@transaction.atomic
def resolution_add(
    *,
    actor,
    section: Section,
    text: str,
    adoption: str,
    votes_for=None,
    votes_against=None,
    votes_abstained=None,
) -> Resolution:
    resolution = Resolution(
        section=section,
        text=text,
        adoption=adoption,
        votes_for=votes_for,
        votes_against=votes_against,
        votes_abstained=votes_abstained,
    )
    if adoption == Resolution.Adoption.VOTE and None in (votes_for, votes_against, votes_abstained):
        raise ValidationError({"votes_for": _("Give the votes for, against and abstained.")})
    if adoption == Resolution.Adoption.CONSENSUS:
        resolution.votes_for = resolution.votes_against = resolution.votes_abstained = None
    else:
        _check_votes_cast(section.minutes.meeting, votes_for + votes_against + votes_abstained)
    resolution.full_clean()
    resolution.save()
    _changed(section.minutes)
    _audit(actor, section.minutes, "", instance=resolution, action=AuditEntry.Action.CREATE)
    return resolution


@transaction.atomic
def resolution_delete(*, actor, resolution: Resolution) -> None:
    minutes = resolution.section.minutes
    _audit(
        actor,
        minutes,
        "",
        instance=resolution,
        action=AuditEntry.Action.DELETE,
        before=snapshot(resolution),
    )
    resolution.delete()
    _changed(minutes)


@transaction.atomic
def task_add(
    *,
    actor,
    minutes: Minutes,
    section: Section | None,
    text: str,
    responsible: Person | None = None,
    due_on: datetime.date | None = None,
) -> Task:
    area = minutes.meeting.body.area
    if responsible is not None and responsible.area_id != area.pk:
        raise ValidationError({"responsible": _("The person belongs to another planning area.")})
    if section is not None and section.minutes_id != minutes.pk:
        raise ValidationError({"section": _("The minutes have no such agenda item.")})
    task = Task(minutes=minutes, section=section, text=text, responsible=responsible, due_on=due_on)
    task.full_clean()
    task.save()
    _changed(minutes)
    _audit(actor, minutes, "", instance=task, action=AuditEntry.Action.CREATE)
    return task


@transaction.atomic
def task_close(
    *,
    actor,
    task: Task,
    status: str,
    note: str = "",
    closed_on: datetime.date | None = None,
    at_meeting: Meeting | None = None,
) -> Task:
    if status not in (Task.Status.DONE, Task.Status.DROPPED):
        raise ValidationError({"status": _("A task is closed as done or dropped.")})
    _lock(task)
    if task.status != Task.Status.OPEN:
        raise ValidationError(_("The task is already closed."))
    body = task.minutes.meeting.body
    if at_meeting is not None and at_meeting.body_id != body.pk:
        raise ValidationError(_("A task is closed at a meeting of the same body."))
    before = snapshot(task)
    task.status, task.closing_note, task.closed_at = status, note, at_meeting
    task.closed_on = closed_on or (at_meeting.date if at_meeting else timezone.localdate())
    task.full_clean()
    task.save()
    audit_record(
        actor=actor, area=body.area, action=AuditEntry.Action.UPDATE, instance=task, before=before
    )
    return task


def _present_emails(minutes: Minutes) -> list[str]:
    rows = attendance_summary(minutes.meeting).rows
    people = [row.substitute or row.membership.person for row in rows if row.present]
    return sorted({p.email for p in people if p.email})


@transaction.atomic
def minutes_send_for_comments(*, actor, minutes: Minutes, url: str) -> int:
    """Ask the attendees for comments; returns how many e-mails go out."""
    if _lock(minutes).status != S.DRAFT:
        raise ValidationError(_("Only draft minutes are sent for comments."))
    recipients = _present_emails(minutes)
    before = snapshot(minutes)
    minutes.status = S.IN_COMMENTS
    minutes.save(update_fields=["status", "updated_at"])
    subject = _("Draft minutes for your comments: %(meeting)s") % {"meeting": minutes.meeting}
    body = render_to_string("minutes/email_comments.txt", {"minutes": minutes, "url": url})
    if recipients:
        send_emails.enqueue(subject, body, recipients)
    _audit(
        actor,
        minutes,
        _("sent for comments to %(count)d attendees") % {"count": len(recipients)},
        before=before,
    )
    return len(recipients)


def may_comment(user, minutes: Minutes, summary=None) -> bool:
    """Attendees comment: the members (and substitutes) present at the meeting."""
    if not user.is_authenticated or minutes.status != S.IN_COMMENTS:
        return False
    rows = (summary or attendance_summary(minutes.meeting)).rows
    present = {(row.substitute or row.membership.person).user_id for row in rows if row.present}
    return user.pk in present


@transaction.atomic
def comment_add(*, author, minutes: Minutes, text: str) -> Comment:
    if not may_comment(author, minutes):
        raise ValidationError(
            _("Only the attendees comment, while the minutes are out for comments.")
        )
    if not text.strip():
        raise ValidationError({"text": _("Write the comment.")})
    comment = Comment.objects.create(minutes=minutes, author=author, text=text.strip())
    _audit(author, minutes, "", instance=comment, action=AuditEntry.Action.CREATE)
    return comment


@transaction.atomic
def minutes_approve(*, actor, minutes: Minutes) -> Minutes:
    if _lock(minutes).status not in (S.DRAFT, S.IN_COMMENTS):
        raise ValidationError(_("Only draft minutes are approved."))
    before = snapshot(minutes)
    minutes.status = S.APPROVED
    minutes.save(update_fields=["status", "updated_at"])
    _audit(actor, minutes, "", before=before)
    return minutes


@transaction.atomic
def minutes_publish(*, actor, minutes: Minutes, note: str = "") -> Version:
    """Publish the approved minutes as version 1, or a correction as the next version."""
    _lock(minutes)
    last = minutes.versions.first()
    if last is None and minutes.status != S.APPROVED:
        raise ValidationError(_("The minutes are published once they are approved."))
    if last is not None and not note.strip():
        raise ValidationError({"note": _("Say what the correction changes.")})
    html, text = render_document(minutes)
    if last is not None and last.html == html:
        raise ValidationError(_("Nothing has changed since the last published version."))
    version = Version(
        minutes=minutes,
        number=(last.number + 1) if last else 1,
        published_by=actor if actor and actor.is_authenticated else None,
        note=note.strip(),
        html=html,
        text=text,
    )
    version.save()
    # The PDF and the search entry are made in the background (at once in development).
    render_version_pdf.enqueue(version.pk)
    before = snapshot(minutes)
    minutes.status = S.PUBLISHED
    minutes.save(update_fields=["status", "updated_at"])
    events.minutes_published.send(sender=Minutes, minutes=minutes)
    _audit(
        actor,
        minutes,
        _("version %(number)d published") % {"number": version.number},
        before=before,
    )
    return version
