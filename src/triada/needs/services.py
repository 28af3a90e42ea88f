"""Every write of the needs register: a need raised by a body, one sent by the public, the
coordinator's moderation and decision, and the purge of the public's personal data.

Each service validates, writes and audits in one transaction; a refused write raises
ValidationError (on the form's field where there is one) and leaves nothing behind. What the
public may read changed: `events.need_changed` tells the apps above (search)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from triada import events
from triada.audit.models import AuditEntry
from triada.audit.services import audit_record, snapshot
from triada.editing import changes_applied, locked

from .models import Need

NEED_FIELDS = ("text", "target_group", "status", "reason", "published", "body", "meeting")


def _validate_need(need: Need) -> None:
    errors = {}
    if need.body_id and need.body.area_id != need.area_id:
        errors["body"] = _("The body must be of this planning area.")
    if need.meeting_id and (need.body_id is None or need.meeting.body_id != need.body_id):
        errors["meeting"] = _("Choose a meeting of the body that raised the need.")
    if need.status == Need.Status.REJECTED and not need.reason.strip():
        errors["reason"] = _("Say why the need is rejected.")
    if errors:
        raise ValidationError(errors)
    need.full_clean()


@transaction.atomic
def need_create(*, actor, area, text: str, body=None, meeting=None, **fields) -> Need:
    """A need raised by a body (at a meeting): public at once, as the minutes are."""
    need = Need(area=area, text=text, body=body, meeting=meeting, published=True, **fields)
    _validate_need(need)
    need.save()
    audit_record(actor=actor, area=area, action=AuditEntry.Action.CREATE, instance=need)
    events.need_changed.send(sender=Need, need=need)
    return need


@transaction.atomic
def need_submit(
    *, area, text: str, target_group: str = "", submitter_name: str = "", submitter_email: str = ""
) -> Need:
    """A need sent by a member of the public; it waits for moderation before it is shown."""
    need = Need(
        area=area,
        text=text,
        target_group=target_group,
        submitter_name=submitter_name,
        submitter_email=submitter_email,
        published=False,
    )
    _validate_need(need)
    need.save()
    audit_record(
        actor=None,
        area=area,
        action=AuditEntry.Action.CREATE,
        instance=need,
        summary=_("sent through the public form"),
    )
    return need


@transaction.atomic
def need_update(*, actor, need: Need, **fields) -> Need:
    locked(need)
    before = snapshot(need)
    with changes_applied(need, fields, NEED_FIELDS):
        _validate_need(need)
        need.save()
    audit_record(
        actor=actor, area=need.area, action=AuditEntry.Action.UPDATE, instance=need, before=before
    )
    events.need_changed.send(sender=Need, need=need)
    return need


@transaction.atomic
def personal_data_purge(*, today: datetime.date) -> int:
    """Keep the privacy notices' promise: the public's names and e-mail addresses go with
    needs once they are dealt with (addressed by a measure or rejected). Returns how many
    needs were cleared. `today` as in the other apps' purges (the plan's comments wait for
    the end of the plan's period; a need waits for no date)."""
    dealt_with = Q(status=Need.Status.REJECTED) | Q(status=Need.Status.ADDRESSED, published=True)
    return (
        Need.objects.filter(dealt_with)
        .exclude(submitter_name="", submitter_email="")
        .update(submitter_name="", submitter_email="")
    )
