"""Reads about people: rosters, triad balance and counts, each in a fixed number of queries."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Max, Min, Q

from triada.collation import czech_sort_key

from .models import TRIAD_SIDES, Membership, Person, TriadSide


def roster_sorted(memberships) -> list[Membership]:
    """Leaders first, then by name (Czech order)."""
    return sorted(
        memberships,
        key=lambda m: (
            m.function_rank,
            czech_sort_key(m.person.last_name),
            czech_sort_key(m.person.first_name),
            m.start_on,
        ),
    )


def roster(body, *, on: datetime.date | None = None, year: int | None = None) -> list[Membership]:
    """The body's memberships on a day or during a year, leaders first."""
    qs = body.memberships.with_people()
    qs = qs.in_year(year) if year is not None else qs.active_on(on)
    return roster_sorted(qs)


def rosters_in_year(bodies, year: int) -> dict[int, list[Membership]]:
    """Rosters of many bodies for a year in one query, keyed by body id."""
    by_body: dict[int, list[Membership]] = {body.pk: [] for body in bodies}
    for membership in Membership.objects.with_people().in_year(year).filter(body__in=bodies):
        by_body[membership.body_id].append(membership)
    return {body_id: roster_sorted(items) for body_id, items in by_body.items()}


def membership_history(body) -> list[Membership]:
    """All memberships of the body, the newest first."""
    return list(body.memberships.with_people().order_by("-start_on", "person__last_name"))


@dataclass(frozen=True)
class TriadBalance:
    counts: dict[str, int]

    @property
    def missing(self) -> list[str]:
        return [side for side in TRIAD_SIDES if not self.counts.get(side)]

    @property
    def rows(self) -> list[tuple[str, int]]:
        return [(TriadSide(side).label, self.counts.get(side, 0)) for side in TriadSide.values]

    @property
    def missing_labels(self) -> list[str]:
        return [TriadSide(side).label for side in self.missing]


def triad_balance(memberships) -> TriadBalance:
    """How many persons stand for each side; guests are not members and do not count."""
    persons_by_side: dict[str, set[int]] = defaultdict(set)
    for m in memberships:
        if m.function != Membership.Function.GUEST:
            persons_by_side[m.triad_side].add(m.person_id)
    return TriadBalance({side: len(ids) for side, ids in persons_by_side.items()})


def active_person_count(area, *, on: datetime.date | None = None, year: int | None = None) -> int:
    """Distinct persons with a membership (not as a guest) in the area's bodies."""
    qs = Membership.objects.filter(body__area=area).voting()
    qs = qs.in_year(year) if year is not None else qs.active_on(on)
    return qs.values("person").distinct().count()


def persons_in_area(area, *, query: str = ""):
    qs = Person.objects.filter(area=area)
    for word in query.split():
        qs = qs.filter(
            Q(last_name__icontains=word) | Q(first_name__icontains=word) | Q(email__icontains=word)
        )
    return qs


def roster_years(body, today: datetime.date) -> list[int]:
    """The years for which the body has a member list, newest first."""
    span = body.memberships.aggregate(first=Min("start_on"), last_start=Max("start_on"))
    if span["first"] is None:
        return []
    last = body.dissolved_on.year if body.dissolved_on else today.year
    return list(range(last, span["first"].year - 1, -1))


def body_page(*, body, on, year, **objects) -> dict:
    """The roster and the elections on a body's page (ui.sections)."""
    memberships = roster(body, on=on, year=year)
    return {
        "roster": memberships,
        "balance": triad_balance(memberships),
        "history": membership_history(body),
        "elections": body.leader_elections.select_related("elected").annotate(
            voter_count=Count("voters")
        ),
    }
