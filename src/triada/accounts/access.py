"""Who may do what in an area.

Coordinators are granted explicitly (AreaRole); leaders and members follow from the active
memberships of the user's Person, so a roster change changes access at once.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils import timezone

from triada.areas.models import Area
from triada.people.models import Membership

from .models import AreaRole


@dataclass(frozen=True)
class AreaAccess:
    user: object
    area: Area
    is_coordinator: bool
    member_body_ids: frozenset[int]
    leading_body_ids: frozenset[int]
    minute_taker_body_ids: frozenset[int] = frozenset()

    def can_view_body(self, body) -> bool:
        return self.is_coordinator or body.pk in self.member_body_ids

    def can_manage_members(self, body) -> bool:
        return self.is_coordinator or body.pk in self.leading_body_ids

    def can_manage_meetings(self, body) -> bool:
        """Coordinators, the body's leaders and its minute takers plan and record meetings."""
        return self.can_manage_members(body) or body.pk in self.minute_taker_body_ids

    @property
    def can_manage_people(self) -> bool:
        """Leaders add new persons and organizations when they fill their rosters."""
        return self.is_coordinator or bool(self.leading_body_ids)

    def require(self, allowed: bool) -> None:
        if not allowed:
            raise PermissionDenied


def area_access_for(user, area: Area) -> AreaAccess | None:
    """The user's access to the area's internal pages, or None when there is none."""
    if not user.is_authenticated:
        return None
    is_coordinator = (
        user.is_superuser
        or AreaRole.objects.filter(user=user, area=area, role=AreaRole.Role.COORDINATOR).exists()
    )
    rows = (
        Membership.objects.active_on(timezone.localdate())
        .filter(person__user=user, body__area=area)
        .values_list("body_id", "function")
    )
    member_ids = frozenset(
        body_id for body_id, function in rows if function != Membership.Function.GUEST
    )
    leading_ids = frozenset(
        body_id for body_id, function in rows if function in Membership.LEADING_FUNCTIONS
    )
    taker_ids = frozenset(
        body_id for body_id, function in rows if function == Membership.Function.MINUTE_TAKER
    )
    if not (is_coordinator or member_ids):
        return None
    return AreaAccess(user, area, is_coordinator, member_ids, leading_ids, taker_ids)


def get_area_access(user, area_slug: str) -> AreaAccess:
    """The access function for an area: 404 for an unknown area, 403 without a role in it."""
    area = get_object_or_404(Area, slug=area_slug)
    access = area_access_for(user, area)
    if access is None:
        raise PermissionDenied
    return access


def areas_for_user(user):
    """Areas whose internal pages the user may open."""
    if user.is_superuser:
        return Area.objects.all()
    today = timezone.localdate()
    coordinated = Area.objects.filter(roles__user=user)
    member_of = Area.objects.filter(
        bodies__memberships__in=Membership.objects.active_on(today)
        .voting()
        .filter(person__user=user)
    )
    return (coordinated | member_of).distinct()
