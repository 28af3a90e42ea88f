"""Comments on a version in its comment period, their settlement by the groups, and the purge
of the public's names and addresses once the plan's period is over."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from triada.audit.models import AuditEntry
from triada.audit.services import snapshot
from triada.editing import locked
from triada.structure.models import Body

from ..models import Comment, PlanItem, PlanVersion
from ._common import S, _audit

# Groups that settle comments.
SETTLING_BODY_KINDS = (
    Body.Kind.WORKING_GROUP,
    Body.Kind.DISCUSSION_FORUM,
    Body.Kind.STEERING_GROUP,
)

COMMENT_MAX_LENGTH = 10_000


def item_label(item: PlanItem, number: str) -> str:
    return f"{number} {item.title}" if number else item.title


@transaction.atomic
def comment_submit(
    *,
    version: PlanVersion,
    item: PlanItem | None,
    section: str,
    text: str,
    person=None,
    author_name: str = "",
    author_email: str = "",
) -> Comment:
    """A comment from the public form or a signed-in member, accepted only while the
    version's comment period is open. `section` is how the commented part reads now."""
    locked(version)
    if not version.comments_open_on(timezone.localdate()):
        raise ValidationError(_("The comment period of this version is not open."))
    if item is not None and item.version_id != version.pk:
        raise ValidationError({"item": _("Choose a section of this version.")})
    if not text.strip():
        raise ValidationError({"text": _("Write the comment.")})
    if len(text) > COMMENT_MAX_LENGTH:
        raise ValidationError(
            {
                "text": _("A comment has at most %(count)s characters.")
                % {"count": COMMENT_MAX_LENGTH}
            }
        )
    if person is not None and person.area_id != version.plan.area_id:
        raise ValidationError(_("Only members of this planning area comment when signed in."))
    number = (version.comments.aggregate(n=Max("number"))["n"] or 0) + 1
    comment = Comment(
        version=version,
        number=number,
        item=item,
        section=section[:600],
        text=text,
        person=person,
        author_name=author_name,
        author_email=author_email,
    )
    comment.full_clean()
    comment.save()
    _audit(
        person.user if person and person.user_id else None,
        version.plan.area,
        comment,
        action=AuditEntry.Action.CREATE,
    )
    return comment


@transaction.atomic
def comment_settle(
    *,
    actor,
    comment: Comment,
    decision: str,
    reason: str,
    settled_by: Body,
    settled_on: datetime.date,
) -> Comment:
    """A working group or the steering group decides on a comment and says why."""
    locked(comment)
    version = comment.version
    if version.status != S.IN_COMMENTS:
        raise ValidationError(_("Comments are settled while the version is in its comment period."))
    errors = {}
    if decision not in Comment.Decision.values:
        errors["decision"] = _("Choose the decision.")
    if not reason.strip():
        errors["reason"] = _("Give the reason for the decision.")
    if settled_by.area_id != version.plan.area_id or settled_by.kind not in SETTLING_BODY_KINDS:
        errors["settled_by"] = _("Comments are settled by a working group or the steering group.")
    if settled_on > timezone.localdate():
        errors["settled_on"] = _("The date cannot be in the future.")
    elif version.comments_from and settled_on < version.comments_from:
        errors["settled_on"] = _("A comment cannot be settled before the comment period began.")
    if errors:
        raise ValidationError(errors)
    before = snapshot(comment)
    comment.decision = decision
    comment.reason = reason
    comment.settled_by = settled_by
    comment.settled_on = settled_on
    comment.save()
    _audit(actor, version.plan.area, comment, before=before)
    return comment


@transaction.atomic
def personal_data_purge(*, today: datetime.date) -> int:
    """Keep the privacy notices' promise: the public's names and e-mail addresses go with
    comments once the plan's period is over. Returns how many comments were cleared. (The
    needs': triada.needs.services.personal_data_purge.)"""
    return (
        Comment.objects.filter(version__plan__last_year__lt=today.year)
        .exclude(author_name="", author_email="")
        .update(author_name="", author_email="")
    )
