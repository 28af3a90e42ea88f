"""The documents of the community plan: the whole plan (PDF, DOCX), the action plan of a year
and the evaluation report of a year (PDF, DOCX, XLSX).

Each document is first built as plain data (sections with headings, paragraphs and tables of
formatted text), then written by one writer per format, so that the PDF and the DOCX always
say the same. The XLSX sheets are written from the selectors directly, to keep real numbers.
A person's name appears only with his or her consent; commenters are never named."""

import io
import re
from dataclasses import dataclass, field
from decimal import Decimal

import docx
from django.contrib.staticfiles import finders
from django.http import Http404, HttpResponse
from django.utils.formats import date_format, number_format
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from triada.documents.pdf import render_pdf
from triada.documents.typography import czech_nbsp, printable
from triada.people.public import public_name

from .access import require_year_in_period
from .models import FundingSource, PlanItem, PlanVersion
from .selectors import Node, action_plan, evaluation_report, plan_tree

EXPORT_FORMATS = ("pdf", "docx", "xlsx")
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
TEMPLATE = "planning/print/document.html"
STYLESHEET = "css/plan-print.css"
# Headings down to measures go into the table of contents; activities would crowd it.
TOC_LEVELS = 4
DASH = "–"


# Formatting: Czech numbers and dates in the active language


def _number(value) -> str:
    """An indicator value without trailing zeros: 12, 12,5."""
    if value is None:
        return DASH
    places = max(0, -Decimal(value).normalize().as_tuple().exponent)
    return number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)


def _czk(amount) -> str:
    """Whole crowns as they are usually planned; hellers only when there are some."""
    places = 0 if amount == amount.to_integral_value() else 2
    return number_format(amount, decimal_pos=places, use_l10n=True, force_grouping=True)


def _percent(value: int | None) -> str:
    return DASH if value is None else f"{value}\u00a0%"


def _date(day) -> str:
    return date_format(day, "SHORT_DATE_FORMAT") if day else ""


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _responsible(item: PlanItem) -> str:
    """Bodies and organizations by name; a person only with consent, otherwise not at all."""
    names = []
    for responsibility in item.responsibilities.all():
        if responsibility.person_id:
            name = public_name(responsibility.person)
        else:
            name = (responsibility.body or responsibility.organization).name
        if name:
            names.append(name)
    return ", ".join(names)


def _timeline(item: PlanItem, plan) -> str:
    return f"{item.start_year or plan.first_year}–{item.end_year or plan.last_year}"


def _version_line(version: PlanVersion) -> str:
    return _("Version %(number)s, %(status)s") % {
        "number": version.number,
        "status": version.get_status_display(),
    }


def _subtitle(version: PlanVersion) -> list[str]:
    plan = version.plan
    return [f"{plan.title}, {plan}", _version_line(version), plan.area.name]


# The documents as data


@dataclass
class Table:
    caption: str
    header: list[str]
    rows: list[list[str]]
    total: list[str] | None = None
    numeric: int = 0  # how many columns on the right hold numbers (aligned right)

    @property
    def narrow(self) -> bool:
        """A two-column table (label, number) would look lost across the whole page."""
        return len(self.header) <= 2

    @property
    def flags(self) -> list[bool]:
        first = len(self.header) - self.numeric
        return [index >= first for index in range(len(self.header))]

    @property
    def header_cells(self):
        return list(zip(self.header, self.flags, strict=True))

    @property
    def body_cells(self):
        return [list(zip(row, self.flags, strict=True)) for row in self.rows]

    @property
    def total_cells(self):
        return list(zip(self.total or [], self.flags, strict=False))


@dataclass
class Section:
    anchor: str
    heading: str
    level: int  # 1: a chapter or a support area … 5: an activity
    kind: str = ""
    paragraphs: list[str] = field(default_factory=list)
    facts: list[tuple[str, str]] = field(default_factory=list)
    # With a label, the paragraphs follow the facts under it (an evaluation's narrative);
    # without one they come first (an item's description).
    text_label: str = ""
    lists: list[tuple[str, list[str]]] = field(default_factory=list)
    links: list[str] = field(default_factory=list)  # the evidence of an evaluation
    tables: list[Table] = field(default_factory=list)
    new_page: bool = False
    wide: bool = False


@dataclass
class Document:
    title: str
    subtitle: list[str]
    author: str
    sections: list[Section]
    toc: bool = False  # with a title page and a table of contents (the whole plan)
    wide: bool = False  # landscape pages throughout

    @property
    def full_title(self) -> str:
        return " – ".join([self.title, *self.subtitle[:1]])

    @property
    def toc_entries(self) -> list[Section]:
        return [section for section in self.sections if section.level <= TOC_LEVELS]


