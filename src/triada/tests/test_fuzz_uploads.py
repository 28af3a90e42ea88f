"""Hostile uploads: the archive of minutes and the documents of an agenda item.

Files of random bytes, damaged PDFs, a PDF under another extension, empty files, names with
path separators, control characters or hundreds of characters, sent the way a hostile
client sends them (the multipart request is written here, so that no client library cleans
the names first). For each request: never a server error, a refusal that names the file, no
file left in MEDIA_ROOT for a refused upload and no row for what the request refused.

The archive refuses what is plainly not a PDF in the request; a damaged or encrypted PDF is
found by the task that reads it, which keeps the row with the reason (so the coordinator
sees why) and removes the file."""

import datetime
import functools
import io
from pathlib import Path
from urllib.parse import quote

import pikepdf
import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.urls import reverse
from hypothesis import event, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from triada.conftest import sign_in
from triada.documents.tests.test_extraction import make_encrypted, make_pdf
from triada.meetings import services as meeting_services
from triada.meetings.models import AgendaDocument
from triada.minutes.models import UploadedMinutes
from triada.tests import factories
from triada.tests.hostile import (
    FUZZ,
    MISSING,
    database_state,
    hostile,
    hostility,
    is_hostile,
    new_rows,
    server_error,
)

BOUNDARY = "----triada-fuzz-boundary"


@functools.cache
def sample_pdfs() -> tuple[bytes, bytes]:
    """A PDF with text and an encrypted one, made once."""
    return make_pdf(), make_encrypted()


def blank_pdf() -> bytes:
    out = io.BytesIO()
    with pikepdf.new() as pdf:
        pdf.add_blank_page()
        pdf.save(out)
    return out.getvalue()


HOSTILE_NAMES = [
    "../../../etc/passwd.pdf",
    "..\\..\\windows\\system.ini.pdf",
    "/etc/cron.d/zapis.pdf",
    "C:\\Users\\zapis.pdf",
    "podklady/../../zapis.pdf",
    "zá\x00pis.pdf",
    "zápis\n.pdf",
    "zápis\r\nContent-Type: text/html.pdf",
    "zápis\t.pdf",
    "\x1b[31mzapis.pdf",
    "\u202efdp.exe",
    "zapis\u202egnp.pdf",
    "zapis\u200b.pdf",
    ".pdf",
    "pdf",
    ".",
    "..",
    "",
    " ",
    "a.pdf.exe",
    "a.exe.pdf",
    "a.PDF",
    "CON.pdf",
    'a".pdf',
    "a'.pdf",
    "a;b=c.pdf",
    "%2e%2e%2fzapis.pdf",
    "&#46;&#46;&#47;zapis.pdf",
    "$(rm -rf ~).pdf",
    "x" * 300 + ".pdf",
    "ř" * 250 + ".pdf",
    "中" * 250 + ".pdf",
    "\U00020000" * 200 + ".pdf",  # letters of four bytes in UTF-8
    "\U0001f600" * 100 + ".pdf",
    "zapis." + "x" * 300,
]
EXTENSIONS = [".pdf", ".PDF", ".docx", ".txt", ".exe", ".png", ".html", "", ".pdf."]
file_names = st.one_of(
    st.sampled_from(["Zápis 2019-03.pdf", "zapis.pdf", "Rozpočet.xlsx", "podklad.docx"]),
    st.sampled_from(HOSTILE_NAMES),
    st.builds(
        lambda stem, extension: stem + extension,
        st.text(st.characters(exclude_categories=("Cs",)), max_size=30),
        st.sampled_from(EXTENSIONS),
    ),
)


def _contents():
    good, encrypted = sample_pdfs()
    return st.one_of(
        st.sampled_from([good, blank_pdf()]),
        st.binary(max_size=200),
        st.binary(min_size=1, max_size=20).map(lambda noise: noise * 100),
        st.just(b""),
        st.sampled_from([good, encrypted, blank_pdf()]),
        st.integers(1, len(good) - 1).map(lambda n: good[:n]),  # truncated
        st.binary(min_size=1, max_size=200).map(lambda noise: b"%PDF-1.7\n" + noise),
        st.just(b"\n" * 1100 + good),  # the signature too late
        st.just(b"PK\x03\x04 a zip, not a PDF"),
        st.just(b"<html><script>alert(1)</script></html>"),
    )


def multipart(fields: dict, files: list[tuple[str, str, bytes]], rfc2231: bool) -> bytes:
    """A multipart body as a client writes it; the file name goes in as it is (quotes and
    backslashes escaped) or percent-encoded after RFC 2231, which lets any character in."""
    parts = []
    for name, value in fields.items():
        for one in value if isinstance(value, list) else [value]:
            parts.append(
                f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
                + str(one).encode("utf-8", "surrogatepass")
                + b"\r\n"
            )
    for field, filename, content in files:
        if rfc2231:
            disposition = f"filename*=UTF-8''{quote(filename, safe='')}"
        else:
            escaped = filename.replace("\\", "\\\\").replace('"', '\\"')
            disposition = f'filename="{escaped}"'
        parts.append(
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{field}"; '.encode()
            + disposition.encode("utf-8")
            + b"\r\nContent-Type: application/octet-stream\r\n\r\n"
            + content
            + b"\r\n"
        )
    return b"".join(parts) + f"--{BOUNDARY}--\r\n".encode()


def media_files() -> set[Path]:
    return {path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()}


