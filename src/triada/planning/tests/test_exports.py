"""The plan's documents read back: the DOCX with python-docx, the XLSX with openpyxl, the PDF's
text with pypdfium2 and its structure with pikepdf. One small approved plan with costs from
three sources (one with hellers), an indicator, a responsible person with consent and one
without, an evaluation with evidence and a settled comment from a named member of the public."""

import datetime
import io
import re
from decimal import Decimal

import docx
import openpyxl
import pikepdf
import pypdfium2
import pytest
from django.utils import translation
from django.utils.translation import gettext as _

from triada.planning import exports, services
from triada.planning.models import (
    Comment,
    Evaluation,
    FundingSource,
    Plan,
    PlanItem,
    PlanVersion,
)
from triada.tests import factories

TODAY = datetime.date.today()
K = PlanItem.Kind
NAMED = "Marie Souhlasná"
HIDDEN = "Tomáš Skrytý"
COMMENTER = "Karel Připomínkový"
COMMENTER_EMAIL = "karel.pripominkovy@example.cz"
EVIDENCE = "https://example.cz/zprava-2018"


def _item(version, kind, index=0):
    return list(version.items.filter(kind=kind).order_by("position", "pk"))[index]


@pytest.fixture
def version(area, group):
    version = factories.make_plan(area, owner=group, ordinal=4)
    services.version_update(
        actor=None,
        version=version,
        vision="Dostupné sociální služby pro všechny obyvatele.",
        introduction="Plán vznikl v pracovních skupinách.\nVycházel z analýzy potřeb.",
    )
    support_area = _item(version, K.SUPPORT_AREA)
    services.item_update(
        actor=None,
        item=support_area,
        profile="Senioři nad 65 let žijící doma.",
        problem_areas="Osamělost\nNedostatek terénních služeb",
    )
    measure = _item(version, K.MEASURE)
    services.item_update(
        actor=None,
        item=measure,
        description="Pečovatelská služba i o víkendech.",
        start_year=2018,
        end_year=2020,
    )
    weekend = _item(version, K.ACTIVITY)
    for item, year, source, amount in (
        (measure, 2018, FundingSource.CITY, 120000),
        (measure, 2018, FundingSource.REGION, "30000.50"),
        (measure, 2019, FundingSource.CITY, 100000),
        (measure, 2018, FundingSource.EU, 50000),
    ):
        services.cost_set(actor=None, item=item, year=year, source=source, amount=amount)
    services.indicator_add(
        actor=None,
        item=measure,
        name="Klienti pečovatelské služby",
        unit="osob",
        baseline=80,
        targets={2018: 100, 2019: "120.5"},
    )
    named = factories.make_person(area, first_name="Marie", last_name="Souhlasná")
    named.public_consent = True
    named.save()
    hidden = factories.make_person(area, first_name="Tomáš", last_name="Skrytý")
    organization = factories.make_organization(area, name="Charita Těšín")
    for party in ({"person": named}, {"person": hidden}, {"organization": organization}):
        services.responsibility_add(actor=None, item=measure, **party)
    services.responsibility_add(actor=None, item=weekend, person=hidden)
    services.responsibility_add(actor=None, item=weekend, body=group)

    factories.advance_plan(version, PlanVersion.Status.IN_COMMENTS)
    comment = services.comment_submit(
        version=version,
        item=measure,
        section="1.1.1.1 Rozšíření pečovatelské služby",
        text="Doplňte službu o svátcích.",
        author_name=COMMENTER,
        author_email=COMMENTER_EMAIL,
    )
    services.comment_settle(
        actor=None,
        comment=comment,
        decision=Comment.Decision.PARTLY,
        reason="Svátky doplněny od roku 2019.",
        settled_by=group,
        settled_on=TODAY,
    )
    factories.advance_plan(version, PlanVersion.Status.APPROVED)

    measure, weekend = _item(version, K.MEASURE), _item(version, K.ACTIVITY)  # now approved
    indicator = measure.indicators.get()
    services.evaluation_record(
        actor=None,
        item=measure,
        year=2018,
        status=Evaluation.Status.DONE,
        narrative="Služba běží i o víkendech.",
        evidence=EVIDENCE,
        indicator_values={indicator: 95},
    )
    services.evaluation_record(
        actor=None, item=weekend, year=2018, status=Evaluation.Status.IN_PROGRESS
    )
    version.refresh_from_db()
    return version


# Readers


def _docx(data: bytes):
    return docx.Document(io.BytesIO(data))


