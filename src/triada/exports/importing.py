"""Importing a body's roster from a CSV or XLSX file.

The file is checked twice. In the request: its type, size, encoding and columns (a clear
message, nothing stored). In the task: every row, before anything is saved; then all rows are
saved in one transaction through the people services (their rules, their audit entries). One
wrong row, found by either check, means nothing is saved and every wrong row is reported.

Persons and organizations of the area are reused: a person by e-mail (or, without an e-mail,
by a name that only one person of the area has), an organization by IČO (or, without an IČO,
by its name). Those found are used as they are; the import does not change them."""

import csv
import datetime
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook

from triada.documents.typography import printable
from triada.people import services as people_services
from triada.people.models import Membership, Organization, Person, TriadSide
from triada.people.validators import validate_ico
from triada.ui.forms import EARLIEST_DATE, LATEST_DATE

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
# An XLSX is a ZIP: what it unpacks to, not the upload, is what reading it costs.
MAX_UNPACKED_BYTES = 40 * 1024 * 1024
MAX_COLUMNS = 40


class ImportRefused(Exception):
    """The file cannot be imported at all (its type, encoding or columns)."""


def _plain(text: str) -> str:
    """Lower case without diacritics and without anything but letters and digits: „Strana
    triády“ and "strana_triady" are the same column."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


@dataclass(frozen=True)
class ImportColumn:
    field: str
    label: str
    required: bool
    names: tuple[str, ...]  # accepted headers, as `_plain` makes them


COLUMNS = (
    ImportColumn(
        "first_name",
        gettext_lazy("first name"),
        True,
        ("jmeno", "krestnijmeno", "firstname", "givenname"),
    ),
    ImportColumn(
        "last_name",
        gettext_lazy("last name"),
        True,
        ("prijmeni", "lastname", "surname", "familyname"),
    ),
    ImportColumn(
        "title_before",
        gettext_lazy("titles before the name"),
        False,
        ("titulpred", "titulypred", "titulpredjmenem", "titulypredjmenem", "titlebefore"),
    ),
    ImportColumn(
        "title_after",
        gettext_lazy("titles after the name"),
        False,
        ("titulza", "titulyza", "titulzajmenem", "titulyzajmenem", "titleafter"),
    ),
    ImportColumn("email", gettext_lazy("e-mail"), False, ("email", "mail")),
    ImportColumn("phone", gettext_lazy("phone"), False, ("telefon", "tel", "phone", "telephone")),
    ImportColumn(
        "organization",
        gettext_lazy("organization"),
        False,
        ("organizace", "zaorganizaci", "subjekt", "organization", "organisation"),
    ),
    ImportColumn("ico", gettext_lazy("IČO"), False, ("ico",)),
    ImportColumn(
        "triad_side",
        gettext_lazy("side of the triad"),
        True,
        ("stranatriady", "strana", "triadside", "sideofthetriad", "side"),
    ),
    ImportColumn("function", gettext_lazy("function"), False, ("funkce", "function", "role")),
    ImportColumn(
        "start_on", gettext_lazy("from"), True, ("od", "clenemod", "from", "since", "startdate")
    ),
    ImportColumn("end_on", gettext_lazy("to"), False, ("do", "clenemdo", "to", "until", "enddate")),
    ImportColumn(
        "public_consent",
        gettext_lazy("consent to publishing the name"),
        False,
        (
            "souhlas",
            "souhlassezverejnenim",
            "souhlassezverejnenimjmena",
            "consent",
            "publicconsent",
        ),
    ),
)
COLUMN_BY_NAME = {name: column for column in COLUMNS for name in column.names}

# Values of the side of the triad and of the function: the stored value, the Czech and English
# labels, and the feminine forms Czech offices write.
_SIDE_WORDS = {
    TriadSide.COMMISSIONER: ("zadavatel", "zadavatelka"),
    TriadSide.PROVIDER: ("poskytovatel", "poskytovatelka"),
    TriadSide.USER: ("uzivatel", "uzivatelka"),
    TriadSide.PUBLIC: ("verejnost",),
}
F = Membership.Function
_FUNCTION_WORDS = {
    F.LEADER: ("vedouci", "predseda", "predsedkyne"),
    F.DEPUTY_LEADER: ("zastupcevedouciho", "zastupkynevedouciho", "mistopredseda"),
    F.COORDINATOR: ("koordinator", "koordinatorka"),
    F.MINUTE_TAKER: ("zapisovatel", "zapisovatelka"),
    F.MEMBER: ("clen", "clenka"),
    F.GUEST: ("host",),
}
_YES = {"ano", "a", "yes", "y", "1", "true", "x", "pravda"}
_NO = {"ne", "n", "no", "0", "false", "nepravda", ""}
_CZECH_DATE = re.compile(r"(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def _choice_words(choices, words: dict) -> dict[str, str]:
    known = {}
    for language in ("cs", "en"):
        with translation.override(language):
            known |= {_plain(label): value for value, label in choices}
    known |= {_plain(value): value for value, _label in choices}
    known |= {word: value for value, synonyms in words.items() for word in synonyms}
    return known


# Reading the file


@dataclass
class Table:
    columns: dict[str, int]  # field → index of its column
    rows: list[tuple[int, list]]  # (row number in the file, cells), empty rows left out


def _decode(data: bytes) -> str:
    """UTF-8 (with or without the BOM Excel writes), or Windows-1250, which Czech Excel uses
    for "CSV (oddělený středníkem)"."""
    for encoding in ("utf-8-sig", "cp1250"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    raise ImportRefused(
        _("The file is not readable text: save it as CSV in UTF-8 (or as XLSX) and try again.")
    )


def _csv_rows(data: bytes) -> Iterator[list]:
    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    try:
        yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    except csv.Error as error:
        raise ImportRefused(_("The CSV file is damaged: %(error)s") % {"error": error}) from error


def _unreadable_xlsx() -> ImportRefused:
    return ImportRefused(
        _("The file is not a readable XLSX workbook; save it again in Excel and try again.")
    )


def _too_many_rows() -> ImportRefused:
    return ImportRefused(
        _("The file has more than %(count)d rows; split it into smaller files.")
        % {"count": MAX_ROWS}
    )


def _xlsx_rows(data: bytes) -> Iterator[list]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise _unreadable_xlsx() from error
    if unpacked > MAX_UNPACKED_BYTES:
        raise ImportRefused(
            _("The workbook is too big when unpacked: import at most %(count)d rows at once.")
            % {"count": MAX_ROWS}
        )
    # openpyxl parses the parts of the workbook as it reads them, and a damaged part fails with
    # whatever its XML parser raises: any failure here means the same to the user.
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        rows = workbook.worksheets[0].iter_rows(values_only=True, max_col=MAX_COLUMNS)
    except Exception as error:
        raise _unreadable_xlsx() from error
    try:
        while True:
            try:
                row = next(rows)
            except StopIteration:
                return
            except Exception as error:
                raise _unreadable_xlsx() from error
            yield list(row)
    finally:
        workbook.close()


def file_format(name: str) -> str:
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ("csv", "xlsx"):
        raise ImportRefused(
            _("Upload a CSV or XLSX file (this one is “%(name)s”).") % {"name": name[:80]}
        )
    return extension


def read_table(data: bytes, name: str) -> Table:
    """The file's columns and non-empty rows; ImportRefused for what cannot be imported."""
    fmt = file_format(name)
    if not data:
        raise ImportRefused(_("The file is empty."))
    if len(data) > MAX_BYTES:
        raise ImportRefused(
            _("The file is too big: at most %(mb)d MB can be imported at once.")
            % {"mb": MAX_BYTES // (1024 * 1024)}
        )
    if fmt == "xlsx" and not data.startswith(b"PK\x03\x04"):
        raise _unreadable_xlsx()
    header = None
    rows: list[tuple[int, list]] = []
    cells_of = _xlsx_rows(data) if fmt == "xlsx" else _csv_rows(data)
    for number, cells in enumerate(cells_of, start=1):
        # Empty rows count here: a sheet of millions of them would otherwise be read to its end.
        if number > 2 * MAX_ROWS:
            raise _too_many_rows()
        cells = cells[:MAX_COLUMNS]
        if all(_text(c) == "" for c in cells):
            continue
        if header is None:
            header = _columns(cells)
            continue
        rows.append((number, cells))
        if len(rows) > MAX_ROWS:
            raise _too_many_rows()
    if header is None:
        raise ImportRefused(_("The file is empty."))
    if not rows:
        raise ImportRefused(_("The file has a header but no rows with members."))
    return Table(header, rows)


def _columns(cells: list) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        column = COLUMN_BY_NAME.get(_plain(_text(cell)))
        if column is None:
            continue  # other columns are left aside
        if column.field in found:
            raise ImportRefused(
                _("The column “%(column)s” is in the file twice.") % {"column": _text(cell)}
            )
        found[column.field] = index
    missing = [str(c.label) for c in COLUMNS if c.required and c.field not in found]
    if missing:
        raise ImportRefused(
            _("The file lacks these columns: %(columns)s. The first row must name the columns.")
            % {"columns": ", ".join(missing)}
        )
    return found


# Checking the rows


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    return " ".join(printable(str(value)).split())


class RowError(Exception):
    pass


def _date(value, label: str) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        day = value.date()
    elif isinstance(value, datetime.date):
        day = value
    else:
        text = _text(value)
        if not text:
            return None
        czech, iso = _CZECH_DATE.fullmatch(text), _ISO_DATE.fullmatch(text)
        try:
            if czech:
                day = datetime.date(int(czech[3]), int(czech[2]), int(czech[1]))
            elif iso:
                day = datetime.date(int(iso[1]), int(iso[2]), int(iso[3]))
            else:
                raise ValueError
        except ValueError:
            raise RowError(
                _("%(column)s: “%(value)s” is not a date (write 5. 1. 2026 or 2026-01-05)")
                % {"column": label, "value": text[:40]}
            ) from None
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise RowError(
            _("%(column)s: the date must be between the years %(first)d and %(last)d")
            % {"column": label, "first": EARLIEST_DATE.year, "last": LATEST_DATE.year}
        )
    return day


def _ico(value) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"{int(value):08d}"  # a spreadsheet drops the leading zeros of a number
    text = _text(value).replace(" ", "")
    return text.zfill(8) if text.isdigit() and len(text) < 8 else text


@dataclass
class Row:
    number: int
    person: dict
    organization: dict | None
    triad_side: str
    function: str
    start_on: datetime.date
    end_on: datetime.date | None
    consent_stated: bool = False  # the consent cell says yes or no (empty: not stated)
    person_key: tuple = ()
    organization_key: tuple | None = None


@dataclass
class Checked:
    rows: list[Row] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)  # (row number, message)
    persons: dict = field(default_factory=dict)  # key → existing Person
    organizations: dict = field(default_factory=dict)  # key → existing Organization


