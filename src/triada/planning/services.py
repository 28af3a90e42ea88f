"""Every write of the community plan: plans and versions with their life, the strategy tree,
needs, comments and their settlement, approval steps and the yearly evaluation.

Each service validates, writes and audits in one transaction; a refused write raises
ValidationError (on the form's field where there is one) and leaves nothing behind."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from triada.audit.models import AuditEntry
from triada.audit.services import audit_record, snapshot
from triada.editing import changes_applied
from triada.search.services import index_need, index_plan
from triada.structure.models import Body

from .models import (
    ApprovalStep,
    Comment,
    Cost,
    Evaluation,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    Need,
    Plan,
    PlanItem,
    PlanVersion,
    Responsibility,
)

S = PlanVersion.Status
K = PlanItem.Kind
# The code of the error that tells an editor someone else saved in the meantime.
EDIT_CONFLICT = "edit_conflict"

ITEM_FIELDS = (
    "title",
    "description",
    "owner",
    "target_group",
    "profile",
    "problem_areas",
    "start_year",
    "end_year",
)

# The kind of body that takes each approval stage.
STAGE_OF_BODY_KIND = {
    Body.Kind.WORKING_GROUP: ApprovalStep.Stage.WORKING_GROUP,
    Body.Kind.DISCUSSION_FORUM: ApprovalStep.Stage.WORKING_GROUP,
    Body.Kind.STEERING_GROUP: ApprovalStep.Stage.STEERING_GROUP,
    Body.Kind.COUNCIL: ApprovalStep.Stage.COUNCIL,
    Body.Kind.ASSEMBLY: ApprovalStep.Stage.ASSEMBLY,
}
# Groups that settle comments.
SETTLING_BODY_KINDS = (
    Body.Kind.WORKING_GROUP,
    Body.Kind.DISCUSSION_FORUM,
    Body.Kind.STEERING_GROUP,
)


def _audit(actor, area, instance, *, action=AuditEntry.Action.UPDATE, before=None, summary=""):
    audit_record(
        actor=actor, area=area, action=action, instance=instance, before=before, summary=summary
    )


def _lock(instance):
    """Lock the row for the rest of the transaction and read its current state, so that two
    clicks cannot both pass a check (e.g. put two versions in force)."""
    type(instance).objects.select_for_update().filter(pk=instance.pk).first()
    instance.refresh_from_db()
    return instance


def _reindex_if_public(version: PlanVersion) -> None:
    """Keep the search index on what the portal shows of the plan."""
    if version.is_public:
        index_plan(version.plan)


def _require_editable(version: PlanVersion) -> None:
    if version.status == S.SETTLED and version.approval_steps.exists():
        raise ValidationError(
            _(
                "Bodies have already decided on this text; remove their decisions from the "
                "approval path before changing it."
            )
        )
    if not version.is_editable:
        raise ValidationError(
            _(
                "Version %(number)s is %(status)s and can no longer change; "
                "make a new version of the plan."
            )
            % {"number": version.number, "status": version.get_status_display()}
        )


def _require_year_in_period(plan: Plan, year: int | None, field: str = "year") -> None:
    if year is not None and not plan.first_year <= year <= plan.last_year:
        raise ValidationError(
            {
                field: _("The year %(year)s is outside the plan's period %(first)s–%(last)s.")
                % {"year": year, "first": plan.first_year, "last": plan.last_year}
            }
        )


# Plans and versions


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
    _lock(version)
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
    plan = _lock(version.plan)
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
    _lock(version)
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
    _lock(version)
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
    index_plan(version.plan)
    return version


@transaction.atomic
def version_approve(*, actor, version: PlanVersion) -> PlanVersion:
    """Approved once the assembly's decision is recorded; the text is frozen from now on."""
    _lock(version)
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
    _lock(version)
    if version.status != S.APPROVED:
        raise ValidationError(_("Only an approved version can be put in force."))
    for other in current:
        _set_status(actor, other, S.ARCHIVED)
    return _set_status(actor, version, S.IN_FORCE, in_force_from=in_force_from)