def _docx_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def _docx_table(document, first_header: str):
    """The rows of the first table whose header starts with `first_header`, as texts."""
    for table in document.tables:
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        if rows[0][0] == first_header:
            return rows
    raise AssertionError(f"no table starting with {first_header}")


def _pdf_pages(data: bytes) -> list[str]:
    document = pypdfium2.PdfDocument(data)
    return [page.get_textpage().get_text_range() for page in document]


def _sheet(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data)).active


def _nbsp(text: str) -> str:
    """How the documents write Czech: a one-letter word is bound to the next one."""
    return re.sub(r"\b([vVsSzZkKoOuUaAiI]) ", "\\1\u00a0", text)


# The whole plan


def test_plan_docx_has_numbered_headings_a_toc_field_costs_and_no_hidden_names(version):
    data = exports.plan_docx(version)
    document = _docx(data)
    headings = [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")
    ]
    assert ("Heading 1", "1 Senioři") in headings
    assert ("Heading 2", _nbsp("1.1 Péče v domácnosti")) in headings
    assert ("Heading 4", "1.1.1.1 Rozšíření pečovatelské služby") in headings
    assert ("Heading 5", "1.1.1.1.1 Víkendová služba") in headings
    assert ("Heading 1", _("Vision")) in headings
    assert headings[-1] == ("Heading 1", _("Annex: settlement of comments"))
    assert document.paragraphs[0].style.name == "Title"

    body = document.element.body.xml
    assert re.search(r'<w:instrText[^>]*> TOC \\o "1-4" \\h \\z \\u </w:instrText>', body)
    assert body.count('w:fldCharType="begin"') == body.count('w:fldCharType="end"') == 1
    assert "w:updateFields" in document.settings.element.xml
    assert 'w:instr="PAGE"' in document.sections[0].footer._element.xml
    assert document.core_properties.language == "cs-CZ"

    costs = _docx_table(document, _("Funding source"))
    assert costs[0] == [_("Funding source"), "2017", "2018", "2019", "2020", _("Total")]
    assert costs[1] == [
        str(FundingSource.CITY.label),
        "0",
        "120\u00a0000",
        "100\u00a0000",
        "0",
        "220\u00a0000",
    ]
    assert costs[2][2] == "30\u00a0000,50"
    assert costs[-1] == [_("Total"), "0", "200\u00a0000,50", "100\u00a0000", "0", "300\u00a0000,50"]
    indicators = _docx_table(document, _("Indicator"))
    assert indicators[1] == ["Klienti pečovatelské služby", "osob", "80", "–", "100", "120,5", "–"]

    text = _docx_text(document)
    assert NAMED in text and "Charita Těšín" in text
    assert "Skrytý" not in text and "Tomáš" not in text
    assert "Svátky doplněny od roku 2019." in text  # the settlement is printed …
    assert "Karel" not in text and COMMENTER_EMAIL not in text  # … without its author
    assert "Osamělost" in text and "Vycházel z\u00a0analýzy potřeb." in text


def test_plan_pdf_is_tagged_czech_with_a_toc_that_points_to_the_right_pages(version):
    data = exports.plan_pdf(version)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert str(pdf.Root.Lang) == "cs"
        assert bool(pdf.Root.MarkInfo.Marked)
        assert "/StructTreeRoot" in pdf.Root
        assert str(pdf.docinfo["/Title"]) == (f"Komunitní plán sociálních služeb – {version.plan}")
    pages = _pdf_pages(data)
    assert "Komunitní plán sociálních služeb" in pages[0]
    assert str(version.plan) in pages[0] and version.plan.area.name in pages[0]
    assert version.get_status_display() in pages[0]
    # The TOC gives the page on which the measure's heading really is.
    toc = pages[1]
    heading = "1.1.1.1 Rozšíření pečovatelské služby"
    found = re.search(re.escape(heading) + r"[\s.]*?(\d+)\s*$", toc, re.MULTILINE)
    assert found, toc
    page = int(found.group(1))
    assert heading in pages[page - 1]
    assert all(heading not in text for text in pages[2 : page - 1])
    everything = "\n".join(pages)
    assert "120\u00a0000" in everything and "300\u00a0000,50" in everything
    assert NAMED in everything
    assert "Skrytý" not in everything and "Karel" not in everything
    assert COMMENTER_EMAIL not in everything


def test_the_annex_of_comments_is_on_landscape_pages(version):
    data = exports.plan_pdf(version)
    document = pypdfium2.PdfDocument(data)
    sizes = [page.get_size() for page in document]
    texts = _pdf_pages(data)
    annex = next(i for i, text in enumerate(texts) if "Doplňte službu o\u00a0svátcích." in text)
    width, height = sizes[annex]
    assert width > height
    assert sizes[0][0] < sizes[0][1]  # the rest stays portrait


