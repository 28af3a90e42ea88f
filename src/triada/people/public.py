"""What the public may see of people: names only with consent, otherwise the organization
and the side of the triad. Public templates get these rows, never Person objects."""

import datetime
from dataclasses import dataclass

from triada.collation import czech_sort_key

from .models import Membership


@dataclass(frozen=True)
class PublicMember:
    name: str | None
    organization: str | None
    side: str
    function: str
    is_guest: bool
    start_on: datetime.date
    end_on: datetime.date | None


def public_name(person) -> str | None:
    """The name as it may be published: only with the person's consent."""
    return person.full_name if person is not None and person.public_consent else None


def public_order(rank: int, name: str | None, organization) -> tuple:
    """Leaders first; within a function the named alphabetically, then the unnamed by
    organization, so that their order says nothing about their hidden names."""
    label = name if name is not None else (organization.name if organization else "")
    return rank, name is None, czech_sort_key(label)


def _public_order(membership: Membership) -> tuple:
    person = membership.person
    name = f"{person.last_name} {person.first_name}" if person.public_consent else None
    return public_order(membership.function_rank, name, membership.organization)


def public_members(memberships) -> list[PublicMember]:
    return [
        PublicMember(
            name=public_name(m.person),
            organization=m.organization.name if m.organization else None,
            side=m.get_triad_side_display(),
            function=m.get_function_display(),
            is_guest=m.function == Membership.Function.GUEST,
            start_on=m.start_on,
            end_on=m.end_on,
        )
        for m in sorted(memberships, key=_public_order)
    ]