def add_error(checked: Checked, number: int, problem: str) -> None:
    checked.errors.append((number, row_message(number, problem)))


def error_messages(checked: Checked) -> list[str]:
    """The errors in the order of the rows, whichever check found them."""
    return [message for _number, message in sorted(checked.errors, key=lambda e: e[0])]


def row_message(number: int, problem: str) -> str:
    return _("Row %(number)d: %(problem)s") % {"number": number, "problem": problem}


def _field_errors(error: ValidationError, labels: dict[str, str]) -> str:
    parts = []
    for name, messages in error.message_dict.items():
        label = labels.get(name)
        text = " ".join(messages)
        parts.append(f"{label}: {text}" if label else text)
    return "; ".join(parts)


class RowChecker:
    def __init__(self, area, columns: dict[str, int]):
        self.area = area
        self.columns = columns
        self.sides = _choice_words(TriadSide.choices, _SIDE_WORDS)
        self.functions = _choice_words(F.choices, _FUNCTION_WORDS)
        self.labels = {c.field: str(c.label) for c in COLUMNS}

    def value(self, cells: list, name: str):
        index = self.columns.get(name)
        return cells[index] if index is not None and index < len(cells) else None

    def check(self, number: int, cells: list) -> Row:
        """The row's values, or RowError naming what is wrong."""
        text = {name: _text(self.value(cells, name)) for name in self.columns}
        problems = []
        for column in COLUMNS:
            if column.required and not text.get(column.field):
                problems.append(_("%(column)s is empty") % {"column": column.label})
        side = self.sides.get(_plain(text.get("triad_side", "")))
        if text.get("triad_side") and side is None:
            problems.append(
                _("unknown side of the triad “%(value)s”") % {"value": text["triad_side"][:40]}
            )
        function = self.functions.get(_plain(text.get("function", ""))) or F.MEMBER
        if text.get("function") and _plain(text["function"]) not in self.functions:
            problems.append(_("unknown function “%(value)s”") % {"value": text["function"][:40]})
        consent_text = _plain(text.get("public_consent", ""))
        if consent_text not in _YES | _NO:
            problems.append(
                _("%(column)s: write yes or no, not “%(value)s”")
                % {"column": self.labels["public_consent"], "value": text["public_consent"][:40]}
            )
        start_on = end_on = None
        try:
            start_on = _date(self.value(cells, "start_on"), self.labels["start_on"])
            end_on = _date(self.value(cells, "end_on"), self.labels["end_on"])
        except RowError as error:
            problems.append(str(error))
        if start_on and end_on and end_on < start_on:
            problems.append(_("the membership cannot end before it starts"))
        person = {
            name: text.get(name, "")
            for name in ("title_before", "first_name", "last_name", "title_after", "email", "phone")
        }
        person["public_consent"] = consent_text in _YES
        try:
            reported = [name for name in ("first_name", "last_name") if not person[name]]
            Person(area=self.area, **person).full_clean(
                exclude=reported, validate_constraints=False
            )
        except ValidationError as error:
            problems.append(_field_errors(error, self.labels))
        organization = None
        name, ico = text.get("organization", ""), _ico(self.value(cells, "ico"))
        if name or ico:
            organization = {"name": name, "ico": ico}
            if ico:
                try:
                    validate_ico(ico)
                except ValidationError as error:
                    problems.append(f"{self.labels['ico']}: {' '.join(error.messages)}")
            if name:
                try:
                    Organization(area=self.area, **organization).full_clean(
                        validate_unique=False, validate_constraints=False
                    )
                except ValidationError as error:
                    problems.append(_field_errors(error, {"name": self.labels["organization"]}))
        if problems:
            raise RowError("; ".join(dict.fromkeys(p for p in problems if p)))
        return Row(
            number,
            person,
            organization,
            side,
            function,
            start_on,
            end_on,
            consent_stated=consent_text != "",
        )


