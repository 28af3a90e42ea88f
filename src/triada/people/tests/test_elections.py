"""Recording a leader election: the elected person leads from the day of the election, the
former leader goes on as a member, and the votes must add up."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from triada.audit.models import AuditEntry
from triada.people import selectors, services
from triada.people.models import LeaderElection, Membership, TriadSide
from triada.tests import factories

D = datetime.date
F = Membership.Function
HELD_ON = D(2019, 3, 1)
DAY_BEFORE = D(2019, 2, 28)


def _counts() -> tuple[int, int, int]:
    return (Membership.objects.count(), LeaderElection.objects.count(), AuditEntry.objects.count())


def _elect(body, elected, **kwargs) -> LeaderElection:
    kwargs.setdefault("held_on", HELD_ON)
    kwargs.setdefault("votes_for", 1)
    kwargs.setdefault("coordinator_voted", True)  # a coordinator who is not a member
    return services.leader_election_record(actor=None, body=body, elected=elected, **kwargs)


def _refused(body, elected, **kwargs) -> ValidationError:
    before = _counts()
    with pytest.raises(ValidationError) as exc:
        _elect(body, elected, **kwargs)
    assert _counts() == before
    return exc.value


@pytest.fixture
def former(leader):
    """Petr Vedoucí, leader (commissioner) since 1. 1. 2017."""
    return leader.person


@pytest.fixture
def charity(area):
    return factories.make_organization(area, name="Charita Český Těšín", side=TriadSide.PROVIDER)


@pytest.fixture
def candidate(area, group, charity):
    """Jana Kandidátová, a member for the charity (provider) since 1. 6. 2017."""
    person = factories.make_person(area, first_name="Jana", last_name="Kandidátová")
    factories.make_membership(
        group, person, organization=charity, side=TriadSide.PROVIDER, start_on=D(2017, 6, 1)
    )
    return person


@pytest.fixture
def outsider(area):
    return factories.make_person(area, first_name="Ondřej", last_name="Nový")


def _seats(body, person) -> list[tuple]:
    return list(
        Membership.objects.filter(body=body, person=person)
        .order_by("start_on")
        .values_list("function", "start_on", "end_on", "triad_side", "organization")
    )


# --- a member is elected -----------------------------------------------------------------


def test_elected_member_stops_being_a_member_the_day_before(group, former, candidate, charity):
    _elect(group, candidate)
    assert _seats(group, candidate)[0] == (
        F.MEMBER,
        D(2017, 6, 1),
        DAY_BEFORE,
        TriadSide.PROVIDER,
        charity.pk,
    )


def test_elected_member_leads_from_the_day_for_the_same_organization_and_side(
    group, former, candidate, charity
):
    _elect(group, candidate)
    assert _seats(group, candidate)[1] == (F.LEADER, HELD_ON, None, TriadSide.PROVIDER, charity.pk)


def test_former_leader_goes_on_as_a_member_from_the_day(group, former, candidate):
    _elect(group, candidate)
    assert _seats(group, former) == [
        (F.LEADER, D(2017, 1, 1), DAY_BEFORE, TriadSide.COMMISSIONER, None),
        (F.MEMBER, HELD_ON, None, TriadSide.COMMISSIONER, None),
    ]


def test_roster_after_the_election_has_the_new_leader_first(group, former, candidate, member):
    _elect(group, candidate)
    after = [(m.person.last_name, m.function) for m in selectors.roster(group, on=HELD_ON)]
    assert after[0] == ("Kandidátová", F.LEADER)
    assert sorted(after[1:]) == [("Vedoucí", F.MEMBER), ("Členová", F.MEMBER)]
    before = selectors.roster(group, on=DAY_BEFORE)
    assert (before[0].person.last_name, before[0].function) == ("Vedoucí", F.LEADER)


def test_election_links_to_the_resulting_leader_membership(group, former, candidate):
    election = _elect(group, candidate)
    election.refresh_from_db()
    assert election.membership == Membership.objects.get(person=candidate, function=F.LEADER)
    assert election.elected == candidate
    assert election.held_on == HELD_ON


def test_member_who_joined_on_the_day_becomes_leader_in_place(group, former, area):
    person = factories.make_person(area, last_name="Čerstvá")
    seat = factories.make_membership(group, person, start_on=HELD_ON)
    election = _elect(group, person, votes_for=2)
    seat.refresh_from_db()
    assert seat.function == F.LEADER
    assert election.membership == seat
    assert Membership.objects.filter(person=person).count() == 1


def test_election_stores_the_votes_and_voters(group, former, candidate, member):
    voters = [former, candidate, member.person]
    election = _elect(group, candidate, voters=voters, votes_for=3, votes_against=1)
    election.refresh_from_db()
    assert set(election.voters.all()) == set(voters)
    assert (election.votes_for, election.votes_against, election.votes_abstained) == (3, 1, 0)
    assert election.votes_cast == 4


def test_sitting_leader_can_be_re_elected(group, former, candidate):
    _elect(group, candidate, held_on=D(2019, 3, 1))
    second = _elect(group, candidate, held_on=D(2021, 3, 1))
    assert LeaderElection.objects.filter(body=group, elected=candidate).count() == 2
    assert second.membership.person == candidate
    assert second.membership.function == F.LEADER
    assert second.membership.is_active_on(D(2021, 3, 1))


# --- a non-member is elected -------------------------------------------------------------


def test_elected_non_member_needs_a_side_and_nothing_is_written(group, former, outsider):
    error = _refused(group, outsider)
    assert set(error.message_dict) == {"triad_side"}
    assert _seats(group, former) == [(F.LEADER, D(2017, 1, 1), None, TriadSide.COMMISSIONER, None)]


def test_elected_non_member_with_an_organization_without_usual_side_needs_a_side(
    area, group, former, outsider
):
    club = factories.make_organization(area, side="", name="Klub seniorů")
    error = _refused(group, outsider, organization=club)
    assert set(error.message_dict) == {"triad_side"}


def test_elected_non_member_takes_the_side_given(group, former, outsider):
    election = _elect(group, outsider, triad_side=TriadSide.USER)
    assert (
        election.membership.function,
        election.membership.triad_side,
        election.membership.start_on,
        election.membership.end_on,
    ) == (F.LEADER, TriadSide.USER, HELD_ON, None)


def test_elected_non_member_takes_the_usual_side_of_the_organization(
    group, former, outsider, charity
):
    election = _elect(group, outsider, organization=charity)
    assert election.membership.organization == charity
    assert election.membership.triad_side == TriadSide.PROVIDER


def test_elected_non_member_of_a_leaderless_body(area, outsider):
    body = factories.make_body(area, "Senioři 2", established_on=D(2018, 7, 1))
    election = _elect(body, outsider, triad_side=TriadSide.COMMISSIONER, held_on=D(2018, 7, 1))
    assert list(Membership.objects.filter(body=body).values_list("person", "function")) == [
        (outsider.pk, F.LEADER)
    ]
    assert election.membership.start_on == D(2018, 7, 1)


# --- the votes ---------------------------------------------------------------------------


def test_a_tie_is_not_a_majority_and_nothing_is_written(group, former, candidate):
    error = _refused(group, candidate, votes_for=2, votes_against=2)
    assert set(error.message_dict) == {"votes_for"}
    assert Membership.objects.get(person=former).function == F.LEADER


def test_abstentions_count_in_the_votes_cast(group, former, candidate):
    error = _refused(group, candidate, votes_for=2, votes_against=0, votes_abstained=2)
    assert set(error.message_dict) == {"votes_for"}


def test_no_votes_for_is_refused(group, former, candidate):
    assert "votes_for" in _refused(group, candidate, votes_for=0).message_dict


def test_more_than_half_is_a_majority(group, former, candidate):
    election = _elect(group, candidate, votes_for=2, votes_against=1)
    assert election.pk is not None


def test_more_votes_than_voters_and_coordinator_is_refused(group, former, candidate, member):
    voters = [former, member.person]
    error = _refused(group, candidate, voters=voters, coordinator_voted=True, votes_for=4)
    assert set(error.message_dict) == {"votes_for"}


def test_as_many_votes_as_voters_and_coordinator_is_accepted(group, former, candidate, member):
    election = _elect(
        group,
        candidate,
        voters=[former, member.person],
        coordinator_voted=True,
        votes_for=2,
        votes_against=1,
    )
    assert election.votes_cast == 3


def test_without_the_coordinator_voting_only_the_voters_count(group, former, candidate, member):
    error = _refused(
        group,
        candidate,
        voters=[former, member.person],
        coordinator_voted=False,
        votes_for=2,
        votes_against=1,
    )
    assert set(error.message_dict) == {"votes_for"}


# --- who and when ------------------------------------------------------------------------


def test_election_on_a_day_the_body_does_not_exist_is_refused(group, candidate):
    error = _refused(group, candidate, held_on=D(2014, 12, 31))
    assert set(error.message_dict) == {"held_on"}


def test_elected_person_from_another_area_is_refused(group, former, other_area):
    stranger = factories.make_person(other_area)
    error = _refused(group, stranger, triad_side=TriadSide.USER)
    assert set(error.message_dict) == {"elected"}


def test_voter_from_another_area_is_refused(group, former, candidate, other_area):
    stranger = factories.make_person(other_area)
    error = _refused(group, candidate, voters=[stranger], votes_for=1)
    assert set(error.message_dict) == {"voters"}


def test_a_guest_may_not_vote(area, group, former, candidate):
    guest = factories.make_person(area, last_name="Hostová")
    factories.make_membership(group, guest, function=F.GUEST, start_on=HELD_ON, end_on=HELD_ON)
    with pytest.raises(ValidationError):
        _elect(group, candidate, voters=[guest], votes_for=2)


# --- the audit trail ---------------------------------------------------------------------


def test_election_writes_audit_entries(group, former, candidate, coordinator):
    AuditEntry.objects.all().delete()
    with translation.override("en"):
        election = services.leader_election_record(
            actor=coordinator,
            body=group,
            held_on=HELD_ON,
            elected=candidate,
            voters=[former, candidate],
            coordinator_voted=True,
            votes_for=2,
            votes_against=1,
        )
    entries = AuditEntry.objects.filter(area=group.area, actor=coordinator)
    election_entry = entries.get(object_type="people.leaderelection")
    assert election_entry.object_id == str(election.pk)
    assert election_entry.action == AuditEntry.Action.CREATE
    assert election_entry.summary == (
        "2 for, 1 against, 0 abstained; voted: Petr Vedoucí, Jana Kandidátová, the coordinator"
    )
    membership_actions = sorted(
        entries.filter(object_type="people.membership").values_list("action", flat=True)
    )
    # Each of the two persons: the old membership ended (update), a new one started (create).
    assert membership_actions == ["create", "create", "update", "update"]
    assert entries.count() == 5


def test_without_a_voter_list_the_votes_cannot_exceed_the_members(group, leader, member):
    with pytest.raises(ValidationError) as error:
        services.leader_election_record(
            actor=None,
            body=group,
            held_on=datetime.date(2019, 1, 10),
            elected=member.person,
            votes_for=40_000,
        )
    assert "votes_for" in error.value.message_dict
    assert not LeaderElection.objects.exists()


def test_an_election_in_the_future_is_refused(group, member):
    with pytest.raises(ValidationError) as error:
        services.leader_election_record(
            actor=None,
            body=group,
            held_on=timezone.localdate() + datetime.timedelta(days=1),
            elected=member.person,
            votes_for=1,
        )
    assert "held_on" in error.value.message_dict
