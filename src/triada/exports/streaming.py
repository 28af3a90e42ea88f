"""Writers that produce an export piece by piece, so that memory stays the same whatever the
number of rows: rows come from querysets read with `.iterator(chunk_size=CHUNK_SIZE)`, and each
writer hands on its output as it goes.

- CSV for Czech Excel: UTF-8 with a BOM (without it Excel reads the text as Windows-1250) and
  `;` between the fields (Czech Excel uses the comma as the decimal separator, so it expects
  semicolons); dates in ISO form (2026-01-05, which Excel and every program read), decimals
  with a comma.
- JSON: an array of objects with stable English keys, written object by object.
- XLSX: an openpyxl write-only workbook (rows go to a temporary file as they are appended),
  saved into a temporary file that is then sent in blocks.
- ZIP: the stdlib `zipfile` writing into a pipe that cannot seek, so each member is followed by
  a data descriptor and the archive is handed on while it is being made.
"""

import csv
import datetime
import json
import re
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from triada.documents.typography import printable

# Rows fetched from the database at a time: memory is bounded by this, not by the export.
CHUNK_SIZE = 2000
# Output is handed on in pieces of about this size (fewer, larger writes to the client).
BLOCK_BYTES = 64 * 1024

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "zip": "application/zip",
}
FORMATS = ("csv", "xlsx", "json")

# A number or a phone number (+420 123 456 789) that only looks like the start of a formula.
_NUMBER_LIKE = re.compile(r"[+-]?[\d\s/().,-]*")


@dataclass(frozen=True)
class Column:
    key: str  # the JSON key, stable across languages
    label: str  # the header of CSV and XLSX, translated
    width: int = 18  # XLSX column width


# Values as each format writes them


