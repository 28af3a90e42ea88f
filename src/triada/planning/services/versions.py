"""Plans and their versions: a plan with its first draft, a version's text, a new version
with a copy of the tree, and the life of a version (comments, settled, approved, in force,
archived)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from triada import events
from triada.audit.models import AuditEntry
from triada.audit.services import snapshot
from triada.editing import locked

from ..models import (
    ApprovalStep,
    Cost,
    Indicator,
    IndicatorTarget,
    Plan,
    PlanItem,
    PlanVersion,
    Responsibility,
)
from ._common import S, _audit, _require_editable


@transaction.atomic
def plan_create(
    *, actor, area, ordinal: int, title: str, first_year: int, last_year: int
) -> PlanVersion:
    """A new plan with its first, draft version."""
    plan = Plan(area=area, ordinal=ordinal, title=title, first_year=first_year, last_year=last_year)
    plan.full_clean()
    plan.save()
    version = PlanVersion.objects.create(plan=plan, number=1)
    _audit(actor, area, plan, action=AuditEntry.Action.CREATE)
    return version


@transaction.atomic
def version_update(*, actor, version: PlanVersion, vision: str, introduction: str) -> PlanVersion:
    locked(version)
    _require_editable(version)
    before = snapshot(version)
    version.vision = vision
    version.introduction = introduction
    version.save()
    _audit(actor, version.plan.area, version, before=before)
    return version


@transaction.atomic
def version_new(*, actor, version: PlanVersion) -> PlanVersion:
    """A change of a frozen version: a new draft with a copy of its whole text. Items keep
    their keys, so the comparison and the monitoring follow them."""
    plan = locked(version.plan)
    working = plan.versions.filter(status__in=(*PlanVersion.EDITABLE, S.IN_COMMENTS)).first()
    if working:
        raise ValidationError(
            _("Version %(number)s is still being prepared; change that one.")
            % {"number": working.number}
        )
    number = plan.versions.aggregate(n=Max("number"))["n"] + 1
    new = PlanVersion.objects.create(
        plan=plan,
        number=number,
        based_on=version,
        vision=version.vision,
        introduction=version.introduction,
    )
    _copy_tree(version, new)
    _audit(
        actor,
        plan.area,
        new,
        action=AuditEntry.Action.CREATE,
        summary=_("copied from version %(number)s") % {"number": version.number},
    )
    return new


def _copy_tree(source: PlanVersion, target: PlanVersion) -> None:
    items = list(source.items.order_by("pk").prefetch_related("needs"))
    new_pk = {}
    # Parents first, walking down from the roots (a moved item may be older than its parent).
    by_parent: dict[int | None, list[PlanItem]] = {}
    for item in items:
        by_parent.setdefault(item.parent_id, []).append(item)
    stack = [(None, child) for child in by_parent.get(None, [])]
    while stack:
        parent_pk, item = stack.pop()
        old_pk = item.pk
        needs = list(item.needs.all())
        item.pk = None
        item.version = target
        item.parent_id = parent_pk
        item.save(force_insert=True)
        item.needs.set(needs)
        new_pk[old_pk] = item.pk
        stack.extend((item.pk, child) for child in by_parent.get(old_pk, []))
    Responsibility.objects.bulk_create(
        Responsibility(
            item_id=new_pk[r.item_id],
            body_id=r.body_id,
            person_id=r.person_id,
            organization_id=r.organization_id,
        )
        for r in Responsibility.objects.filter(item__version=source)
    )
    Cost.objects.bulk_create(
        Cost(item_id=new_pk[c.item_id], year=c.year, source=c.source, amount=c.amount)
        for c in Cost.objects.filter(item__version=source)
    )
    for indicator in Indicator.objects.filter(item__version=source).prefetch_related("targets"):
        targets = list(indicator.targets.all())
        indicator.pk = None
        indicator.item_id = new_pk[indicator.item_id]
        indicator.save(force_insert=True)
        IndicatorTarget.objects.bulk_create(
            IndicatorTarget(indicator=indicator, year=t.year, value=t.value) for t in targets
        )


@transaction.atomic
def comments_open(
    *, actor, version: PlanVersion, comments_from: datetime.date, comments_until: datetime.date
) -> PlanVersion:
    """Publish a draft for comments from one day to another (both inclusive)."""
    locked(version)
    if version.status != S.DRAFT:
        raise ValidationError(_("Only a draft can be sent out for comments."))
    if comments_until < comments_from:
        raise ValidationError(
            {"comments_until": _("The comment period cannot end before it starts.")}
        )
    if comments_until < timezone.localdate():
        raise ValidationError({"comments_until": _("The comment period cannot end in the past.")})
    return _set_status(
        actor, version, S.IN_COMMENTS, comments_from=comments_from, comments_until=comments_until
    )


@transaction.atomic
def version_settle(*, actor, version: PlanVersion) -> PlanVersion:
    """Close the comment period: allowed when it has ended and every comment is settled."""
    locked(version)
    if version.status != S.IN_COMMENTS:
        raise ValidationError(_("Only a version in its comment period can be settled."))
    if version.comments_until >= timezone.localdate():
        raise ValidationError(
            _("The comment period runs until %(day)s; settle the comments after it ends.")
            % {"day": date_format(version.comments_until)}
        )
    open_count = version.comments.filter(decision="").count()
    if open_count:
        raise ValidationError(
            _("%(count)s comments are not settled yet; settle every comment first.")
            % {"count": open_count}
        )
    return _set_status(actor, version, S.SETTLED)


def _set_status(actor, version: PlanVersion, status: str, **fields) -> PlanVersion:
    before = snapshot(version)
    version.status = status
    for name, value in fields.items():
        setattr(version, name, value)
    version.save()
    _audit(actor, version.plan.area, version, before=before)
    events.plan_changed.send(sender=Plan, plan=version.plan)
    return version


@transaction.atomic
def version_approve(*, actor, version: PlanVersion) -> PlanVersion:
    """Approved once the assembly's decision is recorded; the text is frozen from now on."""
    locked(version)
    if version.status != S.SETTLED:
        raise ValidationError(_("Only a version with settled comments can be approved."))
    if not version.approval_steps.filter(stage=ApprovalStep.Stage.ASSEMBLY).exists():
        raise ValidationError(
            _("Record the assembly's decision in the approval path before approving.")
        )
    return _set_status(actor, version, S.APPROVED)


