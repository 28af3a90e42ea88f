"""What the public may see of people: names only with consent, otherwise the organization
and the side of the triad. Public templates get these rows, never Person objects."""

import datetime
from dataclasses import dataclass

from django.db.models import Max, Min

from triada.collation import czech_sort_key
from triada.people.models import Membership


@dataclass(frozen=True)
class PublicMember:
    name: str | None
    organization: str | None
    side: str
    function: str
    is_guest: bool
    start_on: datetime.date
    end_on: datetime.date | None


def _public_order(membership: Membership) -> tuple:
    """Leaders first; within a function the named members alphabetically, then the unnamed
    ones by organization, so that their order says nothing about their hidden names."""
    person = membership.person
    if person.public_consent:
        label = f"{person.last_name} {person.first_name}"
    else:
        label = membership.organization.name if membership.organization else ""
    return membership.function_rank, not person.public_consent, czech_sort_key(label)


def public_members(memberships) -> list[PublicMember]:
    return [
        PublicMember(
            name=m.person.full_name if m.person.public_consent else None,
            organization=m.organization.name if m.organization else None,
            side=m.get_triad_side_display(),
            function=m.get_function_display(),
            is_guest=m.function == Membership.Function.GUEST,
            start_on=m.start_on,
            end_on=m.end_on,
        )
        for m in sorted(memberships, key=_public_order)
    ]


def roster_years(body, today: datetime.date) -> list[int]:
    """The years for which the body has a member list, newest first."""
    span = body.memberships.aggregate(first=Min("start_on"), last_start=Max("start_on"))
    if span["first"] is None:
        return []
    last = body.dissolved_on.year if body.dissolved_on else today.year
    return list(range(last, span["first"].year - 1, -1))
