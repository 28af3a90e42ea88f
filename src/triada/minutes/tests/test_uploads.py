"""Uploading the archive: each file stands or falls on its own, with a message naming it."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from triada.audit.models import AuditEntry
from triada.documents.tests.test_extraction import make_encrypted, make_pdf, make_scan
from triada.minutes.models import UploadedMinutes


def _pdf(name, data):
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def test_bulk_upload_keeps_the_good_files_and_names_the_bad(coordinator_client, group):
    url = reverse("minutes:upload", kwargs={"area_slug": group.area.slug})
    files = [
        _pdf("Zapisy leden 2019.pdf", make_pdf("Zápis z jednání diskusních fór, leden 2019")),
        _pdf("sken.pdf", make_scan()),
        _pdf("dopis.pdf", b"PK\x03\x04 this is a zip"),
        _pdf("tajny.pdf", make_encrypted()),
    ]
    response = coordinator_client.post(
        url, {"body": group.pk, "period": "month", "date": "2019-01-01", "files": files}
    )
    html = response.content.decode()
    assert response.status_code == 200
    accepted = UploadedMinutes.objects.filter(status="accepted")
    assert sorted(accepted.values_list("original_name", "has_text")) == [
        ("Zapisy leden 2019.pdf", True),
        ("sken.pdf", False),
    ]
    # The encrypted file was stored, read by the task and refused, its file removed.
    refused = UploadedMinutes.objects.get(status="refused")
    assert refused.original_name == "tajny.pdf" and not refused.file
    assert "heslem" in refused.refusal
    assert "dopis.pdf" in html and "tajny.pdf" in html
    assert "není soubor PDF" in html  # the reason, in Czech
    assert AuditEntry.objects.filter(object_type="minutes.uploadedminutes").count() == 3
    good = accepted.get(has_text=True)
    assert "diskusních fór" in good.text and good.title == "Zapisy leden 2019"


def test_one_file_per_request_answers_json(coordinator_client, group):
    url = reverse("minutes:upload", kwargs={"area_slug": group.area.slug})
    data = {"period": "day", "date": "2019-03-14"}
    ok = coordinator_client.post(
        url, {**data, "files": [_pdf("a.pdf", make_pdf())]}, headers={"accept": "application/json"}
    )
    assert ok.json()["ok"] is True
    bad = coordinator_client.post(
        url, {**data, "files": [_pdf("b.pdf", b"nic")]}, headers={"accept": "application/json"}
    )
    assert bad.status_code == 400 and "b.pdf" in bad.json()["message"]


@override_settings(TRIADA_UPLOAD_MAX_BYTES=1024)
def test_an_oversized_file_is_refused(coordinator_client, group):
    url = reverse("minutes:upload", kwargs={"area_slug": group.area.slug})
    response = coordinator_client.post(
        url, {"period": "day", "date": "2019-03-14", "files": [_pdf("velky.pdf", make_pdf())]}
    )
    assert "velky.pdf" in response.content.decode()
    assert not UploadedMinutes.objects.exists()


def test_uploads_appear_in_the_public_archive(coordinator_client, client, group):
    url = reverse("minutes:upload", kwargs={"area_slug": group.area.slug})
    coordinator_client.post(
        url,
        {
            "period": "year",
            "date": "2018-01-01",
            "title": "",
            "files": [_pdf("Zápisy Senioři 2018.pdf", make_pdf())],
        },
    )
    html = client.get(f"/{group.area.slug}/zapisy/?rok=2018").content.decode()
    assert "Celý rok 2018" in html
    assert "Zápisy Senioři 2018" in html and "(pdf, " in html
    upload = UploadedMinutes.objects.get()
    pdf = client.get(f"/{group.area.slug}/archiv/{upload.pk}.pdf")
    assert b"".join(pdf.streaming_content).startswith(b"%PDF-")