@transaction.atomic
def version_archive(*, actor, version: PlanVersion) -> PlanVersion:
    _lock(version)
    if version.status not in (S.APPROVED, S.IN_FORCE):
        raise ValidationError(_("Only an approved version or the one in force can be archived."))
    return _set_status(actor, version, S.ARCHIVED)


@transaction.atomic
def version_delete(*, actor, version: PlanVersion) -> None:
    """A draft made by mistake; a version that went public is archived, never deleted."""
    _lock(version)
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


# The strategy tree


def _descendant_ids(item: PlanItem) -> set[int]:
    """Ids of the item's whole subtree below it, one query per level (at most four)."""
    found: set[int] = set()
    level = [item.pk]
    while level:
        level = list(PlanItem.objects.filter(parent_id__in=level).values_list("pk", flat=True))
        found.update(level)
    return found


def _validate_item(item: PlanItem) -> None:
    plan = item.version.plan
    errors = {}
    for field in ("start_year", "end_year"):
        try:
            _require_year_in_period(plan, getattr(item, field), field)
        except ValidationError as error:
            errors.update(error.error_dict)
    if item.owner_id and (
        item.owner.area_id != plan.area_id or item.owner.kind not in Body.GROUP_KINDS
    ):
        errors["owner"] = _("The owner must be a planning group of this area.")
    if item.pk and not errors:
        first, last = item.start_year or plan.first_year, item.end_year or plan.last_year
        if item.costs.exclude(year__range=(first, last)).exists():
            errors["start_year"] = _(
                "The item has costs in years outside this timeline; change those costs first."
            )
    if errors:
        raise ValidationError(errors)
    item.full_clean(exclude=["version", "parent", "needs"])


def _clear_fields_of_other_kinds(item: PlanItem) -> None:
    if item.kind != K.SUPPORT_AREA:
        item.owner = None
        item.target_group = item.profile = item.problem_areas = ""
    if not item.is_action:
        item.start_year = item.end_year = None


@transaction.atomic
def item_create(
    *, actor, version: PlanVersion, parent: PlanItem | None = None, title: str, **fields
) -> PlanItem:
    """A new item at the end of its parent's children; its kind follows from the parent."""
    _lock(version)
    _require_editable(version)
    if parent is not None and parent.version_id != version.pk:
        raise ValidationError({"parent": _("The parent item belongs to another version.")})
    kind = K.SUPPORT_AREA if parent is None else PlanItem.CHILD_KIND.get(parent.kind)
    if kind is None:
        raise ValidationError(
            {"parent": _("An activity is the lowest level; it cannot have sub-items.")}
        )
    position = (version.items.filter(parent=parent).aggregate(p=Max("position"))["p"] or 0) + 1
    item = PlanItem(
        version=version, parent=parent, kind=kind, position=position, title=title, **fields
    )
    _clear_fields_of_other_kinds(item)
    _validate_item(item)
    item.save()
    _audit(actor, version.plan.area, item, action=AuditEntry.Action.CREATE)
    _reindex_if_public(version)
    return item


@transaction.atomic
def item_update(*, actor, item: PlanItem, edit_count: int | None = None, **fields) -> PlanItem:
    """Change an item's text. `edit_count` is the count the editor's form was loaded with: a
    smaller one means someone else saved in between and the change is refused."""
    _lock(item.version)
    _lock(item)
    _require_editable(item.version)
    if edit_count is not None and edit_count != item.edit_count:
        raise ValidationError(
            _(
                "Someone else changed this item in the meantime. Your text is kept below; "
                "compare it with the current one and save again."
            ),
            code=EDIT_CONFLICT,
        )
    before = snapshot(item)
    with changes_applied(item, fields, ITEM_FIELDS):
        _clear_fields_of_other_kinds(item)
        _validate_item(item)
        item.edit_count += 1
        item.save()
    _audit(actor, item.version.plan.area, item, before=before)
    _reindex_if_public(item.version)
    return item


def _renumber(order: list[PlanItem]) -> None:
    for position, sibling in enumerate(order, start=1):
        if sibling.position != position:
            sibling.position = position
            sibling.save(update_fields=["position"])


