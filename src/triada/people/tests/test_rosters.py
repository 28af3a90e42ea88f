"""Rosters of bodies on a day and in a year, the balance of the triad and the count of
people taking part."""

import datetime

import pytest

from triada.people import selectors
from triada.people.models import Membership, TriadSide
from triada.tests import factories

D = datetime.date
F = Membership.Function


def _names(memberships) -> list[str]:
    return [m.person.last_name for m in memberships]


def _person(area, last_name: str, first_name: str = "Jana"):
    return factories.make_person(area, first_name=first_name, last_name=last_name)


@pytest.fixture
def people_in_group(area, group):
    """A group with a leader, members joining and leaving, and a guest."""
    add = factories.make_membership
    add(group, _person(area, "Zelená"), start_on=D(2017, 1, 1))
    add(group, _person(area, "Adamová"), start_on=D(2017, 1, 1), end_on=D(2018, 12, 31))
    add(
        group,
        _person(area, "Veselý", "Petr"),
        function=F.LEADER,
        side=TriadSide.COMMISSIONER,
        start_on=D(2018, 1, 1),
    )
    add(group, _person(area, "Bílá"), start_on=D(2019, 1, 1), side=TriadSide.USER)
    add(
        group,
        _person(area, "Host"),
        function=F.GUEST,
        start_on=D(2019, 3, 1),
        end_on=D(2019, 3, 1),
        side=TriadSide.PUBLIC,
    )
    return group


# --- roster on a day ---------------------------------------------------------------------


def test_roster_on_a_day_lists_active_memberships_leader_first(people_in_group):
    assert _names(selectors.roster(people_in_group, on=D(2018, 6, 1))) == [
        "Veselý",
        "Adamová",
        "Zelená",
    ]


def test_roster_on_the_last_day_of_a_membership_includes_it(people_in_group):
    assert "Adamová" in _names(selectors.roster(people_in_group, on=D(2018, 12, 31)))


def test_roster_on_the_day_after_the_end_excludes_it(people_in_group):
    assert _names(selectors.roster(people_in_group, on=D(2019, 1, 1))) == [
        "Veselý",
        "Bílá",
        "Zelená",
    ]


def test_roster_on_the_first_day_of_a_membership_includes_it(people_in_group):
    assert "Veselý" in _names(selectors.roster(people_in_group, on=D(2018, 1, 1)))
    assert "Veselý" not in _names(selectors.roster(people_in_group, on=D(2017, 12, 31)))


def test_roster_on_the_day_of_a_one_day_guest_lists_the_guest_last(people_in_group):
    assert _names(selectors.roster(people_in_group, on=D(2019, 3, 1))) == [
        "Veselý",
        "Bílá",
        "Zelená",
        "Host",
    ]


# --- roster for a year -------------------------------------------------------------------


def test_roster_for_a_year_lists_everyone_seated_at_any_time_of_it(people_in_group):
    assert _names(selectors.roster(people_in_group, year=2018)) == ["Veselý", "Adamová", "Zelená"]


def test_roster_for_a_year_includes_who_left_on_new_years_eve_and_who_came_later(people_in_group):
    assert _names(selectors.roster(people_in_group, year=2019)) == [
        "Veselý",
        "Bílá",
        "Zelená",
        "Host",
    ]


def test_roster_for_a_year_before_anyone_joined_is_empty(people_in_group):
    assert selectors.roster(people_in_group, year=2016) == []


def test_membership_starting_on_new_years_day_is_in_that_year_only(area, group):
    factories.make_membership(group, _person(area, "Nová"), start_on=D(2020, 1, 1))
    assert _names(selectors.roster(group, year=2020)) == ["Nová"]
    assert selectors.roster(group, year=2019) == []


def test_roster_puts_functions_in_order_then_names(area, group):
    add = factories.make_membership
    add(group, _person(area, "Černá"), function=F.MINUTE_TAKER)
    add(group, _person(area, "Bartoš"))
    add(group, _person(area, "Dvořák"), function=F.DEPUTY_LEADER)
    add(group, _person(area, "Adam"))
    add(group, _person(area, "Zeman"), function=F.LEADER)
    assert _names(selectors.roster(group, on=D(2017, 1, 1))) == [
        "Zeman",
        "Dvořák",
        "Černá",
        "Adam",
        "Bartoš",
    ]


def test_roster_sorts_names_in_czech_alphabetical_order(area, group):
    for name in ("Zeman", "Černý", "Dvořák", "Adam"):
        factories.make_membership(group, _person(area, name))
    assert _names(selectors.roster(group, on=D(2017, 1, 1))) == ["Adam", "Černý", "Dvořák", "Zeman"]


# --- many rosters at once ----------------------------------------------------------------


def test_rosters_in_year_keys_by_body_and_keeps_each_body_apart(area, people_in_group):
    other = factories.make_body(area, "Děti-mládež-rodina")
    factories.make_membership(other, _person(area, "Malá"), start_on=D(2018, 5, 1))
    factories.make_membership(
        other, _person(area, "Loňská"), start_on=D(2017, 1, 1), end_on=D(2017, 12, 31)
    )
    empty = factories.make_body(area, "Osoby ohrožené sociálním vyloučením")

    rosters = selectors.rosters_in_year([people_in_group, other, empty], 2018)

    assert _names(rosters[people_in_group.pk]) == ["Veselý", "Adamová", "Zelená"]
    assert _names(rosters[other.pk]) == ["Malá"]
    assert rosters.get(empty.pk, []) == []


