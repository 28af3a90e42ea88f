"""The hostile inputs the fuzz tests found, each kept as a plain test: a clear refusal and no
change, never a server error."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from triada.audit.models import AuditEntry
from triada.meetings import services as meeting_services
from triada.meetings.models import AgendaDocument
from triada.minutes.models import UploadedMinutes
from triada.structure.models import Body
from triada.tests.test_fuzz_uploads import media_files, sample_pdfs

BEYOND_ANY_ID = str(2**63)
LONGER_THAN_PYTHON_CONVERTS = "9" * 5000


def _url(name, area, **kwargs):
    return reverse(name, kwargs={"area_slug": area.slug, **kwargs})


def test_an_id_beyond_the_database_is_an_unknown_choice(coordinator_client, area, group):
    """SQLite raised OverflowError for such an id in a list of ids."""
    response = coordinator_client.post(
        _url("structure:body_create", area),
        {"name": "Nová skupina", "kind": "working_group", "reports_to": [BEYOND_ANY_ID]},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["reports_to"]
    assert not Body.objects.filter(name="Nová skupina").exists()


def test_a_number_too_long_to_convert_is_no_number(coordinator_client, client, area, group):
    """Python refuses to convert a string of more than 4300 digits to a number."""
    assert client.get(f"/{area.slug}/plan/", {"rok": LONGER_THAN_PYTHON_CONVERTS}).status_code in (
        200,
        404,
    )
    page = coordinator_client.get(
        _url("people:membership_add", area, body_pk=group.pk),
        {"osoba": LONGER_THAN_PYTHON_CONVERTS},
    )
    assert page.status_code == 200
    meeting = meeting_services.meeting_create(
        actor=None, body=group, starts_at=datetime.datetime(2019, 3, 14, tzinfo=datetime.UTC)
    )
    response = coordinator_client.post(
        _url("meetings:guests", area, pk=meeting.pk), {"remove": LONGER_THAN_PYTHON_CONVERTS}
    )
    assert response.status_code == 404


def test_a_nul_character_in_a_slug_is_not_looked_up(client, area):
    """PostgreSQL refuses text with a NUL character outright."""
    assert client.get(f"/{area.slug}/zapisy/", {"organ": "a\x00b"}).status_code == 200
    assert client.get("/hledat/", {"q": "zápis", "oblast": "a\x00b"}).status_code == 200


def test_a_file_name_of_four_byte_letters_is_stored(coordinator_client, area, group):
    """The file system takes 255 bytes, and Django shortened the name by characters."""
    name = "\U00020000" * 200 + ".pdf"
    response = coordinator_client.post(
        _url("minutes:upload", area),
        {
            "period": "day",
            "date": "2019-03-14",
            "files": [SimpleUploadedFile(name, sample_pdfs()[0])],
        },
    )
    assert response.status_code == 200
    upload = UploadedMinutes.objects.get()
    assert upload.original_name == name
    assert upload.status == UploadedMinutes.Status.ACCEPTED
    assert len(upload.file.name.rsplit("/", 1)[-1].encode()) <= 255


def test_every_change_of_the_agenda_is_audited(group):
    """Only a change of the titles used to leave an audit entry."""
    meeting = meeting_services.meeting_create(
        actor=None,
        body=group,
        starts_at=datetime.datetime(2019, 3, 14, tzinfo=datetime.UTC),
        agenda=("Rozpočet",),
    )
    item = meeting.agenda_items.get()
    entries = AuditEntry.objects.count()
    meeting_services.agenda_save(
        actor=None,
        meeting=meeting,
        items=[{"id": item.pk, "title": "Rozpočet", "proposer": "Rada", "description": ""}],
    )
    assert AuditEntry.objects.count() == entries + 1
    # The same title on a new item in place of the old one (and its documents) is a change.
    meeting_services.agenda_save(
        actor=None,
        meeting=meeting,
        items=[{"id": None, "title": "Rozpočet", "proposer": "Rada", "description": ""}],
    )
    assert AuditEntry.objects.count() == entries + 2


def test_a_refused_agenda_keeps_the_files_of_its_documents(
    group, django_capture_on_commit_callbacks
):
    meeting = meeting_services.meeting_create(
        actor=None,
        body=group,
        starts_at=datetime.datetime(2019, 3, 14, tzinfo=datetime.UTC),
        agenda=("Rozpočet",),
    )
    item = meeting.agenda_items.get()
    document = meeting_services.agenda_document_add(
        actor=None, item=item, upload=SimpleUploadedFile("rozpocet.txt", b"Rozpocet")
    )
    path = document.file.path
    # Deleting the item, then failing: the deletion is rolled back, and so is the file's.
    try:
        with transaction.atomic():
            meeting_services.agenda_save(actor=None, meeting=meeting, items=[])
            raise RuntimeError("a later step fails")
    except RuntimeError:
        pass
    assert AgendaDocument.objects.filter(pk=document.pk).exists()
    with open(path, "rb") as file:
        assert file.read() == b"Rozpocet"
    # Committed, the deletion takes the file with it.
    with django_capture_on_commit_callbacks(execute=True):
        meeting_services.agenda_save(actor=None, meeting=meeting, items=[])
    assert not AgendaDocument.objects.exists()
    assert not document.file.storage.exists(document.file.name)


def test_a_document_whose_row_is_refused_leaves_no_file(group):
    meeting = meeting_services.meeting_create(
        actor=None,
        body=group,
        starts_at=datetime.datetime(2019, 3, 14, tzinfo=datetime.UTC),
        agenda=("Rozpočet",),
    )
    files_before = media_files()
    with pytest.raises(ValidationError) as error:
        meeting_services.agenda_document_add(
            actor=None,
            item=meeting.agenda_items.get(),
            upload=SimpleUploadedFile("a.txt", b"x"),
            title="x" * 301,
        )
    assert "title" in error.value.message_dict
    assert not AgendaDocument.objects.exists()
    assert media_files() == files_before
