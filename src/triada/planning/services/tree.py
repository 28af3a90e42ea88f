"""The strategy tree of an editable version: items and their moves, indicators with their
targets, costs, responsible parties and the needs a measure answers."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from triada.audit.models import AuditEntry
from triada.audit.services import snapshot
from triada.editing import changes_applied, locked
from triada.needs.models import Need
from triada.structure.models import Body

from ..models import Cost, Indicator, IndicatorTarget, PlanItem, PlanVersion, Responsibility
from ._common import (
    EDIT_CONFLICT,
    K,
    _audit,
    _decimal,
    _reindex_if_public,
    _require_action,
    _require_editable,
    _require_year_in_period,
)

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
    locked(version)
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
    locked(item.version)
    locked(item)
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
    version = locked(item.version)
    _require_editable(version)
    locked(item)
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
    version = locked(item.version)
    _require_editable(version)
    _audit(actor, version.plan.area, item, action=AuditEntry.Action.DELETE, before=snapshot(item))
    parent_id = item.parent_id
    item.delete()
    _renumber(list(version.items.filter(parent_id=parent_id).order_by("position", "pk")))
    _reindex_if_public(version)


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
    locked(item.version)
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
    locked(indicator.item.version)
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
    locked(item.version)
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
    locked(item.version)
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
    version = locked(part.item.version)
    _require_editable(version)
    _audit(actor, version.plan.area, part, action=AuditEntry.Action.DELETE, before=snapshot(part))
    part.delete()


@transaction.atomic
def item_needs_set(*, actor, item: PlanItem, needs) -> PlanItem:
    """The needs a measure answers; an answered need counts as addressed."""
    locked(item.version)
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
