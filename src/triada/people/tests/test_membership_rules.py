"""The rules a membership must keep: dates, one leader at a time, no double seats, one area,
the body's lifetime. Every refusal leaves the database as it was."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from triada.audit.models import AuditEntry
from triada.people import services
from triada.people.models import Membership, TriadSide
from triada.tests import factories

D = datetime.date
LEADER = Membership.Function.LEADER
MEMBER = Membership.Function.MEMBER


def _counts() -> tuple[int, int]:
    return Membership.objects.count(), AuditEntry.objects.count()


def _create(body, person, **fields):
    fields.setdefault("triad_side", TriadSide.PROVIDER)
    fields.setdefault("function", MEMBER)
    fields.setdefault("start_on", D(2018, 1, 1))
    return services.membership_create(actor=None, body=body, person=person, **fields)


def _refused(call, **kwargs) -> ValidationError:
    """Run a write that must be refused; check that it wrote nothing and return the error."""
    before = _counts()
    with pytest.raises(ValidationError) as exc:
        call(**kwargs)
    assert _counts() == before
    return exc.value


@pytest.fixture
def leader_person(leader):
    return leader.person


@pytest.fixture
def member_person(member):
    return member.person


@pytest.fixture
def newcomer(area):
    return factories.make_person(area, first_name="Jan", last_name="Nováček")


# --- dates -------------------------------------------------------------------------------


def test_end_before_start_is_refused_on_end_on(group, newcomer):
    error = _refused(
        _create, body=group, person=newcomer, start_on=D(2018, 5, 1), end_on=D(2018, 4, 30)
    )
    assert set(error.message_dict) == {"end_on"}


def test_end_on_the_start_day_is_accepted(group, newcomer):
    membership = _create(group, newcomer, start_on=D(2018, 5, 1), end_on=D(2018, 5, 1))
    assert membership.pk is not None


# --- one leader at a time ----------------------------------------------------------------


def test_second_overlapping_leader_is_refused_naming_the_current_leader(
    group, leader_person, newcomer
):
    with translation.override("en"):
        error = _refused(
            _create, body=group, person=newcomer, function=LEADER, start_on=D(2018, 1, 1)
        )
    assert set(error.message_dict) == {"function"}
    assert error.message_dict["function"] == [
        "A body has one leader at a time: Petr Vedoucí leads it from 1 Jan 2017."
    ]


def test_second_leader_refused_in_czech_names_the_leader_and_the_czech_date(
    group, leader_person, newcomer
):
    with translation.override("cs"):
        error = _refused(_create, body=group, person=newcomer, function=LEADER)
    assert error.message_dict["function"] == [
        "Orgán může mít v jednu chvíli jen jednoho vedoucího: v období od 1. 1. 2017 jej "
        "vede Petr Vedoucí."
    ]


def test_overlap_of_a_single_day_with_the_former_leader_is_refused(group, newcomer, area):
    former = factories.make_person(area, first_name="Alena", last_name="Dřívější")
    _create(group, former, function=LEADER, start_on=D(2017, 1, 1), end_on=D(2017, 12, 31))
    with translation.override("cs"):
        error = _refused(
            _create, body=group, person=newcomer, function=LEADER, start_on=D(2017, 12, 31)
        )
    (message,) = error.message_dict["function"]
    assert "Alena Dřívější" in message
    assert "1. 1. 2017 – 31. 12. 2017" in message


def test_successive_leader_the_day_after_is_accepted(group, newcomer, area):
    former = factories.make_person(area, first_name="Alena", last_name="Dřívější")
    _create(group, former, function=LEADER, start_on=D(2017, 1, 1), end_on=D(2017, 12, 31))
    successor = _create(group, newcomer, function=LEADER, start_on=D(2018, 1, 1))
    assert successor.pk is not None
    assert Membership.objects.filter(body=group, function=LEADER).count() == 2


def test_open_ended_leader_blocks_a_much_later_leader(group, leader_person, newcomer):
    error = _refused(_create, body=group, person=newcomer, function=LEADER, start_on=D(2030, 1, 1))
    assert "function" in error.message_dict


def test_later_leader_blocks_an_earlier_open_ended_leader(group, newcomer, area):
    later = factories.make_person(area, first_name="Karel", last_name="Pozdější")
    _create(group, later, function=LEADER, start_on=D(2020, 1, 1))
    error = _refused(_create, body=group, person=newcomer, function=LEADER, start_on=D(2016, 1, 1))
    assert "function" in error.message_dict


def test_a_deputy_leader_beside_the_leader_is_accepted(group, leader_person, newcomer):
    deputy = _create(group, newcomer, function=Membership.Function.DEPUTY_LEADER)
    assert deputy.pk is not None


def test_leaders_of_different_bodies_do_not_block_each_other(area, group, leader_person, newcomer):
    other_group = factories.make_body(area, "Děti-mládež-rodina")
    assert _create(other_group, newcomer, function=LEADER).pk is not None


# --- one seat per person ----------------------------------------------------------------


def test_overlapping_second_membership_of_the_same_person_is_refused(group, member_person):
    with translation.override("en"):
        error = _refused(
            _create,
            body=group,
            person=member_person,
            triad_side=TriadSide.USER,
            start_on=D(2019, 1, 1),
        )
    assert error.message_dict["person"] == [
        "Eva Členová is already a member of this body in this period."
    ]


def test_overlapping_membership_refused_in_czech_names_the_person(group, member_person):
    with translation.override("cs"):
        error = _refused(_create, body=group, person=member_person, start_on=D(2019, 1, 1))
    assert error.message_dict["person"] == [
        "Osoba Eva Členová je v tomto období již členem tohoto orgánu."
    ]


def test_non_overlapping_second_membership_of_the_same_person_is_accepted(group, newcomer):
    _create(group, newcomer, start_on=D(2017, 1, 1), end_on=D(2017, 6, 30))
    again = _create(group, newcomer, start_on=D(2017, 7, 1))
    assert again.pk is not None
    assert Membership.objects.filter(body=group, person=newcomer).count() == 2


def test_the_same_person_may_sit_in_two_bodies(area, group, member_person):
    other_group = factories.make_body(area, "Děti-mládež-rodina")
    assert _create(other_group, member_person).pk is not None


# --- one planning area -------------------------------------------------------------------


def test_person_from_another_area_is_refused(group, other_area):
    stranger = factories.make_person(other_area, first_name="Cizí", last_name="Osoba")
    error = _refused(_create, body=group, person=stranger)
    assert set(error.message_dict) == {"person"}


def test_organization_from_another_area_is_refused(group, newcomer, other_area):
    foreign = factories.make_organization(other_area, name="Charita Nový Jičín")
    error = _refused(_create, body=group, person=newcomer, organization=foreign)
    assert set(error.message_dict) == {"organization"}


def test_organization_of_the_same_area_is_accepted(group, newcomer, area):
    own = factories.make_organization(area, name="Slezská diakonie")
    assert _create(group, newcomer, organization=own).organization == own


# --- the body's lifetime -----------------------------------------------------------------


def test_membership_before_the_body_was_established_is_refused(group, newcomer):
    with translation.override("cs"):
        error = _refused(_create, body=group, person=newcomer, start_on=D(2014, 12, 31))
    (message,) = error.message_dict["start_on"]
    assert "1. 1. 2015" in message  # the establishment date, written the Czech way


def test_membership_from_the_day_of_establishment_is_accepted(group, newcomer):
    assert _create(group, newcomer, start_on=D(2015, 1, 1)).pk is not None


@pytest.fixture
def dissolved_group(area):
    return factories.make_body(
        area,
        "Osoby ohrožené sociálním vyloučením",
        established_on=D(2015, 1, 1),
        dissolved_on=D(2018, 6, 30),
    )


def test_open_ended_membership_of_a_dissolved_body_is_refused(dissolved_group, newcomer):
    with translation.override("cs"):
        error = _refused(_create, body=dissolved_group, person=newcomer, start_on=D(2018, 1, 1))
    (message,) = error.message_dict["end_on"]
    assert "30. 6. 2018" in message  # the dissolution date, written the Czech way


def test_membership_ending_after_the_dissolution_is_refused(dissolved_group, newcomer):
    error = _refused(
        _create, body=dissolved_group, person=newcomer, start_on=D(2018, 1, 1), end_on=D(2018, 7, 1)
    )
    assert set(error.message_dict) == {"end_on"}


def test_membership_ending_on_the_dissolution_day_is_accepted(dissolved_group, newcomer):
    membership = _create(dissolved_group, newcomer, start_on=D(2018, 1, 1), end_on=D(2018, 6, 30))
    assert membership.pk is not None


# --- updates -----------------------------------------------------------------------------


def _row(membership) -> dict:
    return Membership.objects.values().get(pk=membership.pk)


def test_update_does_not_collide_with_itself(group, leader_person):
    own = Membership.objects.get(body=group, person=leader_person)
    services.membership_update(
        actor=None, membership=own, start_on=D(2016, 1, 1), end_on=D(2020, 12, 31)
    )
    own.refresh_from_db()
    assert (own.start_on, own.end_on) == (D(2016, 1, 1), D(2020, 12, 31))


def test_update_into_a_second_leader_is_refused_and_changes_nothing(
    group, leader_person, member_person
):
    seat = Membership.objects.get(body=group, person=member_person)
    row = _row(seat)
    error = _refused(services.membership_update, actor=None, membership=seat, function=LEADER)
    assert "Petr Vedoucí" in error.message_dict["function"][0]
    assert _row(seat) == row


def test_update_overlapping_the_same_persons_other_membership_is_refused(group, newcomer):
    first = _create(group, newcomer, start_on=D(2017, 1, 1), end_on=D(2017, 6, 30))
    second = _create(group, newcomer, start_on=D(2017, 7, 1))
    row = _row(first)
    error = _refused(services.membership_update, actor=None, membership=first, end_on=D(2017, 7, 1))
    assert "person" in error.message_dict
    assert _row(first) == row
    assert _row(second)["end_on"] is None


def test_update_ending_before_the_start_is_refused(group, member_person):
    seat = Membership.objects.get(body=group, person=member_person)
    row = _row(seat)
    error = _refused(
        services.membership_update, actor=None, membership=seat, end_on=D(2016, 12, 31)
    )
    assert set(error.message_dict) == {"end_on"}
    assert _row(seat) == row


def test_update_moving_the_start_before_establishment_is_refused(group, member_person):
    seat = Membership.objects.get(body=group, person=member_person)
    row = _row(seat)
    error = _refused(
        services.membership_update, actor=None, membership=seat, start_on=D(2014, 1, 1)
    )
    assert set(error.message_dict) == {"start_on"}
    assert _row(seat) == row


def test_update_to_a_person_of_another_area_is_refused(group, member_person, other_area):
    seat = Membership.objects.get(body=group, person=member_person)
    stranger = factories.make_person(other_area)
    error = _refused(services.membership_update, actor=None, membership=seat, person=stranger)
    assert set(error.message_dict) == {"person"}
    assert _row(seat)["person_id"] == member_person.pk


def test_membership_end_closes_an_open_membership(group, member_person):
    seat = Membership.objects.get(body=group, person=member_person)
    services.membership_end(actor=None, membership=seat, end_on=D(2019, 12, 31))
    seat.refresh_from_db()
    assert seat.end_on == D(2019, 12, 31)
