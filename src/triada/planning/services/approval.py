"""The approval path of a settled version: the bodies' decisions, stage after stage."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from triada.audit.models import AuditEntry
from triada.audit.services import snapshot
from triada.editing import locked
from triada.structure.models import Body

from ..models import ApprovalStep, PlanVersion
from ._common import S, _audit

# The kind of body that takes each approval stage.
STAGE_OF_BODY_KIND = {
    Body.Kind.WORKING_GROUP: ApprovalStep.Stage.WORKING_GROUP,
    Body.Kind.DISCUSSION_FORUM: ApprovalStep.Stage.WORKING_GROUP,
    Body.Kind.STEERING_GROUP: ApprovalStep.Stage.STEERING_GROUP,
    Body.Kind.COUNCIL: ApprovalStep.Stage.COUNCIL,
    Body.Kind.ASSEMBLY: ApprovalStep.Stage.ASSEMBLY,
}


@transaction.atomic
def approval_step_record(
    *,
    actor,
    version: PlanVersion,
    body: Body,
    decided_on: datetime.date,
    resolution_number: str = "",
    meeting=None,
) -> ApprovalStep:
    """A body's decision on a settled version. The stages follow each other in time:
    working group, steering group, council, assembly."""
    locked(version)
    if version.status != S.SETTLED:
        raise ValidationError(
            _("The approval path is recorded once the comments are settled and until approval.")
        )
    stage = STAGE_OF_BODY_KIND.get(body.kind)
    errors = {}
    if body.area_id != version.plan.area_id or stage is None:
        errors["body"] = _(
            "Choose a working group or forum, the steering group, the council or the assembly "
            "of this area."
        )
    if decided_on > timezone.localdate():
        errors["decided_on"] = _("The date cannot be in the future.")
    elif version.comments_until and decided_on <= version.comments_until:
        errors["decided_on"] = _("The bodies decide after the comment period has ended.")
    if meeting is not None and (
        meeting.body_id != body.pk or timezone.localtime(meeting.starts_at).date() != decided_on
    ):
        errors["meeting"] = _("Choose the meeting of this body on the day of the decision.")
    if errors:
        raise ValidationError(errors)
    for other in version.approval_steps.all():
        if (other.stage < stage and other.decided_on > decided_on) or (
            other.stage > stage and other.decided_on < decided_on
        ):
            raise ValidationError(
                {
                    "decided_on": _(
                        "The %(stage)s decided on %(day)s; the stages follow each other in time: "
                        "working group, steering group, council, assembly."
                    )
                    % {
                        "stage": other.get_stage_display(),
                        "day": date_format(other.decided_on),
                    }
                }
            )
    step = ApprovalStep(
        version=version,
        stage=stage,
        body=body,
        decided_on=decided_on,
        resolution_number=resolution_number,
        meeting=meeting,
    )
    step.full_clean()
    step.save()
    _audit(actor, version.plan.area, step, action=AuditEntry.Action.CREATE)
    return step


@transaction.atomic
def approval_step_delete(*, actor, step: ApprovalStep) -> None:
    locked(step.version)
    if step.version.status != S.SETTLED:
        raise ValidationError(_("The approval path of an approved version is kept as it is."))
    _audit(
        actor,
        step.version.plan.area,
        step,
        action=AuditEntry.Action.DELETE,
        before=snapshot(step),
    )
    step.delete()