def _person_key(person: dict) -> tuple:
    if person["email"]:
        return ("email", person["email"].casefold())
    return ("name", person["first_name"].casefold(), person["last_name"].casefold())


def _organization_key(organization: dict) -> tuple:
    if organization["ico"]:
        return ("ico", organization["ico"])
    return ("name", organization["name"].casefold())


def _full_name(person: dict) -> str:
    return f"{person['first_name']} {person['last_name']}"


def _person_problem(row: Row, name: str, consent: bool, row_of_person: int | None) -> str | None:
    """What keeps the row from naming the person of `name` and `consent` (an existing one, or
    the new one of an earlier row): an e-mail address given to someone else, or a consent that
    differs from the one recorded. A shared office address must not put a membership on the
    wrong name."""
    email = row.person["email"]
    if row.person_key[0] == "email" and _full_name(row.person).casefold() != name.casefold():
        if row_of_person is None:
            return _(
                "the e-mail %(email)s belongs to %(name)s here; correct the name or the e-mail"
            ) % {"email": email, "name": name}
        return _("row %(row)d gives the e-mail %(email)s to %(name)s") % {
            "row": row_of_person,
            "email": email,
            "name": name,
        }
    if row.consent_stated and row.person["public_consent"] != consent:
        if row_of_person is None:
            return _(
                "the consent to publishing the name differs from the one recorded for "
                "%(name)s; change it on the person's page, or leave the cell empty"
            ) % {"name": name}
        return _("row %(row)d adds this person with another consent to publishing the name") % {
            "row": row_of_person
        }
    return None


