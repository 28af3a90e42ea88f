"""The record holds (issue 14): who was a member at a meeting and how each attended is a fact
of that meeting; a later change of the roster does not rewrite it."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from triada.meetings import services
from triada.meetings.models import Attendance, Meeting
from triada.meetings.selectors import attendance_summary, meeting_duties
from triada.people import services as people_services
from triada.people.models import Membership
from triada.tests import factories

D = datetime.date
TZ = timezone.get_default_timezone()


@pytest.fixture
def eight(group):
    """A group of eight members: a leader and seven others."""
    memberships = [
        factories.make_membership(group, side="commissioner", function=Membership.Function.LEADER)
    ]
    memberships += [factories.make_membership(group, side="provider") for _ in range(7)]
    return memberships


def _held(group, day):
    return services.meeting_create(
        actor=None,
        body=group,
        starts_at=datetime.datetime(day.year, day.month, day.day, 15, tzinfo=TZ),
        place="Radnice",
    )


def _record(meeting, memberships, present):
    entries = {
        m.pk: (Attendance.Status.PRESENT if i < present else Attendance.Status.ABSENT, None)
        for i, m in enumerate(memberships)
    }
    services.attendance_record(actor=None, meeting=meeting, entries=entries)


def _reading(meeting):
    summary = attendance_summary(meeting)
    people = [row.membership.person_id for row in summary.rows]
    return summary.present_voting, summary.voting_members, summary.quorum_reached, people


def test_an_election_on_the_meeting_day_leaves_the_attendance_as_recorded(group, eight):
    day = D(2024, 3, 14)
    meeting = _held(group, day)
    _record(meeting, eight, present=5)
    before = _reading(meeting)
    assert before[:3] == (5, 8, True)

    people_services.leader_election_record(
        actor=None,
        body=group,
        held_on=day,
        elected=eight[3].person,
        voters=[m.person for m in eight[:5]],
        coordinator_voted=False,
        votes_for=5,
    )

    after = _reading(meeting)
    assert after == before
    assert len(after[3]) == len(set(after[3]))  # each person once


def test_a_member_who_joins_after_the_meeting_day_is_not_on_its_list(group, eight):
    meeting = _held(group, D(2024, 3, 14))
    _record(meeting, eight, present=5)
    factories.make_membership(group, side="user", start_on=D(2024, 3, 14))
    assert _reading(meeting)[:3] == (5, 8, True)


def test_the_attendance_list_records_every_invited_member(group, eight):
    meeting = _held(group, D(2024, 3, 14))
    services.attendance_record(
        actor=None, meeting=meeting, entries={eight[0].pk: (Attendance.Status.PRESENT, None)}
    )
    assert meeting.attendance.count() == 8  # the others as absent, a fact of that day


def test_a_future_meeting_cannot_be_marked_held(group):
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    meeting = services.meeting_create(actor=None, body=group, starts_at=tomorrow, place="Radnice")
    with pytest.raises(ValidationError) as refused:
        services.meeting_update(actor=None, meeting=meeting, status=Meeting.Status.HELD)
    assert "status" in refused.value.message_dict
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PLANNED
    with pytest.raises(ValidationError):
        services.meeting_create(
            actor=None, body=group, starts_at=tomorrow, place="Radnice", status="held"
        )


def test_the_duty_shows_planned_meetings_apart_and_judges_part_of_a_year(area):
    # Founded on 1 July: half of 2019, so two meetings of the four a year fulfil the duty.
    late = factories.make_body(area, "Mladí", established_on=D(2019, 7, 1))
    for month in (8, 10):
        services.meeting_create(
            actor=None,
            body=late,
            starts_at=datetime.datetime(2019, month, 10, 14, tzinfo=TZ),
            status=Meeting.Status.HELD,
        )
    services.meeting_create(
        actor=None, body=late, starts_at=datetime.datetime(2019, 12, 10, 14, tzinfo=TZ)
    )
    (row,) = meeting_duties(area, 2019)
    assert (row.held, row.planned, row.required, row.fulfilled) == (2, 1, 2, True)