@transaction.atomic
def item_move(
    *, actor, item: PlanItem, parent: PlanItem | None, position: int | None = None
) -> PlanItem:
    """Move an item (with its subtree) under another parent of the right level, at a position
    among its new siblings (1 = first; None = last)."""
    version = _lock(item.version)
    _require_editable(version)
    _lock(item)
    if parent is not None:
        if parent.version_id != version.pk:
            raise ValidationError({"parent": _("The new parent belongs to another version.")})
        if parent.pk == item.pk or parent.pk in _descendant_ids(item):
            raise ValidationError(
                {"parent": _("An item cannot be moved under itself or one of its own sub-items.")}
            )
    expected = PlanItem.PARENT_KIND[item.kind]
    if (parent.kind if parent else None) != expected:
        if expected is None:
            message = _("A support area stays at the top of the tree.")
        else:
            message = _("A %(kind)s belongs under a %(parent)s.") % {
                "kind": item.get_kind_display(),
                "parent": K(expected).label,
            }
        raise ValidationError({"parent": message})
    before = snapshot(item)
    old_parent_id = item.parent_id
    siblings = [
        s for s in version.items.filter(parent=parent).order_by("position", "pk") if s.pk != item.pk
    ]
    index = len(siblings) if position is None else max(0, min(position - 1, len(siblings)))
    siblings.insert(index, item)
    item.parent = parent
    item.position = 0  # saved below by the renumbering with its new place
    item.save(update_fields=["parent", "position"])
    _renumber(siblings)
    if old_parent_id != item.parent_id:
        _renumber(list(version.items.filter(parent_id=old_parent_id).order_by("position", "pk")))
    if item.kind == K.ACTIVITY:
        _require_costs_on_one_level(item.parent)
    _audit(actor, version.plan.area, item, before=before)
    _reindex_if_public(version)
    return item


@transaction.atomic
def item_shift(*, actor, item: PlanItem, offset: int) -> PlanItem:
    """Move an item up (-1) or down (+1) among its siblings."""
    siblings = list(item.version.items.filter(parent_id=item.parent_id).order_by("position", "pk"))
    index = next(i for i, s in enumerate(siblings) if s.pk == item.pk)
    return item_move(
        actor=actor,
        item=item,
        parent=item.parent,
        position=max(1, min(index + 1 + offset, len(siblings))),
    )


@transaction.atomic
def item_delete(*, actor, item: PlanItem) -> None:
    version = _lock(item.version)
    _require_editable(version)
    _audit(actor, version.plan.area, item, action=AuditEntry.Action.DELETE, before=snapshot(item))
    parent_id = item.parent_id
    item.delete()
    _renumber(list(version.items.filter(parent_id=parent_id).order_by("position", "pk")))
    _reindex_if_public(version)


def _require_action(item: PlanItem) -> None:
    if not item.is_action:
        raise ValidationError(
            _("Indicators, costs and the evaluation belong to measures and activities.")
        )


def _decimal(value, field: str) -> Decimal:
    """A number from a form or a caller; anything else is refused on the field."""
    try:
        number = Decimal(str(value).replace(" ", "").replace("\u00a0", "").replace(",", "."))
    except ArithmeticError:
        number = None
    if number is None or not number.is_finite():
        raise ValidationError({field: _("Enter a number.")})
    return number


@transaction.atomic
def indicator_add(
    *,
    actor,
    item: PlanItem,
    name: str,
    unit: str,
    baseline=None,
    targets: dict[int, object] | None = None,
) -> Indicator:
    """An indicator with its target values by year."""
    _lock(item.version)
    _require_editable(item.version)
    _require_action(item)
    indicator = Indicator(
        item=item,
        name=name,
        unit=unit,
        baseline=None if baseline in (None, "") else _decimal(baseline, "baseline"),
    )
    indicator.full_clean()
    indicator.save()
    for year, value in (targets or {}).items():
        _target_set(indicator, year, value)
    _audit(actor, item.version.plan.area, indicator, action=AuditEntry.Action.CREATE)
    return indicator


def _target_set(indicator: Indicator, year: int, value) -> None:
    _require_year_in_period(indicator.item.version.plan, year)
    IndicatorTarget.objects.update_or_create(
        indicator=indicator, year=year, defaults={"value": _decimal(value, "value")}
    )