def match_existing(area, checked: Checked) -> None:
    """Find the persons and organizations the rows name among those of the area (compared in
    Python: the databases fold the case of Czech letters differently); a row that fits several
    persons, or names a person inconsistently, is an error of its row."""
    by_key: dict[tuple, list[Person]] = {}
    persons = Person.objects.filter(area=area, erased_at__isnull=True).only(
        "first_name", "last_name", "email", "public_consent"
    )
    for person in persons:
        if person.email:
            by_key.setdefault(("email", person.email.casefold()), []).append(person)
        key = ("name", person.first_name.casefold(), person.last_name.casefold())
        by_key.setdefault(key, []).append(person)
    by_org: dict[tuple, list[Organization]] = {}
    for organization in Organization.objects.filter(area=area).only("name", "ico"):
        if organization.ico:
            by_org.setdefault(("ico", organization.ico), []).append(organization)
        by_org.setdefault(("name", organization.name.casefold()), []).append(organization)

    first_rows: dict[tuple, Row] = {}  # key → the first row that names a new person
    for row in checked.rows:
        row.person_key = _person_key(row.person)
        row.organization_key = _organization_key(row.organization) if row.organization else None
        found = by_key.get(row.person_key, [])
        problem = None
        if len(found) > 1:
            problem = (
                _("there are several persons with the e-mail %(email)s here")
                % {"email": row.person["email"]}
                if row.person_key[0] == "email"
                else _(
                    "there are several persons named %(name)s here; give the e-mail address "
                    "to tell which one"
                )
                % {"name": _full_name(row.person)}
            )
        elif found:
            person = found[0]
            name = f"{person.first_name} {person.last_name}"
            problem = _person_problem(row, name, person.public_consent, None)
            checked.persons[row.person_key] = person
        elif row.person_key in first_rows:
            first = first_rows[row.person_key]
            name, consent = _full_name(first.person), first.person["public_consent"]
            problem = _person_problem(row, name, consent, first.number)
        else:
            first_rows[row.person_key] = row
        if problem:
            add_error(checked, row.number, problem)
        if row.organization_key is None:
            continue
        found_orgs = by_org.get(row.organization_key, [])
        if len(found_orgs) > 1:
            problem = _("there are several organizations named %(name)s here; give the IČO") % {
                "name": row.organization["name"]
            }
            add_error(checked, row.number, problem)
        elif found_orgs:
            checked.organizations[row.organization_key] = found_orgs[0]
        elif not row.organization["name"]:
            problem = _(
                "no organization with IČO %(ico)s is recorded here; give its name to add it"
            ) % {"ico": row.organization["ico"]}
            add_error(checked, row.number, problem)