def test_rosters_in_year_leave_out_bodies_not_asked_for(area, people_in_group):
    other = factories.make_body(area, "Děti-mládež-rodina")
    factories.make_membership(other, _person(area, "Malá"))
    assert set(selectors.rosters_in_year([other], 2018)) == {other.pk}


# --- balance of the triad ----------------------------------------------------------------


def test_triad_balance_counts_persons_per_side(people_in_group):
    balance = selectors.triad_balance(selectors.roster(people_in_group, on=D(2019, 3, 1)))
    assert balance.counts == {TriadSide.COMMISSIONER: 1, TriadSide.PROVIDER: 1, TriadSide.USER: 1}
    assert balance.missing == []


def test_triad_balance_ignores_guests(area, group):
    factories.make_membership(group, _person(area, "Host"), function=F.GUEST, side=TriadSide.USER)
    balance = selectors.triad_balance(selectors.roster(group, on=D(2017, 1, 1)))
    assert balance.counts == {}
    assert TriadSide.USER in balance.missing


def test_triad_balance_counts_a_person_once_per_side(area, group):
    person = _person(area, "Dvojí")
    factories.make_membership(group, person, start_on=D(2017, 1, 1), end_on=D(2017, 6, 30))
    factories.make_membership(group, person, start_on=D(2017, 7, 1))
    factories.make_membership(group, _person(area, "Jiná"))
    balance = selectors.triad_balance(selectors.roster(group, year=2017))
    assert balance.counts == {TriadSide.PROVIDER: 2}


def test_triad_balance_lists_missing_sides_in_triad_order(area, group):
    factories.make_membership(group, _person(area, "Poskytovatelka"), side=TriadSide.PROVIDER)
    balance = selectors.triad_balance(selectors.roster(group, on=D(2017, 1, 1)))
    assert balance.missing == [TriadSide.COMMISSIONER, TriadSide.USER]


def test_public_side_is_counted_but_never_missing(area, group):
    for side in (TriadSide.COMMISSIONER, TriadSide.PROVIDER, TriadSide.USER):
        factories.make_membership(group, _person(area, f"Strana {side}"), side=side)
    balance = selectors.triad_balance(selectors.roster(group, on=D(2017, 1, 1)))
    assert balance.missing == []
    assert TriadSide.PUBLIC not in balance.missing
    factories.make_membership(group, _person(area, "Veřejnost"), side=TriadSide.PUBLIC)
    balance = selectors.triad_balance(selectors.roster(group, on=D(2017, 1, 1)))
    assert balance.counts[TriadSide.PUBLIC] == 1


def test_triad_balance_of_nobody_misses_all_three_sides():
    assert selectors.triad_balance([]).missing == [
        TriadSide.COMMISSIONER,
        TriadSide.PROVIDER,
        TriadSide.USER,
    ]


def test_triad_balance_rows_list_every_side_with_zeroes(area, group):
    factories.make_membership(group, _person(area, "Uživatel"), side=TriadSide.USER)
    balance = selectors.triad_balance(selectors.roster(group, on=D(2017, 1, 1)))
    assert [count for _label, count in balance.rows] == [0, 0, 1, 0]


# --- people taking part in an area -------------------------------------------------------


@pytest.fixture
def two_groups(area, other_area, people_in_group):
    """A second group shares a person with the first; another area has its own people."""
    other = factories.make_body(area, "Děti-mládež-rodina")
    shared = people_in_group.memberships.get(person__last_name="Zelená").person
    factories.make_membership(other, shared, start_on=D(2017, 1, 1))
    factories.make_membership(other, _person(area, "Malá"), start_on=D(2018, 5, 1))
    foreign_group = factories.make_body(other_area, "Péče o seniory")
    for name in ("Cizí", "Vzdálená"):
        factories.make_membership(foreign_group, _person(other_area, name), start_on=D(2017, 1, 1))
    return people_in_group, other


def test_active_person_count_on_a_day_counts_a_person_in_two_bodies_once(area, two_groups):
    # 1. 6. 2018: Zelená (both groups), Adamová, Veselý, Malá.
    assert selectors.active_person_count(area, on=D(2018, 6, 1)) == 4


def test_active_person_count_on_a_day_excludes_ended_memberships_and_guests(area, two_groups):
    # 1. 3. 2019: Zelená, Veselý, Bílá, Malá; Adamová has left and the guest does not count.
    assert selectors.active_person_count(area, on=D(2019, 3, 1)) == 4


def test_active_person_count_for_a_year(area, two_groups):
    # 2018: Zelená, Adamová, Veselý, Malá.  2019: Zelená, Veselý, Bílá, Malá (not the guest).
    assert selectors.active_person_count(area, year=2018) == 4
    assert selectors.active_person_count(area, year=2019) == 4
    # 2017: Zelená and Adamová, and nobody else yet.
    assert selectors.active_person_count(area, year=2017) == 2


def test_active_person_count_stays_within_the_area(other_area, two_groups):
    assert selectors.active_person_count(other_area, on=D(2018, 6, 1)) == 2


def test_active_person_count_of_an_area_without_memberships_is_zero(other_area):
    assert selectors.active_person_count(other_area, year=2018) == 0
