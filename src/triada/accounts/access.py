"""Who may do what in an area.

Coordinators are granted explicitly (AreaRole); leaders and members follow from the active
memberships of the user's Person, so a roster change changes access at once. Memberships are
people's, an app above this one: people registers how they give roles (`register_body_roles`
in its AppConfig.ready()).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from triada.areas.models import Area

from .models import AreaRole


@dataclass(frozen=True)
class BodyRoles:
    """The bodies of an area in which a user is a member (not a guest), leads, takes minutes."""

    member: frozenset[int] = frozenset()
    leading: frozenset[int] = frozenset()
    minute_taker: frozenset[int] = frozenset()


@dataclass(frozen=True)
class BodyRolesSource:
    """`roles(user, area)` gives the user's BodyRoles on the current day; `areas(user)` the
    ids of the areas in which the user is a member of a body today (a query)."""

    roles: Callable[[object, Area], BodyRoles]
    areas: Callable[[object], object]


_body_roles: BodyRolesSource | None = None


def register_body_roles(source: BodyRolesSource) -> None:
    global _body_roles
    _body_roles = source


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
    roles = _body_roles.roles(user, area)
    if not (is_coordinator or roles.member):
        return None
    return AreaAccess(user, area, is_coordinator, roles.member, roles.leading, roles.minute_taker)


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
    coordinated = Area.objects.filter(roles__user=user)
    member_of = Area.objects.filter(pk__in=_body_roles.areas(user))
    return (coordinated | member_of).distinct()