def _anchor(node: Node) -> str:
    return "item-" + node.number.replace(".", "-")


def _heading(node: Node) -> dict:
    return {
        "anchor": _anchor(node),
        "heading": node.label,
        "kind": node.item.get_kind_display(),
    }


# The whole plan


def _indicators_table(item: PlanItem, years: list[int]) -> Table | None:
    indicators = list(item.indicators.all())
    if not indicators:
        return None
    rows = []
    for indicator in indicators:
        targets = {target.year: target.value for target in indicator.targets.all()}
        rows.append(
            [
                indicator.name,
                indicator.unit,
                _number(indicator.baseline),
                *(_number(targets.get(year)) for year in years),
            ]
        )
    header = [_("Indicator"), _("Unit"), _("Baseline"), *(str(year) for year in years)]
    return Table(_("Indicators and their targets"), header, rows, numeric=len(years) + 1)


def _costs_table(item: PlanItem, years: list[int]) -> Table | None:
    """Rows: the funding sources the item uses; columns: the years of the plan and the total."""
    amounts: dict[tuple[str, int], Decimal] = {}
    for cost in item.costs.all():
        amounts[cost.source, cost.year] = cost.amount
    if not amounts:
        return None
    zero = Decimal(0)
    rows = []
    for source, label in FundingSource.choices:
        if any(key[0] == source for key in amounts):
            row = [amounts.get((source, year), zero) for year in years]
            rows.append([str(label), *map(_czk, row), _czk(sum(row, zero))])
    by_year = [
        sum((amounts.get((s, year), zero) for s in FundingSource.values), zero) for year in years
    ]
    total = [_("Total"), *map(_czk, by_year), _czk(sum(by_year, zero))]
    header = [_("Funding source"), *(str(year) for year in years), _("Total")]
    return Table(_("Estimated costs in CZK"), header, rows, total, numeric=len(years) + 1)


def _item_section(node: Node, plan, years: list[int]) -> Section:
    item = node.item
    section = Section(
        **_heading(node),
        level=node.depth + 1,
        paragraphs=_paragraphs(item.description),
        new_page=item.kind == PlanItem.Kind.SUPPORT_AREA,
    )
    if item.kind == PlanItem.Kind.SUPPORT_AREA:
        section.facts = [
            (label, value)
            for label, value in (
                (_("Owning group"), item.owner.name if item.owner else ""),
                (_("Target group"), item.target_group),
                (_("Target group profile"), item.profile),
            )
            if value
        ]
        if item.problem_area_list:
            section.lists.append((_("Problem areas"), item.problem_area_list))
    if item.is_action:
        section.facts.append((_("Timeline"), _timeline(item, plan)))
        if responsible := _responsible(item):
            section.facts.append((_("Responsible parties"), responsible))
        # Needs from the public are shown only once moderated, as on the portal.
        needs = [need.text for need in item.needs.all() if need.published]
        if needs:
            section.lists.append((_("Needs answered"), needs))
        section.tables = [
            table
            for table in (_indicators_table(item, years), _costs_table(item, years))
            if table is not None
        ]
    return section


def _approval_table(version: PlanVersion) -> Table | None:
    steps = list(version.approval_steps.select_related("body"))
    if not steps:
        return None
    rows = [
        [step.get_stage_display(), step.body.name, _date(step.decided_on), step.resolution_number]
        for step in steps
    ]
    header = [_("Stage"), _("Body"), _("Decided on"), _("Resolution number")]
    return Table("", header, rows)


def _comments_table(version: PlanVersion) -> Table | None:
    """The settlement of comments; the commenters' names and addresses are never printed."""
    comments = list(version.comments.select_related("settled_by"))
    if not comments:
        return None
    rows = [
        [
            str(comment.number),
            comment.section,
            comment.text,
            comment.get_decision_display(),
            comment.reason,
            comment.settled_by.name if comment.settled_by else "",
            _date(comment.settled_on),
        ]
        for comment in comments
    ]
    header = [
        _("No."),
        _("Section"),
        _("Comment"),
        _("Decision"),
        _("Reason"),
        _("Settled by"),
        _("Settled on"),
    ]
    return Table("", header, rows)


