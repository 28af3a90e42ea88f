"""Uploaded PDFs: what is refused and why, and the text of what is accepted.

The test files are made here: a real PDF (WeasyPrint), a scan without a text layer, a
truncated one, an encrypted one (pikepdf), an oversized one and one that is not a PDF."""

import io

import pikepdf
import pytest
from django.utils import translation
from weasyprint import HTML

from triada.documents.extraction import UploadRejected, check_upload, extract_text


def make_pdf(text: str = "Zápis z jednání pracovní skupiny Senioři") -> bytes:
    return HTML(string=f"<html lang='cs'><body><p>{text}</p></body></html>").write_pdf()


def make_scan() -> bytes:
    """A page with only a drawing: what a scanner produces, no text layer."""
    return HTML(
        string="<html><body><div style='width:300px;height:300px;"
        "background:#888'></div></body></html>"
    ).write_pdf()


def make_encrypted() -> bytes:
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(make_pdf())) as pdf:
        pdf.save(out, encryption=pikepdf.Encryption(owner="o", user="tajne"))
    return out.getvalue()


def _stored(tmp_path, data: bytes):
    path = tmp_path / "soubor.pdf"
    path.write_bytes(data)
    return path


def test_text_of_a_real_pdf(tmp_path):
    result = extract_text(_stored(tmp_path, make_pdf()), "zapis.pdf")
    assert "Zápis z jednání pracovní skupiny Senioři" in result.text
    assert result.pages == 1
    assert not result.is_scan


def test_a_scan_is_accepted_and_flagged(tmp_path):
    result = extract_text(_stored(tmp_path, make_scan()), "sken.pdf")
    assert result.is_scan


def test_an_encrypted_pdf_is_refused_naming_the_file(tmp_path):
    with pytest.raises(UploadRejected, match=r"tajny\.pdf"):
        extract_text(_stored(tmp_path, make_encrypted()), "tajny.pdf")


def test_a_truncated_pdf_is_refused(tmp_path):
    data = make_pdf()
    with pytest.raises(UploadRejected, match=r"useknuty\.pdf"):
        extract_text(_stored(tmp_path, data[: len(data) // 3]), "useknuty.pdf")


@pytest.mark.parametrize(
    ("name", "head", "size", "words"),
    [
        ("dopis.docx", b"PK\x03\x04", 100, "not a PDF"),
        ("prazdny.pdf", b"", 0, "empty"),
        ("velky.pdf", b"%PDF-1.7", 21 * 1024 * 1024, "larger"),
    ],
)
def test_cheap_checks_refuse_before_storing(name, head, size, words):
    with translation.override("en"), pytest.raises(UploadRejected) as error:
        check_upload(name, head, size)
    assert name in str(error.value) and words in str(error.value)


def test_a_pdf_header_passes_the_cheap_checks():
    check_upload("zapis.pdf", make_pdf()[:1024], 5000)
