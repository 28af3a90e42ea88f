import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from icalendar import Calendar

from triada.meetings import services
from triada.meetings.calendar import meetings_calendar
from triada.meetings.models import Attendance, Meeting
from triada.meetings.selectors import attendance_summary, invited_memberships
from triada.people.models import Membership, TriadSide
from triada.tests import factories

D = datetime.date
TZ = timezone.get_default_timezone()


def at(year, month, day, hour=15):
    return datetime.datetime(year, month, day, hour, 0, tzinfo=TZ)


@pytest.fixture
def triad_group(area):
    """A group of four members, one of each side and a second provider, and a roster guest."""
    group = factories.make_body(area, "Senioři", established_on=D(2015, 1, 1))
    club = factories.make_organization(area, side=TriadSide.USER, name="Klub")
    charity = factories.make_organization(area, side=TriadSide.PROVIDER, name="Charita")
    city = factories.make_organization(area, side=TriadSide.COMMISSIONER, name="Město")
    members = {
        "commissioner": factories.make_membership(
            group, side="commissioner", organization=city, function=Membership.Function.LEADER
        ),
        "provider": factories.make_membership(group, side="provider", organization=charity),
        "provider2": factories.make_membership(group, side="provider", organization=charity),
        "user": factories.make_membership(group, side="user", organization=club),
    }
    factories.make_membership(
        group,
        side="public",
        function=Membership.Function.GUEST,
        start_on=D(2019, 1, 1),
        end_on=D(2019, 12, 31),
    )
    return group, members


def _meeting(group, when=None, **fields):
    return services.meeting_create(
        actor=None, body=group, starts_at=when or at(2019, 3, 14), place="Radnice", **fields
    )


def test_invited_are_the_roster_on_the_day(triad_group):
    group, _members = triad_group
    late = factories.make_membership(group, side="provider", start_on=D(2019, 6, 1))
    march = _meeting(group)
    june = _meeting(group, at(2019, 6, 20))
    assert late not in invited_memberships(march)
    assert late in invited_memberships(june)
    assert len(invited_memberships(march)) == 5  # four members and the roster's guest


def test_meeting_of_a_body_that_does_not_exist_yet_is_refused(triad_group):
    group, _members = triad_group
    with pytest.raises(ValidationError) as error:
        _meeting(group, at(2014, 6, 1))
    assert "starts_at" in error.value.message_dict
    assert not Meeting.objects.exists()


def test_meeting_ending_before_it_starts_is_refused(triad_group):
    group, _members = triad_group
    with pytest.raises(ValidationError) as error:
        _meeting(group, ends_at=at(2019, 3, 14, 10))
    assert "ends_at" in error.value.message_dict


def _record(meeting, statuses, substitutes=None):
    substitutes = substitutes or {}
    services.attendance_record(
        actor=None,
        meeting=meeting,
        entries={m.pk: (status, substitutes.get(m.pk)) for m, status in statuses.items()},
    )


def test_quorum_needs_more_than_half_of_the_voting_members(triad_group):
    group, members = triad_group
    meeting = _meeting(group)
    P, A = Attendance.Status.PRESENT, Attendance.Status.ABSENT
    _record(
        meeting,
        {
            members["commissioner"]: P,
            members["provider"]: P,
            members["provider2"]: A,
            members["user"]: A,
        },
    )
    summary = attendance_summary(meeting)
    assert (summary.voting_members, summary.present_voting) == (4, 2)
    assert not summary.quorum_reached  # two of four is not more than half
    _record(meeting, {members["user"]: P})
    assert attendance_summary(meeting).quorum_reached


def test_quorum_percent_is_configurable(triad_group):
    group, members = triad_group
    group.quorum_percent = 75
    group.save()
    meeting = _meeting(group)
    P, A = Attendance.Status.PRESENT, Attendance.Status.ABSENT
    _record(
        meeting,
        {
            members["commissioner"]: P,
            members["provider"]: P,
            members["provider2"]: A,
            members["user"]: P,
        },
    )
    assert not attendance_summary(meeting).quorum_reached  # 75 % is not more than 75 %
    _record(meeting, {members["provider2"]: P})
    assert attendance_summary(meeting).quorum_reached