def _plan_document(version: PlanVersion) -> Document:
    plan = version.plan
    years = list(plan.years)
    subtitle = [str(plan), _version_line(version), plan.area.name]
    if version.in_force_from:
        subtitle.append(_("In force from %(day)s") % {"day": _date(version.in_force_from)})
    sections = []
    for anchor, heading, text in (
        ("introduction", _("How the plan was made"), version.introduction),
        ("vision", _("Vision"), version.vision),
    ):
        if text.strip():
            sections.append(Section(anchor, heading, 1, paragraphs=_paragraphs(text)))
    sections += [_item_section(node, plan, years) for node in plan_tree(version)]
    if approval := _approval_table(version):
        sections.append(
            Section("approval", _("Approval of the plan"), 1, tables=[approval], new_page=True)
        )
    # The settlement goes out with the settled text; unsettled comments stay internal.
    settled = version.status not in (PlanVersion.Status.DRAFT, PlanVersion.Status.IN_COMMENTS)
    if settled and (comments := _comments_table(version)):
        heading = _("Annex: settlement of comments")
        sections.append(Section("comments", heading, 1, tables=[comments], wide=True))
    return Document(plan.title, subtitle, plan.area.name, sections, toc=True)


# The action plan of a year


def _action_header(sources) -> list[str]:
    return [
        _("No."),
        _("Measure or activity"),
        _("Responsible parties"),
        *(label for _source, label in sources),
        _("Total"),
    ]


def _action_plan_document(version: PlanVersion, year: int) -> Document:
    plan_of_year = action_plan(plan_tree(version), year)
    sources = plan_of_year.sources
    header = _action_header(sources)
    numeric = len(sources) + 1
    sections = []
    for area in plan_of_year.areas:
        section = Section(_anchor(area.node), area.node.label, 1)
        if not area.lines:
            section.paragraphs = [_("Nothing in this area runs in %(year)s.") % {"year": year}]
        else:
            rows = [
                [
                    line.node.number,
                    line.node.item.title,
                    _responsible(line.node.item),
                    *(_czk(line.costs[source]) for source, _label in sources),
                    _czk(line.total),
                ]
                for line in area.lines
            ]
            total = [
                "",
                _("Total for the area"),
                "",
                *(_czk(area.costs[source]) for source, _label in sources),
                _czk(area.total),
            ]
            caption = _("Costs in CZK")
            section.tables = [Table(caption, header, rows, total, numeric=numeric)]
        sections.append(section)
    summary = Table(
        _("Costs in CZK by funding source"),
        [_("Funding source"), _("Amount")],
        [[label, _czk(plan_of_year.costs[source])] for source, label in sources],
        [_("Grand total"), _czk(plan_of_year.total)],
        numeric=1,
    )
    sections.append(Section("summary", _("Summary"), 1, tables=[summary]))
    return Document(
        _("Action plan %(year)s") % {"year": year},
        _subtitle(version),
        version.plan.area.name,
        sections,
        wide=True,
    )


# The evaluation report of a year


def _evaluation_document(version: PlanVersion, year: int) -> Document:
    report = evaluation_report(plan_tree(version), year)
    summary = Section(
        "summary",
        _("Summary"),
        1,
        facts=[(_("Overall progress"), _percent(report.progress.total))],
    )
    if report.status_counts:
        rows = [[str(label), str(count)] for label, count in report.status_counts]
        caption = _("Measures and activities by status")
        summary.tables = [Table(caption, [_("Status"), _("Count")], rows, numeric=1)]
    sections = [summary]
    for area in report.areas:
        sections.append(
            Section(
                _anchor(area.node),
                area.node.label,
                1,
                facts=[(_("Progress"), _percent(area.progress))],
                paragraphs=[]
                if area.lines
                else [_("Nothing in this area runs in %(year)s.") % {"year": year}],
            )
        )
        for line in area.lines:
            sections.append(_evaluation_section(line, year))
    return Document(
        _("Evaluation report %(year)s") % {"year": year},
        _subtitle(version),
        version.plan.area.name,
        sections,
    )


def _evaluation_section(line, year: int) -> Section:
    evaluation = line.evaluation
    section = Section(**_heading(line.node), level=2)
    section.facts = [
        (_("Status"), evaluation.get_status_display() if evaluation else _("not evaluated")),
        (_("Progress"), _percent(line.progress)),
    ]
    if responsible := _responsible(line.node.item):
        section.facts.append((_("Responsible parties"), responsible))
    if evaluation:
        section.paragraphs = _paragraphs(evaluation.narrative)
        section.text_label = _("What was done")
        section.links = evaluation.evidence_links
    if line.indicators:
        rows = [
            [row.indicator.name, row.indicator.unit, _number(row.target), _number(row.actual)]
            for row in line.indicators
        ]
        header = [_("Indicator"), _("Unit"), _("Target"), _("Actual")]
        caption = _("Indicators in %(year)s") % {"year": year}
        section.tables = [Table(caption, header, rows, numeric=2)]
    return section


