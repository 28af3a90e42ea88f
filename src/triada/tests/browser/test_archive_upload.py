"""A coordinator uploads several archive PDFs at once and watches them go through one by one."""

import pytest

from triada.documents.tests.test_extraction import make_pdf, make_scan
from triada.minutes.models import UploadedMinutes
from triada.tests import factories

from .conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_bulk_upload_shows_progress_and_a_line_per_file(page, tmp_path):
    area = factories.make_area("Nový Jičín", slug="novy-jicin")
    factories.make_coordinator(area, "koordinator")
    files = {
        "leden.pdf": make_pdf("Leden 2019"),
        "unor.pdf": make_scan(),
        "dopis.pdf": b"not a pdf at all",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)

    sign_in(page, "koordinator", "correct horse battery")
    page.goto("/sprava/novy-jicin/archiv/nahrat/")
    page.select_option("select[name=period]", "month")
    page.fill("input[name=date]", "2019-01-01")
    page.set_input_files("input[name=files]", [str(tmp_path / n) for n in files])
    page.click("#upload-form button[type=submit]")

    page.locator("#upload-count").filter(has_text="3 / 3").wait_for()  # the CSP forbids eval
    lines = page.locator("#upload-log li").all_inner_texts()
    assert len(lines) == 3
    assert any("dopis.pdf" in line and "PDF" in line for line in lines)
    assert any("unor.pdf" in line and "sken" in line for line in lines)
    assert sorted(UploadedMinutes.objects.values_list("original_name", flat=True)) == [
        "leden.pdf",
        "unor.pdf",
    ]
