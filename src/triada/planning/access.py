"""Who may read and change the plan.

Everyone with access to the area reads its plans. Coordinators change everything. A member
changes, and evaluates, the items he or she is responsible for and everything below them
("each member is responsible for the goals he or she set"): responsible as a person, as the
leader of a responsible body, or as the leader of the group that owns the support area."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Comment, PlanItem, PlanVersion, Responsibility


def get_version_for_user(access, pk: int, *, write: bool = False) -> PlanVersion:
    """A version of one of the area's plans; `write` (its life, approval, comments' settlement)
    is for coordinators."""
    version = get_object_or_404(
        PlanVersion.objects.select_related("plan__area"), plan__area=access.area, pk=pk
    )
    access.require(access.is_coordinator or not write)
    return version


def editable_item_ids(access, version: PlanVersion) -> frozenset[int]:
    """The items of the version the user may change: all for a coordinator."""
    if access.is_coordinator:
        return frozenset(version.items.values_list("pk", flat=True))
    return responsible_item_ids(access, version)


def responsible_item_ids(access, version: PlanVersion) -> frozenset[int]:
    """The items the user answers for, with everything below them (in three queries)."""
    items = list(version.items.values_list("pk", "parent_id", "owner_id"))
    leading = access.leading_body_ids
    responsible = {pk for pk, _parent, owner in items if owner in leading}
    responsible.update(
        Responsibility.objects.filter(item__version=version)
        .filter(person__user=access.user)
        .values_list("item_id", flat=True)
    )
    responsible.update(
        Responsibility.objects.filter(item__version=version, body_id__in=leading).values_list(
            "item_id", flat=True
        )
    )
    children: dict[int | None, list[int]] = {}
    for pk, parent, _owner in items:
        children.setdefault(parent, []).append(pk)
    editable, stack = set(), list(responsible)
    while stack:
        pk = stack.pop()
        if pk not in editable:
            editable.add(pk)
            stack.extend(children.get(pk, []))
    return frozenset(editable)


def get_item_for_user(access, pk: int, *, write: bool = False) -> PlanItem:
    item = get_object_or_404(
        PlanItem.objects.select_related("version__plan__area", "parent", "owner"),
        version__plan__area=access.area,
        pk=pk,
    )
    if write:
        access.require(item.pk in editable_item_ids(access, item.version))
    return item


def get_comment_for_user(access, pk: int) -> Comment:
    """Settling comments is the coordinator's (recording the groups' decisions)."""
    comment = get_object_or_404(
        Comment.objects.select_related("version__plan__area", "item"),
        version__plan__area=access.area,
        pk=pk,
    )
    access.require(access.is_coordinator)
    return comment


def require_year_in_period(version: PlanVersion, year: int) -> int:
    """A year named in a URL: one of the plan's period, or the page is not found."""
    if year not in version.plan.years:
        raise Http404
    return year