# PDF


def _stylesheet() -> str:
    """The plan's print styles, inlined: render_pdf adds only the shared print.css."""
    with open(finders.find(STYLESHEET), encoding="utf-8") as file:
        return file.read()


def _pdf(document: Document) -> bytes:
    return render_pdf(TEMPLATE, {"document": document, "stylesheet": _stylesheet()})


# DOCX


def _docx_text(text: str) -> str:
    return czech_nbsp(printable(text))


def _docx_language(doc) -> None:
    """The language of the text, for Word's proofing and for screen readers."""
    language = "cs-CZ" if get_language() == "cs" else "en-GB"
    run_defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    properties = run_defaults.find(qn("w:rPr"))
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        properties.append(lang)
    lang.set(qn("w:val"), language)
    doc.core_properties.language = language


def _docx_orient(section, *, landscape: bool) -> None:
    short, long = sorted((section.page_width, section.page_height))
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long, short) if landscape else (short, long)


def _docx_field_char(paragraph, kind: str) -> None:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(element)


def _docx_toc(doc, entries: list[Section]) -> None:
    """A TOC field over Heading 1–4: Word updates it on opening (updateFields), LibreOffice
    on Tools › Update. Until then its text is the list of headings, without page numbers."""
    doc.add_paragraph(_("Contents"), style="TOC Heading")
    paragraphs = []
    for entry in entries or [Section("", "", 1)]:
        paragraph = doc.add_paragraph()
        paragraph.paragraph_format.left_indent = Mm(6 * (entry.level - 1))
        paragraphs.append((paragraph, entry.heading))
    first = paragraphs[0][0]
    _docx_field_char(first, "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = f' TOC \\o "1-{TOC_LEVELS}" \\h \\z \\u '
    first.add_run()._r.append(instruction)
    _docx_field_char(first, "separate")
    for paragraph, heading in paragraphs:
        paragraph.add_run(_docx_text(heading))
    _docx_field_char(paragraphs[-1][0], "end")
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings = doc.settings.element
    compat = settings.find(qn("w:compat"))  # the schema wants updateFields before it
    if compat is not None:
        compat.addprevious(update)
    else:
        settings.append(update)


def _docx_page_numbers(doc) -> None:
    """A PAGE field in the footer; later Word sections inherit the footer."""
    paragraph = doc.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    page = OxmlElement("w:fldSimple")
    page.set(qn("w:instr"), "PAGE")
    paragraph._p.append(page)


def _docx_link(paragraph, url: str) -> None:
    relation = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    run = paragraph.add_run(url)
    run.font.underline = True
    run.font.color.rgb = RGBColor(0x00, 0x3A, 0x80)
    link.append(run._r)  # moves the run into the link
    paragraph._p.append(link)


def _docx_table(doc, table: Table) -> None:
    if table.caption:
        doc.add_paragraph(_docx_text(table.caption), style="Caption")
    rows = [table.header, *table.rows, *([table.total] if table.total else [])]
    grid = doc.add_table(rows=len(rows), cols=len(table.header))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT
    last = len(rows) - 1
    for index, (row, values) in enumerate(zip(grid.rows, rows, strict=True)):
        bold = index == 0 or (table.total is not None and index == last)
        for cell, value, number in zip(row.cells, values, table.flags, strict=False):
            paragraph = cell.paragraphs[0]
            run = paragraph.add_run(_docx_text(value))
            run.bold = bold
            run.font.size = Pt(9)
            if number:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    # The header repeats on every page and tells screen readers what the columns are.
    header = grid.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header.append(repeat)
    if table.caption:
        caption = OxmlElement("w:tblCaption")
        caption.set(qn("w:val"), table.caption)
        grid._tbl.tblPr.append(caption)
    doc.add_paragraph()


def _docx_section(doc, section: Section) -> None:
    heading = doc.add_heading(_docx_text(section.heading), level=section.level)
    heading.paragraph_format.page_break_before = section.new_page
    if section.kind:
        kind = doc.add_paragraph().add_run(section.kind)
        kind.italic = True
        kind.font.size = Pt(9)
    if not section.text_label:
        for text in section.paragraphs:
            doc.add_paragraph(_docx_text(text))
    for label, value in section.facts:
        paragraph = doc.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(_docx_text(value))
    if section.text_label and section.paragraphs:
        doc.add_paragraph().add_run(f"{section.text_label}:").bold = True
        for text in section.paragraphs:
            doc.add_paragraph(_docx_text(text))
    for label, entries in section.lists:
        doc.add_paragraph().add_run(f"{label}:").bold = True
        for entry in entries:
            doc.add_paragraph(_docx_text(entry), style="List Bullet")
    if section.links:
        doc.add_paragraph().add_run(_("Evidence") + ":").bold = True
        for url in section.links:
            _docx_link(doc.add_paragraph(style="List Bullet"), url)
    for table in section.tables:
        _docx_table(doc, table)


def _docx(document: Document) -> bytes:
    doc = docx.Document()
    _docx_language(doc)
    doc.core_properties.title = printable(document.full_title)
    doc.core_properties.author = printable(document.author)
    _docx_orient(doc.sections[0], landscape=document.wide)
    doc.add_paragraph(_docx_text(document.title), style="Title")
    for line in document.subtitle:
        doc.add_paragraph(_docx_text(line), style="Subtitle")
    _docx_page_numbers(doc)
    if document.toc:
        doc.add_page_break()
        _docx_toc(doc, document.toc_entries)
        doc.add_page_break()
    wide = document.wide
    for section in document.sections:
        # A landscape annex gets a Word section of its own.
        if section.wide != wide and not document.wide:
            _docx_orient(doc.add_section(WD_SECTION.NEW_PAGE), landscape=section.wide)
            wide = section.wide
        _docx_section(doc, section)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


# XLSX

MONEY = '#,##0 "Kč"'
MONEY_HELLERS = '#,##0.00 "Kč"'
PERCENT = '0" %"'
BOLD = Font(bold=True)


def _xl_number(value: Decimal | None):
    """A real number for the cell: whole numbers as int, others as float."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _xl_sheet(title: str, subtitle: str, header: list[str], widths: list[int]):
    """A workbook with one sheet: the title in row 1, the header in row 2 (frozen)."""
    title, subtitle = printable(title), printable(subtitle)
    workbook = Workbook()
    sheet = workbook.active
    # A sheet name has at most 31 characters and none of []:*?/\ .
    sheet.title = "".join(c for c in title if c not in "[]:*?/\\")[:31]
    sheet.append([title, subtitle])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(header)
    for cell in sheet[2]:
        cell.font = BOLD
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A3"
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    workbook.properties.title = f"{title} – {subtitle}"
    return workbook, sheet


def _xl_row(sheet, values: list, *, bold: bool = False, money_from: int | None = None) -> None:
    sheet.append([printable(value) if isinstance(value, str) else value for value in values])
    for index, cell in enumerate(sheet[sheet.max_row]):
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if bold:
            cell.font = BOLD
        if money_from is not None and index >= money_from and isinstance(cell.value, int | float):
            cell.number_format = MONEY if isinstance(cell.value, int) else MONEY_HELLERS


def _xl_indicator(row) -> list:
    return [row.indicator.name, row.indicator.unit, _xl_number(row.target), _xl_number(row.actual)]


def _xl_bytes(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# The public functions


def plan_pdf(version: PlanVersion) -> bytes:
    return _pdf(_plan_document(version))


def plan_docx(version: PlanVersion) -> bytes:
    return _docx(_plan_document(version))


def action_plan_pdf(version: PlanVersion, year: int) -> bytes:
    return _pdf(_action_plan_document(version, year))


def action_plan_docx(version: PlanVersion, year: int) -> bytes:
    return _docx(_action_plan_document(version, year))


def action_plan_xlsx(version: PlanVersion, year: int) -> bytes:
    """One sheet: per area its lines and its total, at the end the grand total per source.
    Every amount is a number (plain values, no formulas), formatted as CZK."""
    plan_of_year = action_plan(plan_tree(version), year)
    sources = plan_of_year.sources
    header = _action_header(sources)
    workbook, sheet = _xl_sheet(
        _("Action plan %(year)s") % {"year": year},
        ", ".join(_subtitle(version)),
        header,
        [12, 50, 30, *(16 for _source in sources), 16],
    )
    money_from = 3

    def amounts(costs, total):
        return [*(_xl_number(costs[source]) for source, _label in sources), _xl_number(total)]

    for area in plan_of_year.areas:
        _xl_row(sheet, [area.node.number, area.node.item.title], bold=True)
        for line in area.lines:
            node = line.node
            values = [node.number, node.item.title, _responsible(node.item)]
            _xl_row(sheet, [*values, *amounts(line.costs, line.total)], money_from=money_from)
        values = ["", _("Total for the area"), "", *amounts(area.costs, area.total)]
        _xl_row(sheet, values, bold=True, money_from=money_from)
    sheet.append([])
    values = ["", _("Grand total"), "", *amounts(plan_of_year.costs, plan_of_year.total)]
    _xl_row(sheet, values, bold=True, money_from=money_from)
    return _xl_bytes(workbook)


def evaluation_pdf(version: PlanVersion, year: int) -> bytes:
    return _pdf(_evaluation_document(version, year))


def evaluation_docx(version: PlanVersion, year: int) -> bytes:
    return _docx(_evaluation_document(version, year))


def evaluation_xlsx(version: PlanVersion, year: int) -> bytes:
    """One sheet: per area its progress, then each measure or activity with one row per
    indicator (the item's own columns on its first row); the summary at the end."""
    report = evaluation_report(plan_tree(version), year)
    header = [
        _("No."),
        _("Measure or activity"),
        _("Status"),
        _("Progress"),
        _("What was done"),
        _("Evidence"),
        _("Indicator"),
        _("Unit"),
        _("Target"),
        _("Actual"),
    ]
    workbook, sheet = _xl_sheet(
        _("Evaluation report %(year)s") % {"year": year},
        ", ".join(_subtitle(version)),
        header,
        [12, 45, 16, 11, 50, 35, 30, 12, 11, 11],
    )

    def progress_row(values, *, bold=False):
        _xl_row(sheet, values, bold=bold)
        sheet.cell(sheet.max_row, 4).number_format = PERCENT

    for area in report.areas:
        progress_row([area.node.number, area.node.item.title, "", area.progress], bold=True)
        for line in area.lines:
            evaluation = line.evaluation
            item = [
                line.node.number,
                line.node.item.title,
                evaluation.get_status_display() if evaluation else _("not evaluated"),
                line.progress,
                evaluation.narrative if evaluation else "",
                "\n".join(evaluation.evidence_links) if evaluation else "",
            ]
            indicators = [_xl_indicator(row) for row in line.indicators] or [[]]
            progress_row([*item, *indicators[0]])
            for indicator in indicators[1:]:
                _xl_row(
                    sheet, [line.node.number, line.node.item.title, "", None, "", "", *indicator]
                )
    sheet.append([])
    progress_row(["", _("Overall progress"), "", report.progress.total], bold=True)
    for label, count in report.status_counts:
        _xl_row(sheet, ["", str(label), count])
    return _xl_bytes(workbook)


def export_response(content: bytes, filename: str, fmt: str) -> HttpResponse:
    """A download: the content type of the format and an ASCII file name (Czech letters
    without their accents), e.g. akcni-plan-2018.xlsx."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"Unknown export format: {fmt}")
    # Punctuation separates words: "2017–2020" must not become "20172020".
    stem = re.sub(r"[^\w\s-]+", " ", filename.removesuffix(f".{fmt}"))
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{slugify(stem) or 'export'}.{fmt}"
    )
    return response


# The documents of a version by their URL segment, and their builders by format.
DOCUMENTS = {
    "plan": {"pdf": plan_pdf, "docx": plan_docx},
    "akcni-plan": {"pdf": action_plan_pdf, "docx": action_plan_docx, "xlsx": action_plan_xlsx},
    "vyhodnoceni": {"pdf": evaluation_pdf, "docx": evaluation_docx, "xlsx": evaluation_xlsx},
}


def version_download(version: PlanVersion, document: str, fmt: str, year: int | None = None):
    """A version's document as a download, for the staff and the public pages alike; 404 for
    a document, format or year that does not exist (an evaluation exists once approved)."""
    build = DOCUMENTS.get(document, {}).get(fmt)
    if build is None or (year is None) != (document == "plan"):
        raise Http404
    plan = version.plan
    if year is None:
        return export_response(build(version), f"{plan.area.slug}-{plan}-v{version.number}", fmt)
    require_year_in_period(version, year)
    if document == "vyhodnoceni" and version.status not in PlanVersion.MONITORED:
        raise Http404
    name = f"{plan.area.slug}-{document}-{year}-v{version.number}"
    return export_response(build(version, year), name, fmt)