@transaction.atomic
def indicator_target_set(*, actor, indicator: Indicator, year: int, value) -> Indicator:
    _lock(indicator.item.version)
    _require_editable(indicator.item.version)
    _target_set(indicator, year, value)
    _audit(
        actor,
        indicator.item.version.plan.area,
        indicator,
        summary=_("target for %(year)s: %(value)s") % {"year": year, "value": value},
    )
    return indicator


def _require_costs_on_one_level(measure: PlanItem) -> None:
    """Costs sit on a measure as a whole or on its activities, so that the action plan does
    not count them twice."""
    if measure.costs.exists() and Cost.objects.filter(item__parent=measure).exists():
        raise ValidationError(
            _("Costs are set for the measure as a whole or for its activities, not for both.")
        )


@transaction.atomic
def cost_set(*, actor, item: PlanItem, year: int, source: str, amount) -> Cost:
    """The estimated cost of an item in a year from a source; setting it again replaces it."""
    _lock(item.version)
    _require_editable(item.version)
    _require_action(item)
    _require_year_in_period(item.version.plan, year)
    first, last = item.start_year or item.version.plan.first_year, item.end_year
    if not first <= year <= (last or item.version.plan.last_year):
        raise ValidationError({"year": _("The year is outside the item's timeline.")})
    amount = _decimal(amount, "amount")
    if amount < 0:
        raise ValidationError({"amount": _("A cost cannot be negative.")})
    cost = Cost.objects.filter(item=item, year=year, source=source).first() or Cost(
        item=item, year=year, source=source
    )
    before = snapshot(cost) if cost.pk else None
    cost.amount = amount
    cost.full_clean(validate_constraints=False)
    cost.save()
    _require_costs_on_one_level(item.parent if item.kind == K.ACTIVITY else item)
    _audit(
        actor,
        item.version.plan.area,
        cost,
        action=AuditEntry.Action.UPDATE if before else AuditEntry.Action.CREATE,
        before=before,
    )
    return cost


@transaction.atomic
def responsibility_add(
    *, actor, item: PlanItem, body=None, person=None, organization=None
) -> Responsibility:
    _lock(item.version)
    _require_editable(item.version)
    parties = [p for p in (body, person, organization) if p is not None]
    if len(parties) != 1:
        raise ValidationError(_("Choose one body, person or organization."))
    if parties[0].area_id != item.version.plan.area_id:
        raise ValidationError(_("The responsible party must be of this planning area."))
    responsibility, created = Responsibility.objects.get_or_create(
        item=item, body=body, person=person, organization=organization
    )
    if created:
        _audit(actor, item.version.plan.area, responsibility, action=AuditEntry.Action.CREATE)
    return responsibility


@transaction.atomic
def item_part_delete(*, actor, part: Indicator | Cost | Responsibility) -> None:
    """Remove an indicator, a cost or a responsible party of an item."""
    version = _lock(part.item.version)
    _require_editable(version)
    _audit(actor, version.plan.area, part, action=AuditEntry.Action.DELETE, before=snapshot(part))
    part.delete()


@transaction.atomic
def item_needs_set(*, actor, item: PlanItem, needs) -> PlanItem:
    """The needs a measure answers; an answered need counts as addressed."""
    _lock(item.version)
    _require_editable(item.version)
    if item.kind != K.MEASURE:
        raise ValidationError({"needs": _("Needs are answered by measures.")})
    needs = list(needs)
    if any(need.area_id != item.version.plan.area_id for need in needs):
        raise ValidationError({"needs": _("The needs must be of this planning area.")})
    if any(not need.published for need in needs):
        raise ValidationError({"needs": _("A need from the public is answered once published.")})
    if any(need.status == Need.Status.REJECTED for need in needs):
        raise ValidationError({"needs": _("A rejected need cannot be answered by a measure.")})
    item.needs.set(needs)
    Need.objects.filter(
        pk__in=[n.pk for n in needs], status__in=[Need.Status.NEW, Need.Status.ACCEPTED]
    ).update(status=Need.Status.ADDRESSED)
    _audit(
        actor,
        item.version.plan.area,
        item,
        summary=_("needs answered: %(count)s") % {"count": len(needs)},
    )
    return item


