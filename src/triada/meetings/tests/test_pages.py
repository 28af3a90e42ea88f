"""Meetings through HTTP: planning, attendance, invitation, public page and calendar feeds."""

import datetime

from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from triada.conftest import sign_in
from triada.meetings import services
from triada.meetings.models import Attendance, Meeting
from triada.tests import factories


def _url(name, area, **kwargs):
    return reverse(name, kwargs={"area_slug": area.slug, **kwargs})


def test_leader_plans_a_meeting_with_an_agenda(client, leader, group):
    client.force_login(leader)
    response = client.post(
        _url("meetings:meeting_create", group.area, body_pk=group.pk),
        {
            "starts_at": "2030-05-04T15:30",
            "place": "Radnice, zasedací místnost",
            "agenda": "Zahájení\nPotřeby seniorů\n\nRůzné",
        },
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert [i.title for i in meeting.agenda_items.all()] == ["Zahájení", "Potřeby seniorů", "Různé"]
    assert timezone.localtime(meeting.starts_at).hour == 15


def test_a_meeting_before_the_body_existed_is_refused_with_a_message(client, leader, group):
    client.force_login(leader)
    response = client.post(
        _url("meetings:meeting_create", group.area, body_pk=group.pk),
        {"starts_at": "2001-05-04T15:30"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["starts_at"]
    assert not Meeting.objects.exists()


def test_attendance_through_the_form(client, coordinator, group, leader, member):
    meeting = services.meeting_create(
        actor=None, body=group, starts_at=timezone.now() - datetime.timedelta(hours=2)
    )
    sign_in(client, coordinator)
    url = _url("meetings:attendance", group.area, pk=meeting.pk)
    rows = client.get(url).context["summary"].rows
    data = {f"status_{row.membership.pk}": "present" for row in rows}
    response = client.post(url, data)
    assert response.status_code == 302
    assert Attendance.objects.filter(meeting=meeting, status="present").count() == 2
    page = client.get(_url("meetings:meeting", group.area, pk=meeting.pk)).content.decode()
    assert "2 / 2" in page


def test_invitation_is_sent_and_flagged_late(
    client, coordinator, group, member, mailoutbox, django_capture_on_commit_callbacks
):
    member.person.email = "clen@example.cz"
    member.person.save()
    meeting = services.meeting_create(
        actor=None, body=group, starts_at=timezone.now() + datetime.timedelta(days=2)
    )
    sign_in(client, coordinator)
    url = _url("meetings:invitation", group.area, pk=meeting.pk)
    assert "7" in client.get(url).content.decode()  # the late-notice warning names the days
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    assert [m.to for m in mailoutbox] == [["clen@example.cz"]]
    meeting.refresh_from_db()
    assert meeting.invitation_sent_at is not None


def test_public_meeting_page_and_calendar_feeds(client, group):
    starts = timezone.now() + datetime.timedelta(days=10)
    meeting = services.meeting_create(
        actor=None, body=group, starts_at=starts, place="Radnice", agenda=("Potřeby seniorů",)
    )
    other_area_body = factories.make_body(factories.make_area(), "Cizí")
    services.meeting_create(actor=None, body=other_area_body, starts_at=starts)
    area = group.area
    page = client.get(f"/{area.slug}/jednani/{meeting.pk}/").content.decode()
    assert "Potřeby seniorů" in page
    for url in [f"/{area.slug}/kalendar.ics", f"/{area.slug}/organy/{group.slug}/kalendar.ics"]:
        response = client.get(url)
        assert response["Content-Type"].startswith("text/calendar")
        events = Calendar.from_ical(response.content).walk("VEVENT")
        assert [str(e["summary"]) for e in events] == ["Senioři"]
        assert str(events[0]["url"]).endswith(f"/{area.slug}/jednani/{meeting.pk}/")
        assert str(events[0]["location"]) == "Radnice"


def test_a_meeting_of_another_area_is_not_found_in_the_portal(client, group, other_area):
    foreign = services.meeting_create(
        actor=None, body=factories.make_body(other_area), starts_at=timezone.now()
    )
    assert client.get(f"/{group.area.slug}/jednani/{foreign.pk}/").status_code == 404


def test_attendance_sheet_pdf_lists_the_invited(client, leader, group, member):
    import pypdfium2

    meeting = services.meeting_create(actor=None, body=group, starts_at=timezone.now())
    client.force_login(leader)
    response = client.get(_url("meetings:attendance_sheet", group.area, pk=meeting.pk))
    assert response["Content-Type"] == "application/pdf"
    text = pypdfium2.PdfDocument(response.content)[0].get_textpage().get_text_range()
    assert "Prezenční listina" in text
    assert "Eva Členová" in text and "Petr Vedoucí" in text
    assert "Podpis" in text


def test_agenda_documents_are_checked_and_reach_the_members(client, leader, member, group):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from triada.meetings.models import AgendaDocument

    meeting = services.meeting_create(
        actor=None, body=group, starts_at=timezone.now(), agenda=("Akční plán",)
    )
    item = meeting.agenda_items.get()
    url = _url("meetings:documents", group.area, pk=meeting.pk)
    client.force_login(leader)
    bad = client.post(url, {"item": item.pk, "file": SimpleUploadedFile("x.exe", b"MZ")})
    assert "x.exe" in " ".join(bad.context["form"].errors["file"])
    client.post(
        url,
        {
            "item": item.pk,
            "title": "Návrh akčního plánu",
            "file": SimpleUploadedFile("navrh.docx", b"PK\x03\x04 docx"),
        },
    )
    document = AgendaDocument.objects.get()
    client.force_login(member)
    assert "Návrh akčního plánu" in client.get(url).content.decode()
    download = client.get(
        _url("meetings:document", group.area, pk=meeting.pk, document_pk=document.pk)
    )
    assert b"".join(download.streaming_content) == b"PK\x03\x04 docx"
    assert client.post(url, {"item": item.pk}).status_code == 403  # members do not attach


def test_editing_the_agenda_keeps_the_documents(client, leader, group):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from triada.meetings.models import AgendaDocument

    meeting = services.meeting_create(
        actor=None, body=group, starts_at=timezone.now(), agenda=("Akcni plan", "Ruzne")
    )
    first, second = meeting.agenda_items.all()
    services.agenda_document_add(
        actor=None, item=first, upload=SimpleUploadedFile("navrh.pdf", b"%PDF-1.4")
    )
    client.force_login(leader)
    url = _url("meetings:agenda", group.area, pk=meeting.pk)
    data = {
        "form-TOTAL_FORMS": 3,
        "form-INITIAL_FORMS": 2,
        "form-0-id": first.pk,
        "form-0-title": "Akční plán",
        "form-0-ORDER": 2,
        "form-1-id": second.pk,
        "form-1-title": "Různé",
        "form-1-ORDER": 1,
        "form-2-title": "Nový bod",
        "form-2-ORDER": 3,
    }
    assert client.post(url, data).status_code == 302
    assert [i.title for i in meeting.agenda_items.all()] == ["Různé", "Akční plán", "Nový bod"]
    assert AgendaDocument.objects.get().item_id == first.pk  # the document stayed with its item


def test_an_upload_without_any_field_gets_the_forms_errors(
    client, leader, coordinator_client, group
):
    """A fuzz test's find: a POST with nothing but an empty file named "." has no field, and
    an unbound form said nothing. The test client sends the same with no data at all."""
    from triada.meetings.models import AgendaDocument
    from triada.minutes.models import UploadedMinutes

    meeting = services.meeting_create(
        actor=None, body=group, starts_at=timezone.now(), agenda=("Akční plán",)
    )
    client.force_login(leader)
    url = _url("meetings:documents", group.area, pk=meeting.pk)
    response = client.post(url)
    assert response.status_code == 200 and response.context["form"].errors
    upload = _url("minutes:upload", group.area)
    response = coordinator_client.post(upload)
    assert response.status_code == 200 and response.context["form"].errors
    assert not AgendaDocument.objects.exists() and not UploadedMinutes.objects.exists()