@pytest.fixture
def uploader(group, coordinator, other_area):
    meeting = meeting_services.meeting_create(
        actor=None,
        body=group,
        starts_at=datetime.datetime(2019, 3, 14, 15, tzinfo=datetime.UTC),
        agenda=("Rozpočet",),
    )
    client = Client(raise_request_exception=False)
    sign_in(client, coordinator)
    foreign = factories.make_body(other_area)
    foreign_meeting = meeting_services.meeting_create(
        actor=None, body=foreign, starts_at=meeting.starts_at, agenda=("Cizí",)
    )
    return {
        "client": client,
        "group": group,
        "meeting": meeting,
        "item": meeting.agenda_items.get(),
        "foreign_ids": [foreign.pk, foreign_meeting.agenda_items.get().pk, 10**9],
    }


def _upload(client, url, fields, files, rfc2231, json=False):
    """Send the upload in a transaction rolled back afterwards; the new files it left are
    removed too. Returns (response, files added, state before, state after)."""
    files_before, before = media_files(), database_state()
    headers = {"accept": "application/json"} if json else {}
    with transaction.atomic():
        response = client.post(
            url,
            multipart(fields, files, rfc2231),
            content_type=f"multipart/form-data; boundary={BOUNDARY}",
            headers=headers,
        )
        after = None if response.status_code >= 500 else database_state()
        transaction.set_rollback(True)
    added = media_files() - files_before
    for path in added:
        path.unlink()
    assert not server_error(response), server_error(response)
    return response, added, before, after


def _fields(data, choices: dict, ids) -> dict:
    percent = hostility(data)
    fields = {}
    for name, valid in choices.items():
        value = data.draw(hostile(ids) if is_hostile(data, percent) else valid, label=name)
        if value is not MISSING:
            fields[name] = value
    return fields


def test_the_archive_upload_takes_hostile_files(uploader):
    url = reverse("minutes:upload", kwargs={"area_slug": uploader["group"].area.slug})
    choices = {
        "body": st.sampled_from(["", str(uploader["group"].pk)]),
        "period": st.sampled_from(UploadedMinutes.Period.values),
        "date": st.dates(datetime.date(1990, 1, 1), datetime.date(2035, 12, 31)).map(str),
        "title": st.sampled_from(["", "Zápisy 2019"]),
    }
    contents = _contents()

    @hypothesis_settings(FUZZ, max_examples=60)  # uploads are quick to send
    @given(data=st.data())
    def run(data):
        fields = _fields(data, choices, uploader["foreign_ids"])
        files = data.draw(
            st.lists(st.tuples(st.just("files"), file_names, contents), min_size=1, max_size=3),
            label="files",
        )
        json = data.draw(st.booleans(), label="json")
        rfc2231 = data.draw(st.booleans(), label="rfc2231")
        response, added, before, after = _upload(
            uploader["client"], url, fields, files, rfc2231, json
        )
        rows = new_rows(before, after, UploadedMinutes)
        for row in rows:
            event(f"stored, then {row['status']}")
        event(f"{len(files) - len(rows)} of {len(files)} refused in the request")
        kept = [row for row in rows if row["status"] != UploadedMinutes.Status.REFUSED]
        # A file stays only for a row that keeps it; a refused upload leaves no file.
        assert {str(path.relative_to(settings.MEDIA_ROOT)) for path in added} == {
            row["file"] for row in kept
        }
        assert all(not row["file"] and row["refusal"] for row in rows if row not in kept)
        assert len(rows) <= len(files)
        if not rows:
            assert before == after, "a refused upload wrote something"
        # A request too malformed to read gets Django's own 400 page, not the view's answer.
        if json and response["Content-Type"] == "application/json":
            assert response.status_code in (200, 400)
            assert response.json()["message"]

    run()


def test_agenda_documents_take_hostile_files(uploader):
    meeting = uploader["meeting"]
    url = reverse(
        "meetings:documents", kwargs={"area_slug": meeting.body.area.slug, "pk": meeting.pk}
    )
    choices = {
        "item": st.just(str(uploader["item"].pk)),
        "title": st.sampled_from(["", "Rozpočet 2019"]),
    }
    contents = _contents()

    @hypothesis_settings(FUZZ, max_examples=60)  # uploads are quick to send
    @given(data=st.data())
    def run(data):
        fields = _fields(data, choices, uploader["foreign_ids"])
        files = data.draw(
            st.lists(st.tuples(st.just("file"), file_names, contents), min_size=1, max_size=2),
            label="files",
        )
        rfc2231 = data.draw(st.booleans(), label="rfc2231")
        response, added, before, after = _upload(uploader["client"], url, fields, files, rfc2231)
        documents = new_rows(before, after, AgendaDocument)
        event("attached" if documents else f"refused ({response.status_code})")
        if response.status_code == 302:  # attached: one row, its file, an audit entry
            assert len(documents) == 1 and len(added) == 1
            document = AgendaDocument(**documents[0])
            assert document.file.name == str(next(iter(added)).relative_to(settings.MEDIA_ROOT))
            assert document.extension in AgendaDocument.ALLOWED_EXTENSIONS
            assert len(after["audit.AuditEntry"]) == len(before["audit.AuditEntry"]) + 1
        else:  # refused: the form says why, and nothing stays behind
            assert not added and before == after
            if response.status_code == 200:
                assert response.context["form"].errors

    run()