# The action plan


def test_action_plan_xlsx_has_numbers_and_totals_that_add_up(version):
    sheet = _sheet(exports.action_plan_xlsx(version, 2018))
    assert sheet.freeze_panes == "A3"
    header = [cell.value for cell in sheet[2]]
    city, region, eu = (
        str(s.label) for s in (FundingSource.CITY, FundingSource.REGION, FundingSource.EU)
    )
    assert header == [
        _("No."),
        _("Measure or activity"),
        _("Responsible parties"),
        city,
        region,
        eu,
        _("Total"),
    ]
    assert sheet["A2"].font.bold
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=3) if row[0].value}
    measure = rows["1.1.1.1"]
    assert [c.value for c in measure[3:]] == [120000, 30000.5, 50000, 200000.5]
    assert measure[3].number_format == '#,##0 "Kč"'
    assert measure[4].number_format == '#,##0.00 "Kč"'
    assert NAMED in measure[2].value and "Skrytý" not in measure[2].value
    assert rows["1.1.1.1.2"][2].value is None  # an activity nobody answers for is still listed

    lines = [rows[n] for n in ("1.1.1.1", "1.1.1.1.1", "1.1.1.1.2")]
    totals = {
        row[1].value: row for row in sheet.iter_rows(min_row=3) if row[1].value and not row[0].value
    }
    area_total = totals[_("Total for the area")]
    grand_total = totals[_("Grand total")]
    for column in range(3, 7):
        values = [line[column].value for line in lines]
        assert all(isinstance(v, int | float) for v in values)
        assert area_total[column].value == pytest.approx(sum(values))
        assert grand_total[column].value == pytest.approx(sum(values))
    assert grand_total[6].value == pytest.approx(200000.5)
    for line in lines:
        assert line[6].value == pytest.approx(sum(line[c].value for c in range(3, 6)))


def test_action_plan_pdf_and_docx_list_what_runs_in_the_year(version):
    text = "\n".join(_pdf_pages(exports.action_plan_pdf(version, 2018)))
    assert _("Action plan %(year)s") % {"year": 2018} in text
    assert "1.1.1.1.1" in text and "Víkendová služba" in text
    assert "200\u00a0000,50" in text and "50\u00a0000" in text
    assert "Skrytý" not in text

    document = _docx(exports.action_plan_docx(version, 2018))
    summary = _docx_table(document, _("Funding source"))
    assert summary[1:] == [
        [str(FundingSource.CITY.label), "120\u00a0000"],
        [str(FundingSource.REGION.label), "30\u00a0000,50"],
        [str(FundingSource.EU.label), "50\u00a0000"],
        [_("Grand total"), "200\u00a0000,50"],
    ]
    section = document.sections[0]
    assert section.page_width > section.page_height

    # 2017: the measure starts in 2018, its activities run the whole plan without costs.
    sheet = _sheet(exports.action_plan_xlsx(version, 2017))
    numbers = [row[0].value for row in sheet.iter_rows(min_row=3) if row[0].value]
    assert numbers == ["1", "1.1.1.1.1", "1.1.1.1.2"]
    assert [cell.value for cell in sheet[2]][-1] == _("Total")


def test_control_characters_in_a_title_do_not_break_the_documents(version):
    """XML (XLSX, DOCX) cannot hold them; pasted text can carry them. They are dropped."""
    measure = _item(version, K.MEASURE)
    PlanItem.objects.filter(pk=measure.pk).update(title="Pečovatelská\x01 služba\x0b")
    Plan.objects.filter(pk=version.plan_id).update(title="Komunitní\ufffe plán\x02")
    version.refresh_from_db()
    sheet = _sheet(exports.action_plan_xlsx(version, 2018))
    assert "Pečovatelská služba" in [row[1].value for row in sheet.iter_rows()]
    assert "Komunitní plán" in sheet["B1"].value
    document = _docx(exports.plan_docx(version))
    assert "Pečovatelská služba" in _docx_text(document)
    assert "Komunitní plán" in document.core_properties.title


# The evaluation report