@transaction.atomic
def version_put_in_force(
    *, actor, version: PlanVersion, in_force_from: datetime.date
) -> PlanVersion:
    """One version is in force in an area at a time: the one in force before is archived."""
    area = version.plan.area
    type(area).objects.select_for_update().filter(pk=area.pk).first()  # one at a time per area
    current = list(
        PlanVersion.objects.select_for_update()
        .filter(plan__area=area, status=S.IN_FORCE)
        .exclude(pk=version.pk)
    )
    locked(version)
    if version.status != S.APPROVED:
        raise ValidationError(_("Only an approved version can be put in force."))
    for other in current:
        _set_status(actor, other, S.ARCHIVED)
    return _set_status(actor, version, S.IN_FORCE, in_force_from=in_force_from)


@transaction.atomic
def version_archive(*, actor, version: PlanVersion) -> PlanVersion:
    locked(version)
    if version.status not in (S.APPROVED, S.IN_FORCE):
        raise ValidationError(_("Only an approved version or the one in force can be archived."))
    return _set_status(actor, version, S.ARCHIVED)


@transaction.atomic
def version_delete(*, actor, version: PlanVersion) -> None:
    """A draft made by mistake; a version that went public is archived, never deleted."""
    locked(version)
    if version.status != S.DRAFT:
        raise ValidationError(_("Only a draft can be deleted."))
    plan = version.plan
    _audit(
        actor,
        plan.area,
        version,
        action=AuditEntry.Action.DELETE,
        before=snapshot(version),
    )
    version.delete()
    if not plan.versions.exists():
        plan.delete()