# Needs

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
    _audit(actor, area, need, action=AuditEntry.Action.CREATE)
    index_need(need)
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
    _audit(
        None, area, need, action=AuditEntry.Action.CREATE, summary=_("sent through the public form")
    )
    return need


@transaction.atomic
def need_update(*, actor, need: Need, **fields) -> Need:
    _lock(need)
    before = snapshot(need)
    with changes_applied(need, fields, NEED_FIELDS):
        _validate_need(need)
        need.save()
    _audit(actor, need.area, need, before=before)
    index_need(need)
    return need


# Comments and their settlement

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
    _lock(version)
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
    _lock(comment)
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


# Approval


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
    _lock(version)
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
    _lock(step.version)
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


# Monitoring


def _validate_evidence(evidence: str) -> None:
    validate = URLValidator()
    for line in evidence.splitlines():
        if line.strip():
            try:
                validate(line.strip())
            except ValidationError:
                raise ValidationError(
                    {
                        "evidence": _("“%(line)s” is not a web address (https://…).")
                        % {"line": line.strip()[:80]}
                    }
                ) from None


@transaction.atomic
def evaluation_record(
    *,
    actor,
    item: PlanItem,
    year: int,
    status: str,
    narrative: str = "",
    evidence: str = "",
    indicator_values: dict | None = None,
) -> Evaluation:
    """The state of a measure or activity at the end of a year, with the indicators' actual
    values (indicator → value; None clears a value)."""
    version = item.version
    plan = _lock(version.plan)
    _require_action(item)
    if version.status not in PlanVersion.MONITORED:
        raise ValidationError(_("Only an approved plan is evaluated."))
    if plan.versions.filter(number__gt=version.number, status__in=PlanVersion.MONITORED).exists():
        raise ValidationError(
            _("A newer version of the plan is approved; evaluate the items there.")
        )
    _require_year_in_period(plan, year)
    if status not in Evaluation.Status.values:
        raise ValidationError({"status": _("Choose the status.")})
    _validate_evidence(evidence)
    values = {}
    for indicator, value in (indicator_values or {}).items():
        if indicator.item_id != item.pk:
            raise ValidationError(_("The indicator belongs to another item."))
        values[indicator] = (
            None if value in (None, "") else _decimal(value, f"indicator_{indicator.pk}")
        )
    evaluation = Evaluation.objects.filter(plan=plan, item_key=item.key, year=year).first()
    before = snapshot(evaluation) if evaluation else None
    evaluation = evaluation or Evaluation(plan=plan, item_key=item.key, year=year)
    evaluation.status = status
    evaluation.narrative = narrative
    evaluation.evidence = evidence
    evaluation.updated_by = actor if actor is not None and actor.is_authenticated else None
    evaluation.save()
    for indicator, value in values.items():
        if value is None:
            IndicatorValue.objects.filter(
                plan=plan, indicator_key=indicator.key, year=year
            ).delete()
        else:
            IndicatorValue.objects.update_or_create(
                plan=plan, indicator_key=indicator.key, year=year, defaults={"value": value}
            )
    _audit(
        actor,
        plan.area,
        evaluation,
        action=AuditEntry.Action.UPDATE if before else AuditEntry.Action.CREATE,
        before=before,
        summary=_("%(item)s, %(year)s") % {"item": item.title[:200], "year": year},
    )
    return evaluation


# Personal data of the public


@transaction.atomic
def personal_data_purge(*, today: datetime.date) -> tuple[int, int]:
    """Keep the privacy notices' promise: the public's names and e-mail addresses go with
    comments once the plan's period is over, and with needs once they are dealt with
    (addressed by a measure or rejected). Returns how many comments and needs were cleared."""
    comments = (
        Comment.objects.filter(version__plan__last_year__lt=today.year)
        .exclude(author_name="", author_email="")
        .update(author_name="", author_email="")
    )
    dealt_with = Q(status=Need.Status.REJECTED) | Q(status=Need.Status.ADDRESSED, published=True)
    needs = (
        Need.objects.filter(dealt_with)
        .exclude(submitter_name="", submitter_email="")
        .update(submitter_name="", submitter_email="")
    )
    return comments, needs
