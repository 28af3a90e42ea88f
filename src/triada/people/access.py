from django.shortcuts import get_object_or_404
from django.utils import timezone

from triada.accounts.access import BodyRoles, BodyRolesSource

from .models import Membership, Organization, Person


def body_roles(user, area) -> BodyRoles:
    """Roles follow the active memberships of the user's person, so a roster change changes
    access the same day."""
    rows = (
        Membership.objects.active_on(timezone.localdate())
        .filter(person__user=user, body__area=area)
        .values_list("body_id", "function")
    )
    return BodyRoles(
        member=frozenset(b for b, function in rows if function != Membership.Function.GUEST),
        leading=frozenset(b for b, function in rows if function in Membership.LEADING_FUNCTIONS),
        minute_taker=frozenset(
            b for b, function in rows if function == Membership.Function.MINUTE_TAKER
        ),
    )


def member_area_ids(user):
    return (
        Membership.objects.active_on(timezone.localdate())
        .voting()
        .filter(person__user=user)
        .values("body__area_id")
    )


BODY_ROLES = BodyRolesSource(roles=body_roles, areas=member_area_ids)


def get_membership_for_user(access, pk: int, *, write: bool = False) -> Membership:
    """Members of a body read its memberships; coordinators and its leaders change them."""
    membership = get_object_or_404(
        Membership.objects.select_related("body__area", "person", "organization"),
        body__area=access.area,
        pk=pk,
    )
    body = membership.body
    if write and membership.function in Membership.LEADING_FUNCTIONS:
        access.require(access.is_coordinator)  # a leader's seat changes by election only
    access.require(access.can_manage_members(body) if write else access.can_view_body(body))
    return membership


def get_person_for_user(access, pk: int, *, write: bool = False) -> Person:
    """Personal data: only the coordinators of the area read and change it."""
    person = get_object_or_404(Person, area=access.area, pk=pk)
    access.require(access.is_coordinator)
    return person


def get_organization_for_user(access, pk: int, *, write: bool = False) -> Organization:
    """Coordinators and leaders read organizations; coordinators change them."""
    organization = get_object_or_404(Organization, area=access.area, pk=pk)
    access.require(access.is_coordinator if write else access.can_manage_people)
    return organization