# Saving


class RowsRefused(Exception):
    def __init__(self, errors: list[str]):
        super().__init__(errors)
        self.errors = errors


@dataclass
class Saved:
    memberships: int = 0
    persons: int = 0
    organizations: int = 0


def save_rows(*, actor, body, checked: Checked) -> Saved:
    """Save every row through the services in one transaction; RowsRefused (and nothing
    saved) when a service refuses any row."""
    persons = dict(checked.persons)
    organizations = dict(checked.organizations)
    saved = Saved()
    errors: list[str] = []
    area = body.area
    with transaction.atomic():
        for row in checked.rows:
            new_person = new_organization = None
            try:
                with transaction.atomic():  # a savepoint: a refused row leaves nothing behind
                    organization = None
                    if row.organization_key is not None:
                        organization = organizations.get(row.organization_key)
                        if organization is None:
                            organization = new_organization = people_services.organization_create(
                                actor=actor,
                                area=area,
                                usual_side=row.triad_side,
                                **row.organization,
                            )
                    person = persons.get(row.person_key)
                    if person is None:
                        person = new_person = people_services.person_create(
                            actor=actor, area=area, **row.person
                        )
                    people_services.membership_create(
                        actor=actor,
                        body=body,
                        person=person,
                        organization=organization,
                        triad_side=row.triad_side,
                        function=row.function,
                        start_on=row.start_on,
                        end_on=row.end_on,
                    )
            except ValidationError as error:
                problem = " ".join(error.messages)
                errors.append(row_message(row.number, problem))
                continue
            # Only what was saved is reused by the following rows.
            if new_person is not None:
                persons[row.person_key] = new_person
                saved.persons += 1
            if new_organization is not None:
                organizations[row.organization_key] = new_organization
                saved.organizations += 1
            saved.memberships += 1
        if errors:
            raise RowsRefused(errors)  # leaves the transaction: nothing is saved
    return saved