def test_evaluation_report_in_all_three_formats(version):
    sheet = _sheet(exports.evaluation_xlsx(version, 2018))
    rows = {
        row[0].value: [c.value for c in row] for row in sheet.iter_rows(min_row=3) if row[0].value
    }
    measure = rows["1.1.1.1"]
    assert measure[2] == str(Evaluation.Status.DONE.label)
    # A measure done as a whole counts as done, whatever its activities say.
    assert measure[3] == 100 and measure[4] == "Služba běží i o víkendech."
    assert measure[5] == EVIDENCE
    assert measure[6:] == ["Klienti pečovatelské služby", "osob", 100, 95]
    assert rows["1.1.1.1.1"][3] == 50
    assert rows["1"][3] == 100
    overall = next(
        row for row in sheet.iter_rows(min_row=3) if row[1].value == _("Overall progress")
    )
    assert overall[3].value == 100 and overall[3].number_format == '0" %"'

    text = "\n".join(_pdf_pages(exports.evaluation_pdf(version, 2018)))
    assert _("Evaluation report %(year)s") % {"year": 2018} in text
    assert "1.1.1.1 Rozšíření pečovatelské služby" in text
    assert "Služba běží i\u00a0o\u00a0víkendech." in text
    assert "100\u00a0%" in text and "50\u00a0%" in text
    assert str(_("not evaluated")) in text  # the second activity
    data = exports.evaluation_pdf(version, 2018)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        uris = [
            str(annotation.A.URI)
            for page in pdf.pages
            for annotation in page.get("/Annots", [])
            if "/A" in annotation and "/URI" in annotation.A
        ]
        assert str(pdf.Root.Lang) == "cs" and "/StructTreeRoot" in pdf.Root
    assert uris == [EVIDENCE]

    document = _docx(exports.evaluation_docx(version, 2018))
    links = [r.target_ref for r in document.part.rels.values() if r.is_external]
    assert links == [EVIDENCE]
    indicators = _docx_table(document, _("Indicator"))
    assert indicators[1] == ["Klienti pečovatelské služby", "osob", "100", "95"]
    texts = [p.text for p in document.paragraphs]
    status = texts.index(f"{_('Status')}: {Evaluation.Status.DONE.label}")
    assert texts[status + 3 : status + 5] == [
        f"{_('What was done')}:",
        "Služba běží i\u00a0o\u00a0víkendech.",
    ]
    assert "Skrytý" not in _docx_text(document)


def test_a_new_empty_plan_exports_in_every_format_and_in_english(area):
    version = services.plan_create(
        actor=None, area=area, ordinal=5, title="Nový plán", first_year=2021, last_year=2023
    )
    with translation.override("en"):
        data = exports.plan_pdf(version)
        with pikepdf.open(io.BytesIO(data)) as pdf:
            assert str(pdf.Root.Lang) == "en"
        assert "Nový plán" in _pdf_pages(data)[0]
        assert _docx(exports.plan_docx(version)).core_properties.language == "en-GB"
        assert "Nothing in this area" not in "\n".join(
            _pdf_pages(exports.evaluation_pdf(version, 2021))
        )
        sheet = _sheet(exports.action_plan_xlsx(version, 2021))
        assert [cell.value for cell in sheet[2]] == [
            "No.",
            "Measure or activity",
            "Responsible parties",
            "Total",
        ]
        assert [row[1].value for row in sheet.iter_rows(min_row=3)] == [None, "Grand total"]
        assert sheet.cell(4, 4).value == 0
        assert _sheet(exports.evaluation_xlsx(version, 2021)).max_row == 4  # summary only


# The download


def test_export_response_names_the_file_in_ascii_with_the_right_type():
    response = exports.export_response(b"PK", "Akční plán 2018 – Český Těšín", "xlsx")
    assert response["Content-Type"] == exports.CONTENT_TYPES["xlsx"]
    assert response["Content-Disposition"] == (
        'attachment; filename="akcni-plan-2018-cesky-tesin.xlsx"'
    )
    assert response.content == b"PK"
    pdf = exports.export_response(b"%PDF", "Plán.pdf", "pdf")
    assert pdf["Content-Disposition"] == 'attachment; filename="plan.pdf"'
    assert pdf["Content-Type"] == "application/pdf"
    docx_response = exports.export_response(b"PK", "4. komunitní plán 2017–2020-v1", "docx")
    assert docx_response["Content-Disposition"] == (
        'attachment; filename="4-komunitni-plan-2017-2020-v1.docx"'
    )
    assert exports.export_response(b"", "…", "pdf")["Content-Disposition"].endswith(
        'filename="export.pdf"'
    )
    with pytest.raises(ValueError):
        exports.export_response(b"", "plan", "odt")


def test_money_and_numbers_are_written_the_czech_way():
    assert exports._czk(Decimal("1234567.00")) == "1\u00a0234\u00a0567"
    assert exports._czk(Decimal("30000.5")) == "30\u00a0000,50"
    assert exports._number(Decimal("120.50")) == "120,5"
    assert exports._number(Decimal("100.00")) == "100"
    assert exports._number(None) == "–"
