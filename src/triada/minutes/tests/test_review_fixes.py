"""Hostile and odd input around meetings and minutes: a message or nothing, never a 500."""

import datetime

from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from triada.meetings import services as meetings
from triada.minutes import services
from triada.minutes.models import Minutes
from triada.minutes.render import document_context
from triada.tests import factories


def test_years_out_of_range_are_ignored(coordinator_client, group):
    slug = group.area.slug
    for name, kwargs in [
        ("meetings:meetings", {}),
        ("meetings:duties", {}),
        ("meetings:body_attendance", {"body_pk": group.pk}),
    ]:
        url = reverse(name, kwargs={"area_slug": slug, **kwargs})
        for year in ("0", "10000", "99999999"):
            assert coordinator_client.get(url, {"rok": year}).status_code == 200, (url, year)
    assert coordinator_client.get(f"/{slug}/zapisy/", {"rok": "10000"}).status_code == 200


def test_a_title_with_a_newline_stays_one_line(coordinator_client, group, member, mailoutbox):
    member.person.email = "clen@example.cz"
    member.person.save()
    meeting = meetings.meeting_create(
        actor=None,
        body=group,
        title="Jednání\nBcc: x@y.cz",
        starts_at=timezone.now() + datetime.timedelta(days=9),
    )
    assert meeting.title == "Jednání Bcc: x@y.cz"
    meetings.meeting_invitations_send(actor=None, meeting=meeting, meeting_url="https://x.cz")
    assert "\n" not in mailoutbox[0].subject
    feed = coordinator_client.get(f"/{group.area.slug}/kalendar.ics")
    assert Calendar.from_ical(feed.content).walk("VEVENT")


def test_an_overlong_agenda_line_is_a_form_error(coordinator_client, group):
    url = reverse(
        "meetings:meeting_create", kwargs={"area_slug": group.area.slug, "body_pk": group.pk}
    )
    response = coordinator_client.post(url, {"starts_at": "2030-01-01T10:00", "agenda": "x" * 301})
    assert response.status_code == 200 and response.context["form"].errors["agenda"]


def test_an_upload_without_files_is_refused(coordinator_client, group):
    url = reverse("minutes:upload", kwargs={"area_slug": group.area.slug})
    data = {"period": "day", "date": "2019-01-01"}
    assert (
        coordinator_client.post(url, data, headers={"accept": "application/json"}).status_code
        == 400
    )
    assert coordinator_client.post(url, data).context["form"].errors["files"]


def test_a_new_resolution_sends_approved_minutes_back_to_draft(group):
    meeting = meetings.meeting_create(
        actor=None,
        body=group,
        agenda=("Bod",),
        starts_at=timezone.now() - datetime.timedelta(days=1),
    )
    minutes = services.minutes_start(actor=None, meeting=meeting)
    services.minutes_approve(actor=None, minutes=minutes)
    services.resolution_add(
        actor=None, section=minutes.sections.get(), text="Nové", adoption="consensus"
    )
    assert Minutes.objects.get(pk=minutes.pk).status == Minutes.Status.DRAFT


def test_published_attendance_order_hides_the_hidden_names(area, group):
    org_a = factories.make_organization(area, name="Alfa")
    org_z = factories.make_organization(area, name="Zeta")
    for last_name, org in [("Zátopková", org_a), ("Adámková", org_z)]:
        person = factories.make_person(area, last_name=last_name, public_consent=False)
        factories.make_membership(group, person, organization=org)
    meeting = meetings.meeting_create(
        actor=None, body=group, starts_at=timezone.now() - datetime.timedelta(days=1)
    )
    minutes = services.minutes_start(actor=None, meeting=meeting)
    rows = [r for r in document_context(minutes)["attendance"] if r["name"] is None]
    assert [str(r["organization"]) for r in rows] == ["Alfa", "Zeta"]


def test_a_held_meeting_cannot_be_cancelled_after_the_fact(group, member):
    import pytest
    from django.core.exceptions import ValidationError

    meeting = meetings.meeting_create(
        actor=None, body=group, starts_at=timezone.now() - datetime.timedelta(days=1)
    )
    meetings.attendance_record(
        actor=None,
        meeting=meeting,
        entries={m.pk: ("present", None) for m in meetings.invited_memberships(meeting)},
    )
    with pytest.raises(ValidationError) as error:
        meetings.meeting_update(actor=None, meeting=meeting, status="cancelled")
    assert "status" in error.value.message_dict
    meeting.refresh_from_db()
    assert meeting.status == "held"