def test_triad_presence_and_the_missing_side(triad_group):
    group, members = triad_group
    meeting = _meeting(group)
    P, E = Attendance.Status.PRESENT, Attendance.Status.EXCUSED
    _record(meeting, {members["commissioner"]: P, members["provider"]: P, members["user"]: E})
    summary = attendance_summary(meeting)
    assert not summary.triad_present
    assert [str(side) for side in summary.missing_sides] == [str(TriadSide.USER.label)]


def test_a_substitute_from_the_same_organization_counts(triad_group):
    group, members = triad_group
    meeting = _meeting(group)
    stand_in = factories.make_person(group.area, first_name="Zástup", last_name="Klubu")
    _record(
        meeting,
        {members["user"]: Attendance.Status.EXCUSED},
        substitutes={members["user"].pk: stand_in},
    )
    summary = attendance_summary(meeting)
    assert TriadSide.USER in summary.sides_present
    assert summary.present_voting == 1


def test_a_private_person_cannot_send_a_substitute(triad_group, area):
    group, _members = triad_group
    private = factories.make_membership(group, side="user")
    meeting = _meeting(group)
    with pytest.raises(ValidationError):
        _record(
            meeting,
            {private: Attendance.Status.EXCUSED},
            substitutes={private.pk: factories.make_person(area)},
        )
    assert not Attendance.objects.exists()


def test_attendance_of_a_future_meeting_is_refused(triad_group):
    group, members = triad_group
    meeting = _meeting(group, timezone.now() + datetime.timedelta(days=3))
    with pytest.raises(ValidationError):
        _record(meeting, {members["user"]: Attendance.Status.PRESENT})
    assert not Attendance.objects.exists()
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PLANNED


def test_recording_attendance_marks_the_meeting_held(triad_group):
    group, members = triad_group
    meeting = _meeting(group)
    _record(meeting, {members["user"]: Attendance.Status.PRESENT})
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.HELD


def test_invitation_goes_to_members_and_guests_with_an_ics(
    triad_group, mailoutbox, django_capture_on_commit_callbacks
):
    group, members = triad_group
    for membership in members.values():
        membership.person.email = f"{membership.person.last_name}@example.cz"
        membership.person.save()
    when = timezone.now() + datetime.timedelta(days=3)
    meeting = _meeting(group, when, agenda=("Zahájení", "Potřeby seniorů"))
    services.guest_add(actor=None, meeting=meeting, name="Host", email="host@example.cz")
    with django_capture_on_commit_callbacks(execute=True):
        count = services.meeting_invitations_send(
            actor=None, meeting=meeting, meeting_url="https://x.cz/m/1"
        )
    assert count == 5
    assert len(mailoutbox) == 5
    assert all(len(email.to) == 1 for email in mailoutbox)
    assert "Potřeby seniorů" in mailoutbox[0].body
    (filename, content, mimetype) = mailoutbox[0].attachments[0]
    assert filename.endswith(".ics")
    assert mimetype.startswith("text/calendar")
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert event["summary"] == "Senioři"
    assert event.decoded("dtstart") == when.replace(microsecond=0)
    assert services.invitation_is_late(meeting)  # three days' notice is less than seven


def test_cancelled_meeting_is_cancelled_in_the_calendar(triad_group):
    group, _members = triad_group
    meeting = _meeting(group, status=Meeting.Status.CANCELLED)
    ics = meetings_calendar([meeting], name="x", url_for=lambda m: f"https://x.cz/{m.pk}")
    (event,) = Calendar.from_ical(ics.to_ical()).walk("VEVENT")
    assert event["status"] == "CANCELLED"
    assert event["url"] == f"https://x.cz/{meeting.pk}"
