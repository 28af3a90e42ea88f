import datetime

from django.urls import reverse

from triada.meetings import services
from triada.meetings.selectors import attendance_stats, meeting_duties
from triada.tests import factories

TZ = datetime.UTC


def _held(group, month, statuses):
    meeting = services.meeting_create(
        actor=None, body=group, starts_at=datetime.datetime(2019, month, 10, 14, tzinfo=TZ)
    )
    services.attendance_record(
        actor=None,
        meeting=meeting,
        entries={
            m.pk: (statuses.get(m.person_id, "present"), None)
            for m in services.invited_memberships(meeting)
        },
    )
    return meeting


def test_duties_count_held_meetings_against_the_minimum(area, group, member):
    for month in (2, 5, 9):
        _held(group, month, {})
    services.meeting_create(
        actor=None,
        body=group,  # planned, never held: does not count
        starts_at=datetime.datetime(2019, 11, 10, 14, tzinfo=TZ),
    )
    factories.make_body(area, "Rada", kind="council")  # no duty
    (row,) = meeting_duties(area, 2019)
    assert (row.body, row.held, row.required, row.fulfilled) == (group, 3, 4, False)
    _held(group, 12, {})
    assert meeting_duties(area, 2019)[0].fulfilled


def test_who_stopped_coming(area, group, member, leader):
    charity = factories.make_organization(area, name="Charita")
    colleague = factories.make_person(area, first_name="Karel", last_name="Kolega")
    factories.make_membership(group, colleague, organization=charity)
    absent = {member.person.pk: "absent"}
    _held(group, 1, {})
    for month in (3, 5, 7):
        _held(group, month, {**absent, colleague.pk: "absent" if month != 7 else "present"})
    people, organizations = attendance_stats(group, 2019)
    stats = {s.label: s for s in people}
    assert stats["Eva Členová"].stopped_coming
    assert (stats["Eva Členová"].present, stats["Eva Členová"].invited) == (1, 4)
    assert stats["Eva Členová"].last_present == datetime.date(2019, 1, 10)
    assert not stats["Petr Vedoucí"].stopped_coming
    charity_stat = next(s for s in organizations if s.label == "Charita")
    assert (charity_stat.present, charity_stat.invited) == (2, 4)  # per meeting, not per head


def test_duties_page_for_the_coordinator(coordinator_client, area, group):
    _held(group, 2, {})
    html = coordinator_client.get(
        reverse("meetings:duties", kwargs={"area_slug": area.slug}) + "?rok=2019"
    ).content.decode()
    assert "Senioři" in html and "nesplněno" in html
