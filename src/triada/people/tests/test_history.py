"""The record holds (issue 14): a membership with history is ended, not deleted; a new
function from a date is a new term, and the roster of earlier days stays as it was."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from triada.meetings import services as meeting_services
from triada.meetings.models import Attendance
from triada.people import services
from triada.people.models import Membership
from triada.people.selectors import roster
from triada.tests import factories

D = datetime.date
TZ = timezone.get_default_timezone()


def _meeting_with(membership):
    meeting = meeting_services.meeting_create(
        actor=None,
        body=membership.body,
        starts_at=datetime.datetime(2024, 3, 14, 15, tzinfo=TZ),
        place="Radnice",
    )
    meeting_services.attendance_record(
        actor=None, meeting=meeting, entries={membership.pk: (Attendance.Status.PRESENT, None)}
    )
    return meeting


def test_a_membership_with_attendance_is_not_deleted(group):
    membership = factories.make_membership(group)
    _meeting_with(membership)
    with pytest.raises(ValidationError) as refused:
        services.membership_delete(actor=None, membership=membership)
    assert "Ukončete" in " ".join(refused.value.messages)  # end it instead, in Czech
    assert Membership.objects.filter(pk=membership.pk).exists()
    assert Attendance.objects.filter(membership=membership).exists()


def test_a_membership_without_history_can_be_deleted(group):
    membership = factories.make_membership(group)
    services.membership_delete(actor=None, membership=membership)
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_the_staff_page_says_why_a_delete_was_refused(coordinator_client, group):
    membership = factories.make_membership(group)
    _meeting_with(membership)
    url = reverse(
        "people:membership_delete", kwargs={"area_slug": group.area.slug, "pk": membership.pk}
    )
    response = coordinator_client.post(url, follow=True)
    assert response.status_code == 200
    text = response.content.decode()
    assert "nelze smazat" in text
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_a_new_function_from_a_date_is_a_new_term(group):
    taker = factories.make_membership(
        group, function=Membership.Function.MINUTE_TAKER, start_on=D(2025, 1, 1)
    )
    services.membership_update(
        actor=None,
        membership=taker,
        function=Membership.Function.DEPUTY_LEADER,
        function_from=D(2026, 6, 1),
    )
    (in_2025,) = roster(group, on=D(2025, 6, 1))
    (now,) = roster(group, on=D(2026, 6, 1))
    assert in_2025.function == Membership.Function.MINUTE_TAKER
    assert in_2025.end_on == D(2026, 5, 31)
    assert now.function == Membership.Function.DEPUTY_LEADER
    assert now.start_on == D(2026, 6, 1) and now.person_id == taker.person_id


def test_the_edit_form_starts_a_new_term_from_the_day_it_names(coordinator_client, group):
    taker = factories.make_membership(
        group, function=Membership.Function.MINUTE_TAKER, start_on=D(2025, 1, 1)
    )
    url = reverse("people:membership_edit", kwargs={"area_slug": group.area.slug, "pk": taker.pk})
    page = coordinator_client.get(url)
    assert page.context["form"]["function_from"].value() == timezone.localdate()
    coordinator_client.post(
        url,
        {
            "person": taker.person_id,
            "triad_side": taker.triad_side,
            "function": Membership.Function.DEPUTY_LEADER,
            "start_on": "1. 1. 2025",
            "function_from": "1. 6. 2026",
        },
    )
    assert [m.function for m in group.memberships.order_by("start_on")] == [
        Membership.Function.MINUTE_TAKER,
        Membership.Function.DEPUTY_LEADER,
    ]


@pytest.fixture
def coordinator_member(group, coordinator):
    """The coordinator sits in the group herself."""
    person = factories.make_person(group.area, user=coordinator, first_name="Iva", last_name="K")
    factories.make_membership(group, person, side="commissioner")
    return person


def test_a_coordinator_who_is_a_member_is_not_counted_twice(group, coordinator_member):
    others = [factories.make_membership(group).person for _ in range(2)]
    voters = [coordinator_member, *others]
    with pytest.raises(ValidationError) as refused:
        services.leader_election_record(
            actor=None,
            body=group,
            held_on=D(2024, 3, 1),
            elected=others[0],
            voters=voters,
            coordinator_voted=True,
            votes_for=4,
        )
    assert "coordinator_voted" in refused.value.message_dict
    election = services.leader_election_record(
        actor=None,
        body=group,
        held_on=D(2024, 3, 1),
        elected=others[0],
        voters=voters,
        coordinator_voted=False,
        votes_for=3,
    )
    assert election.votes_for == 3


def test_the_election_form_asks_whether_the_coordinator_voted_and_reads_a_czech_date(
    coordinator_client, group
):
    members = [factories.make_membership(group).person for _ in range(3)]
    url = reverse(
        "people:election_create", kwargs={"area_slug": group.area.slug, "body_pk": group.pk}
    )
    form = coordinator_client.get(url).context["form"]
    assert not form["coordinator_voted"].value()  # not ticked by default
    coordinator_client.post(
        url,
        {
            "held_on": "14. 3. 2024",
            "elected": members[0].pk,
            "voters": [m.pk for m in members],
            "votes_for": 3,
            "votes_against": 0,
            "votes_abstained": 0,
        },
    )
    (election,) = group.leader_elections.all()
    assert election.held_on == D(2024, 3, 14) and not election.coordinator_voted
