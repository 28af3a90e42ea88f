"""Minutes through HTTP: the editors write and publish, attendees comment, the public reads."""

import datetime

from django.urls import reverse
from django.utils import timezone

from triada.meetings import services as meetings
from triada.minutes.models import Minutes, Version


def _url(name, group, **kwargs):
    return reverse(name, kwargs={"area_slug": group.area.slug, **kwargs})


def test_from_the_meeting_to_the_published_pdf(client, group, leader, member):
    meeting = meetings.meeting_create(
        actor=None,
        body=group,
        starts_at=timezone.now() - datetime.timedelta(hours=3),
        agenda=("Potřeby seniorů",),
    )
    meetings.attendance_record(
        actor=None,
        meeting=meeting,
        entries={m.pk: ("present", None) for m in meetings.invited_memberships(meeting)},
    )
    client.force_login(leader)
    client.post(_url("minutes:start", group, pk=meeting.pk))
    minutes = Minutes.objects.get(meeting=meeting)
    section = minutes.sections.get()
    edit = _url("minutes:edit", group, pk=meeting.pk)
    response = client.post(
        edit,
        {
            "edit_count": 0,
            "opening": "Jednání zahájila vedoucí.",
            f"section_{section.pk}": "Diskuse o pobytových službách.",
            "closing": "",
        },
    )
    assert response.status_code == 302
    client.post(
        _url("minutes:resolution_add", group, pk=meeting.pk, section_pk=section.pk),
        {
            f"r{section.pk}-text": "Doporučuje rozšířit kapacitu.",
            f"r{section.pk}-adoption": "consensus",
        },
    )
    assert section.resolutions.count() == 1

    # A stale form (edit count 0 again) is refused and the text the user typed is kept.
    response = client.post(
        edit,
        {
            "edit_count": 0,
            "opening": "Můj souběžný text",
            f"section_{section.pk}": "x",
            "closing": "",
        },
    )
    assert response.status_code == 200
    assert "Můj souběžný text" in response.content.decode()
    minutes.refresh_from_db()
    assert minutes.opening == "Jednání zahájila vedoucí."

    # The member comments while the draft is out for comments.
    client.post(_url("minutes:send", group, pk=meeting.pk))
    client.force_login(member)
    client.post(_url("minutes:comment", group, pk=meeting.pk), {"text": "Souhlasím."})
    assert minutes.comments.get().text == "Souhlasím."
    # … but cannot publish.
    assert client.post(_url("minutes:publish", group, pk=meeting.pk)).status_code == 403

    client.force_login(leader)
    client.post(_url("minutes:approve", group, pk=meeting.pk))
    client.post(_url("minutes:publish", group, pk=meeting.pk))
    version = Version.objects.get()

    client.logout()
    page = client.get(f"/{group.area.slug}/jednani/{meeting.pk}/").content.decode()
    assert "Diskuse o\u00a0pobytových službách." in page  # Czech typography
    pdf = client.get(f"/{group.area.slug}/zapisy/{version.pk}.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF-")


def test_unpublished_minutes_stay_internal(client, group, leader):
    meeting = meetings.meeting_create(
        actor=None,
        body=group,
        starts_at=timezone.now() - datetime.timedelta(hours=3),
        agenda=("Tajný bod",),
    )
    client.force_login(leader)
    client.post(_url("minutes:start", group, pk=meeting.pk))
    client.logout()
    page = client.get(f"/{group.area.slug}/jednani/{meeting.pk}/").content.decode()
    assert "Minutes as PDF" not in page and "Zápis v PDF" not in page