def local(value: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


def _yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


def csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _yes_no(value)
    if isinstance(value, datetime.datetime):
        return local(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):  # the same on every database: 1500, 1500,5
        if value == value.to_integral_value():
            return str(int(value))
        return format(value.normalize(), "f").replace(".", ",")
    if isinstance(value, float):
        return str(value).replace(".", ",")
    text = str(value)
    # Excel runs a cell that starts like a formula; a leading apostrophe keeps it text.
    if text[:1] in ("=", "@", "\t", "\r") or (
        text[:1] in ("+", "-") and not _NUMBER_LIKE.fullmatch(text)
    ):
        return "'" + text
    return text


def json_value(value):
    if isinstance(value, datetime.datetime):
        return local(value).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if value is None or isinstance(value, bool | int | float):
        return value
    return str(value)


def _blocks(pieces: Iterable[str]) -> Iterator[str]:
    """Join small pieces into blocks of about BLOCK_BYTES."""
    buffer: list[str] = []
    size = 0
    for piece in pieces:
        buffer.append(piece)
        size += len(piece)
        if size >= BLOCK_BYTES:
            yield "".join(buffer)
            buffer, size = [], 0
    if buffer:
        yield "".join(buffer)


# CSV


class Echo:
    """A pseudo-buffer: csv.writer writes a line into it and gets the line back."""

    def write(self, value: str) -> str:
        return value


def csv_writer():
    return csv.writer(Echo(), delimiter=";", lineterminator="\r\n")


def csv_header(writer, columns: list[Column]) -> str:
    return "\ufeff" + writer.writerow([str(c.label) for c in columns])


def csv_row(writer, row: tuple) -> str:
    return writer.writerow([csv_value(v) for v in row])


def csv_lines(columns: list[Column], rows: Iterable[tuple]) -> Iterator[str]:
    writer = csv_writer()
    yield csv_header(writer, columns)
    for row in rows:
        yield csv_row(writer, row)


# JSON


def json_pieces(columns: list[Column], rows: Iterable[tuple]) -> Iterator[str]:
    keys = [c.key for c in columns]
    yield "["
    separator = "\n"
    for row in rows:
        item = dict(zip(keys, (json_value(v) for v in row), strict=True))
        yield separator + json.dumps(item, ensure_ascii=False)
        separator = ",\n"
    yield "\n]\n"


# XLSX


def _sheet_title(title: str) -> str:
    # A sheet name has at most 31 characters and none of []:*?/\ .
    return "".join(c for c in title if c not in "[]:*?/\\")[:31] or "data"


def _date_format() -> str:
    return "d. m. yyyy" if translation.get_language() == "cs" else "yyyy-mm-dd"


def _xlsx_cell(sheet, value, date_format: str):
    if isinstance(value, datetime.datetime):
        cell = WriteOnlyCell(sheet, value=local(value).replace(tzinfo=None))
        cell.number_format = date_format + " h:mm"
        return cell
    if isinstance(value, datetime.date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = date_format
        return cell
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, bool):
        return _yes_no(value)
    if isinstance(value, str):
        value = printable(value)
        if value.startswith("="):
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"  # openpyxl would store it as a formula
            return cell
    return value


@dataclass
class Sheet:
    title: str
    columns: list[Column]
    rows: Iterable[tuple]


def xlsx_file(sheets: Iterable[Sheet], *, title: str = ""):
    """A workbook of the sheets in an anonymous temporary file, positioned at its start."""
    workbook = Workbook(write_only=True)
    workbook.properties.title = printable(title)
    date_format = _date_format()
    for spec in sheets:
        sheet = workbook.create_sheet(_sheet_title(printable(spec.title)))
        for index, column in enumerate(spec.columns):
            sheet.column_dimensions[get_column_letter(index + 1)].width = column.width
        sheet.freeze_panes = "A2"
        header = []
        for column in spec.columns:
            cell = WriteOnlyCell(sheet, value=str(column.label))
            cell.font = Font(bold=True)
            header.append(cell)
        sheet.append(header)
        for row in spec.rows:
            sheet.append([_xlsx_cell(sheet, v, date_format) for v in row])
    if not workbook.worksheets:
        workbook.create_sheet("data")
    output = tempfile.TemporaryFile()  # noqa: SIM115 (the caller closes it)
    workbook.save(output)
    output.seek(0)
    return output


# ZIP


class _Pipe:
    """A writer that cannot seek: zipfile writes into it, the generator takes what came."""

    def __init__(self):
        self.pieces: list[bytes] = []

    def write(self, data) -> int:
        self.pieces.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        data = b"".join(self.pieces)
        self.pieces.clear()
        return data


@dataclass
class ZipMember:
    name: str
    modified: datetime.datetime
    chunks: Callable[[], Iterable[bytes]]  # called when the member is written


def zip_chunks(members: Iterable[ZipMember]) -> Iterator[bytes]:
    """The ZIP archive of the members, piece by piece, as it is written."""
    pipe = _Pipe()
    with zipfile.ZipFile(pipe, mode="w", compression=zipfile.ZIP_DEFLATED) as archive:
        for member in members:
            info = zipfile.ZipInfo(member.name, local(member.modified).timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, mode="w") as target:
                for chunk in member.chunks():
                    target.write(chunk)
                    data = pipe.take()
                    if data:
                        yield data
            data = pipe.take()
            if data:
                yield data
    yield pipe.take()  # the central directory


# Responses


def _attachment(response, filename: str):
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def _in_language(pieces: Iterable[str], language: str) -> Iterator[bytes]:
    """Rows are written after the view has returned: keep the request's language for them."""
    with translation.override(language):
        for block in _blocks(pieces):
            yield block.encode()


def streaming_response(fmt: str, columns: list[Column], rows: Iterable[tuple], filename: str):
    """A CSV or JSON download written while it is sent; XLSX through a temporary file."""
    if fmt == "xlsx":
        output = xlsx_file([Sheet(filename.rsplit(".", 1)[0], columns, rows)])
        return FileResponse(
            output, as_attachment=True, filename=filename, content_type=CONTENT_TYPES["xlsx"]
        )
    pieces = csv_lines(columns, rows) if fmt == "csv" else json_pieces(columns, rows)
    response = StreamingHttpResponse(
        _in_language(pieces, translation.get_language()), content_type=CONTENT_TYPES[fmt]
    )
    return _attachment(response, filename)
