"""Synthetic instances of any size, from one town to the whole country (205 ORP areas), for
benchmarks and load tests (`manage.py generate`).

Each area gets the bodies of community planning with their relations (and, in some areas, a
merger of two working groups), organizations with IČO, persons (about half consent to public
display of their names), memberships with history and leader elections, meetings over the
last years with agendas, attendance and published minutes, needs, and community plans with
their strategy trees, responsibilities, indicators, costs, approval and evaluations. The
published minutes' HTML is what minutes/render.py renders for the same rows; every version
points to one shared placeholder PDF. The search index gets exactly what search/services.py
would write (the SQLite FTS5 table is filled by its triggers).

Speed: rows are built in memory and written in batches straight into the tables (executemany
on SQLite, COPY on PostgreSQL) inside one transaction, never through the services; ids are
assigned here and the sequences are reset at the end. Texts are composed from a pool of
paragraphs made once per run.

The same options give the same data: every area draws from random.Random seeded by the seed
and the area's address (slug)."""

import bisect
import contextlib
import datetime
import random
import re
import time
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import OperationalError, connection, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import escape, linebreaks
from django.utils.text import slugify
from django.utils.translation import gettext
from faker.providers.address.cs_CZ import Provider as CzechAddresses
from faker.providers.person.cs_CZ import Provider as CzechNames

from triada.areas.models import Area, Municipality
from triada.collation import czech_sort_key
from triada.documents.typography import czech_nbsp
from triada.meetings.models import AgendaItem, Attendance, Guest, Meeting
from triada.minutes.models import Minutes, Resolution, Section, Task, Version
from triada.needs.models import Need
from triada.people.models import LeaderElection, Membership, Organization, Person, TriadSide
from triada.people.validators import ico_check_digit
from triada.planning.models import (
    ApprovalStep,
    Comment,
    Cost,
    Evaluation,
    FundingSource,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    Plan,
    PlanItem,
    PlanVersion,
    Responsibility,
)
from triada.search.models import SearchDocument
from triada.structure.models import Body, BodyRelation, StructureChange

from . import synthetic_text as T

F = Membership.Function
K = Body.Kind
S = PlanVersion.Status
IK = PlanItem.Kind
C, P, U, PUB = TriadSide.COMMISSIONER, TriadSide.PROVIDER, TriadSide.USER, TriadSide.PUBLIC
FUNCTION_RANK = {value: rank for rank, value in enumerate(F.values)}
PLACEHOLDER_PDF = "zapisy/synteticky-zapis.pdf"
POOL_SIZE = 3000
UTC = datetime.UTC


@dataclass(frozen=True)
class Options:
    areas: int = 1
    seed: int = 1
    years: int = 10  # of meetings and minutes, up to `today`
    plans: int = 10  # per area: the archived ones, the one in force, sometimes a draft
    text_scale: float = 1.0  # 1.0: minutes of about 9,000 characters (5 pages) on average
    today: datetime.date | None = None  # the day the data end; meetings after it are planned
    append: bool = False  # add areas after those already there instead of refusing


class SlugsTaken(Exception):
    """The database already holds areas with the addresses the run would use."""

    def __init__(self, slugs: list[str]):
        super().__init__(", ".join(slugs))
        self.slugs = slugs


# Writing rows


class Table:
    """Rows of one table waiting to be written; ids are assigned here."""

    def __init__(self, writer: "Writer", model, fields: list[str], batch: int):
        meta = model._meta
        self.model, self.name, self.batch = model, meta.db_table, batch
        model_fields = [meta.get_field(name) for name in fields]
        self.columns = [meta.pk.column] + [f.column for f in model_fields]
        self.convert = [
            (index + 1, converter)
            for index, f in enumerate(model_fields)
            if (converter := writer.converter(f)) is not None
        ]
        quoted = ", ".join(connection.ops.quote_name(c) for c in self.columns)
        table = connection.ops.quote_name(self.name)
        if writer.vendor == "postgresql":
            self.sql = f"COPY {table} ({quoted}) FROM STDIN"
        else:
            marks = ", ".join("?" for _c in self.columns)
            self.sql = f"INSERT INTO {table} ({quoted}) VALUES ({marks})"
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT MAX({connection.ops.quote_name(meta.pk.column)}) FROM {table}")
            self.next_id = (cursor.fetchone()[0] or 0) + 1
        self.rows: list = []
        self.count = 0


class Writer:
    """Buffers rows per table and writes them in batches: executemany on SQLite, COPY on
    PostgreSQL. Foreign keys are deferred to the commit on both, so the order of the batches
    does not matter within the transaction."""

    def __init__(self, batch: int = 5000):
        connection.ensure_connection()
        self.vendor = connection.vendor
        self.batch = batch
        self.tables: dict = {}

    def converter(self, model_field) -> Callable | None:
        if self.vendor == "postgresql":
            return None  # psycopg adapts dates, aware datetimes, UUIDs and decimals
        kind = model_field.get_internal_type()
        if kind == "DateTimeField":
            return lambda value: value.astimezone(UTC).replace(tzinfo=None).isoformat(" ")
        if kind == "DateField":
            return datetime.date.isoformat
        if kind == "UUIDField":
            return lambda value: value.hex
        if kind == "DecimalField":
            return str
        return None

    def table(self, model, fields: list[str], batch: int | None = None) -> Table:
        table = Table(self, model, fields, batch or self.batch)
        self.tables[model] = table
        return table

    @staticmethod
    def reserve(table: Table) -> int:
        table.next_id += 1
        return table.next_id - 1

    def add(self, table: Table, row: tuple, pk: int | None = None) -> int:
        if pk is None:
            pk = table.next_id
            table.next_id += 1
        table.rows.append((pk, *row))
        if len(table.rows) >= table.batch:
            self.flush(table)
        return pk

    def flush(self, table: Table) -> None:
        rows = table.rows
        if not rows:
            return
        if table.convert:
            converted = []
            for row in rows:
                row = list(row)
                for index, convert in table.convert:
                    if row[index] is not None:
                        row[index] = convert(row[index])
                converted.append(row)
            rows = converted
        if self.vendor == "postgresql":
            with connection.connection.cursor() as cursor, cursor.copy(table.sql) as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            connection.connection.executemany(table.sql, rows)
        table.count += len(rows)
        table.rows = []

    def flush_all(self) -> None:
        for table in self.tables.values():
            self.flush(table)

    def reset_sequences(self) -> None:
        statements = connection.ops.sequence_reset_sql(no_style(), list(self.tables))
        if statements:
            with connection.cursor() as cursor:
                for sql in statements:
                    cursor.execute(sql)

    def counts(self) -> dict[str, int]:
        return {t.model._meta.label: t.count for t in self.tables.values()}


def _tables(w: Writer) -> dict:
    """Every table the generator writes, with the columns in the order of the rows."""
    spec = {
        "area": (Area, "name slug kind description contact_email website notice_days"),
        "municipality": (Municipality, "area name is_seat joined_on"),
        "body": (
            Body,
            "area name slug short_name kind description target_groups min_meetings_per_year "
            "quorum_percent established_on dissolved_on position created_at updated_at",
        ),
        "relation": (BodyRelation, "source target kind"),
        "change": (StructureChange, "area kind effective_on description created_at"),
        "predecessor": (StructureChange.predecessors.through, "structurechange body"),
        "successor": (StructureChange.successors.through, "structurechange body"),
        "organization": (
            Organization,
            "area name ico usual_side address email phone website created_at updated_at",
        ),
        "person": (
            Person,
            "area title_before first_name last_name title_after email phone public_consent "
            "user erased_at created_at updated_at",
        ),
        "membership": (
            Membership,
            "body person organization triad_side function start_on end_on note created_at "
            "updated_at",
        ),
        "election": (
            LeaderElection,
            "body held_on elected coordinator_voted votes_for votes_against votes_abstained "
            "membership note created_at",
        ),
        "meeting": (
            Meeting,
            "body title starts_at ends_at place online_url status note invitation_sent_at "
            "created_at updated_at",
        ),
        "agenda": (AgendaItem, "meeting position title proposer description"),
        "guest": (Guest, "meeting name organization email"),
        "attendance": (Attendance, "meeting membership status substitute"),
        "minutes": (Minutes, "meeting status opening closing edit_count updated_at"),
        "section": (Section, "minutes position title discussion"),
        "resolution": (
            Resolution,
            "section text adoption votes_for votes_against votes_abstained",
        ),
        "task": (
            Task,
            "minutes section text responsible due_on status closed_on closing_note closed_at",
        ),
        "version": (
            Version,
            "minutes number published_at published_by note html text pdf pdf_size",
        ),
        "search": (SearchDocument, "area body kind object_id title text date url"),
        "need": (
            Need,
            "area text target_group status reason body meeting submitter_name "
            "submitter_email published created_at updated_at",
        ),
        "plan": (Plan, "area ordinal title first_year last_year created_at"),
        "plan_version": (
            PlanVersion,
            "plan number status based_on vision introduction comments_from comments_until "
            "in_force_from created_at updated_at",
        ),
        "item": (
            PlanItem,
            "version parent kind position key title description owner target_group profile "
            "problem_areas start_year end_year edit_count",
        ),
        "item_need": (PlanItem.needs.through, "planitem need"),
        "responsibility": (Responsibility, "item body person organization"),
        "indicator": (Indicator, "item key name unit baseline"),
        "target": (IndicatorTarget, "indicator year value"),
        "cost": (Cost, "item year source amount"),
        "evaluation": (
            Evaluation,
            "plan item_key year status narrative evidence updated_by updated_at",
        ),
        "indicator_value": (IndicatorValue, "plan indicator_key year value"),
        "step": (ApprovalStep, "version stage body decided_on resolution_number meeting"),
        "comment": (
            Comment,
            "version number item section text person author_name author_email created_at "
            "decision reason settled_by settled_on",
        ),
    }
    big = {"version": 300, "search": 500, "section": 2000, "minutes": 2000}
    return {
        key: w.table(model, fields.split(), big.get(key)) for key, (model, fields) in spec.items()
    }


# What the run knows about an area while it builds it


@dataclass(eq=False)
class PersonSpec:
    id: int
    female: bool
    title_before: str
    first_name: str
    last_name: str
    title_after: str
    consent: bool
    org: "OrgSpec | None"
    side: str

    @property
    def full_name(self) -> str:
        name = " ".join(p for p in (self.title_before, self.first_name, self.last_name) if p)
        return f"{name}, {self.title_after}" if self.title_after else name


@dataclass(eq=False)
class OrgSpec:
    id: int
    name: str
    side: str


@dataclass(eq=False)
class MembershipSpec:
    id: int
    person: PersonSpec
    org: OrgSpec | None
    side: str
    function: str
    start: datetime.date
    end: datetime.date | None = None
    order: tuple = ()  # the row's place on the public attendance list

    def active_on(self, day: datetime.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(eq=False)
class BodySpec:
    id: int
    name: str
    slug: str
    kind: str
    position: int
    short_name: str = ""
    topic: dict | None = None
    established: datetime.date | None = None
    dissolved: datetime.date | None = None
    per_year: int = 0  # meetings a year; 0 for bodies without a roster
    days: list = field(default_factory=list)  # (date, hour, minute) of the meetings
    memberships: list[MembershipSpec] = field(default_factory=list)
    meetings: list = field(default_factory=list)  # (id, date) of the held meetings

    @property
    def is_group(self) -> bool:
        return self.kind in Body.GROUP_KINDS

    def active_on(self, day: datetime.date) -> bool:
        return (self.established is None or self.established <= day) and (
            self.dissolved is None or day <= self.dissolved
        )


@dataclass(eq=False)
class AreaSpec:
    id: int
    name: str
    slug: str
    rng: random.Random
    bodies: list[BodySpec] = field(default_factory=list)
    orgs: list[OrgSpec] = field(default_factory=list)
    persons: list[PersonSpec] = field(default_factory=list)
    assembly: BodySpec | None = None
    council: BodySpec | None = None
    steering: BodySpec | None = None

    @property
    def groups(self) -> list[BodySpec]:
        return [b for b in self.bodies if b.is_group]

    @property
    def working_groups(self) -> list[BodySpec]:
        return [b for b in self.bodies if b.kind == K.WORKING_GROUP]


@dataclass
class Context:
    options: Options
    writer: Writer
    t: dict
    today: datetime.date
    start: datetime.date  # the first day of the meetings' period
    now: datetime.datetime
    tz: ZoneInfo
    pool: list  # paragraphs: (text, HTML, length)
    short: dict  # the same for the sentences of the tasks' review and other business
    rare: tuple  # the paragraph with RARE_WORD
    labels: dict
    pdf_size: int
    minutes_count: int = 0
    rare_minutes: list = field(default_factory=list)  # minutes ids that mention RARE_WORD
    text_chars: int = 0


# Small helpers


def _ascii(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if c.isascii() and c.isalnum())


def _nbsp(text: str) -> str:
    """The `nbsp` filter: escape, then bind one-letter words."""
    return czech_nbsp(str(escape(text)))


def _linebreaks(text: str) -> str:
    """`text|nbsp|linebreaks`."""
    return linebreaks(czech_nbsp(str(escape(text))))


_TAG = re.compile(r"<[^>]*>")


def _plain(html: str) -> str:
    """minutes.render.plain_text for the HTML built here (no entities, no stray '<')."""
    return " ".join(_TAG.sub("", html).split())


def _day_between(rng: random.Random, first: datetime.date, last: datetime.date) -> datetime.date:
    return first + datetime.timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _ico(rng: random.Random, taken: set) -> str:
    while True:
        first_seven = f"{rng.randint(1_000_000, 9_999_999):07d}"
        ico = first_seven + str(ico_check_digit(first_seven))
        if ico not in taken:
            taken.add(ico)
            return ico


def _phone(rng: random.Random) -> str:
    return f"+420 {rng.randint(601, 799)} {rng.randint(100, 999)} {rng.randint(100, 999)}"


def _labels() -> dict:
    """The words of minutes/document.html in Czech, the language of the documents."""
    g = gettext
    with translation.override("cs"):
        return {
            "body": g("Body"),
            "date": g("Date"),
            "place": g("Place"),
            "attendance": g("Attendance"),
            "present": g("Present %(present)s of %(members)s voting members."),
            "quorum": g("The meeting had a quorum."),
            "no_quorum": g("The meeting did not have a quorum."),
            "missing": g("No one present stood for: %(sides)s."),
            "head": (
                f'<thead><tr><th scope="col">{g("Member")}</th><th scope="col">'
                f'{g("On behalf of")}</th><th scope="col">{g("Side of the triad")}</th>'
                f'<th scope="col">{g("Attendance")}</th></tr></thead>'
            ),
            "not_published": g("name not published"),
            "guest_no_vote": g("guest, does not vote"),
            "private": g("private person"),
            "guests": g("Guests"),
            "opening": g("Opening"),
            "closing": g("Closing"),
            "resolution": g("Resolution %(item)s.%(n)s"),
            "consensus": g("Adopted by consensus."),
            "vote": g("Vote: %(f)s for, %(a)s against, %(z)s abstained."),
            "adopted": g("Adopted."),
            "not_adopted": g("Not adopted."),
            "tasks": g("Tasks"),
            "task_head": (
                f'<thead><tr><th scope="col">{g("Task")}</th><th scope="col">'
                f'{g("Responsible")}</th><th scope="col">{g("Due on")}</th></tr></thead>'
            ),
            "sides": {side: str(TriadSide(side).label) for side in TriadSide.values},
            "status": {s: str(Attendance.Status(s).label) for s in Attendance.Status.values},
        }


def _placeholder_pdf() -> int:
    """One PDF that every generated version points to; written once into MEDIA_ROOT."""
    if not default_storage.exists(PLACEHOLDER_PDF):
        from weasyprint import HTML  # imported here: slow to import, needed once

        html = (
            "<html lang='cs'><head><title>Syntetický zápis</title></head><body>"
            "<h1>Zápis z jednání</h1><p>Tento soubor zastupuje PDF zápisů vygenerovaných "
            "příkazem <code>manage.py generate</code>. Text zápisu je na stránce jednání."
            "</p></body></html>"
        )
        default_storage.save(PLACEHOLDER_PDF, ContentFile(HTML(string=html).write_pdf()))
    return default_storage.size(PLACEHOLDER_PDF)


def area_names(count: int, taken: set[str], *, append: bool) -> list[tuple[str, str]]:
    """(name, slug) of the areas a run makes: the ORP towns in order, then "Obec N".
    Without `append` the first `count` are meant, and any of them already taken refuses the
    run; with it, taken addresses are skipped."""
    names = []
    n = 0
    while len(names) < count:
        name = T.ORP_TOWNS[n] if n < len(T.ORP_TOWNS) else f"Obec {n + 1}"
        slug = slugify(name)
        n += 1
        if append and slug in taken:
            continue
        names.append((name, slug))
    if not append:
        clash = [slug for _name, slug in names if slug in taken]
        if clash:
            raise SlugsTaken(clash)
    return names


# Stage 1: areas, bodies, organizations, persons and memberships


def build_area(ctx: Context, name: str, slug: str) -> AreaSpec:
    rng = random.Random(f"{ctx.options.seed}:{slug}")
    t, w, today, start = ctx.t, ctx.writer, ctx.today, ctx.start
    area_id = w.add(
        t["area"],
        (
            name,
            slug,
            Area.Kind.ORP,
            f"Komunitní plánování sociálních služeb ve správním obvodu obce s rozšířenou "
            f"působností {name}. Na plánování se podílejí zadavatelé, poskytovatelé a "
            f"uživatelé sociálních služeb.",
            f"kpss@{slug}.example.cz",
            f"https://{slug}.example.cz",
            7,
        ),
    )
    area = AreaSpec(area_id, name, slug, rng)
    w.add(t["municipality"], (area_id, name, True, None))
    villages = rng.sample([c for c in CzechAddresses.cities if c != name], rng.randint(3, 12))
    for village in villages:
        joined = None
        if rng.random() < 0.5:
            joined = datetime.date(rng.randint(2008, today.year - 1), 1, 1)
        w.add(t["municipality"], (area_id, village, False, joined))

    _bodies(ctx, area)
    _organizations(ctx, area)
    _persons(ctx, area)
    for body in area.groups:
        body.days = _meeting_days(rng, body, start, today)
    _rosters(ctx, area)
    return area


def _add_body(ctx: Context, area: AreaSpec, body: BodySpec, description: str, groups: str):
    created = datetime.datetime.combine(
        body.established or ctx.start - datetime.timedelta(days=3650),
        datetime.time(9),
        tzinfo=ctx.tz,
    )
    body.slug = slugify(body.name)[:70]
    body.id = ctx.writer.add(
        ctx.t["body"],
        (
            area.id,
            body.name,
            body.slug,
            body.short_name,
            body.kind,
            description,
            groups,
            Body.DEFAULT_MIN_MEETINGS.get(body.kind, 0),
            50,
            body.established,
            body.dissolved,
            body.position,
            created,
            created,
        ),
    )
    area.bodies.append(body)
    url = reverse("portal:body", kwargs={"area_slug": area.slug, "body_slug": body.slug})
    ctx.writer.add(
        ctx.t["search"],
        (
            area.id,
            body.id,
            SearchDocument.Kind.BODY,
            body.id,
            body.name,
            f"{description}\n{groups}",
            None,
            url,
        ),
    )
    return body


def _bodies(ctx: Context, area: AreaSpec) -> None:
    rng, w, t, start, today = area.rng, ctx.writer, ctx.t, ctx.start, ctx.today
    town = area.name
    area.assembly = _add_body(
        ctx,
        area,
        BodySpec(0, f"Zastupitelstvo města {town}", "", K.ASSEMBLY, 1),
        "Schvaluje komunitní plán sociálních služeb a jeho akční plány.",
        "",
    )
    area.council = _add_body(
        ctx,
        area,
        BodySpec(0, f"Rada města {town}", "", K.COUNCIL, 2),
        "Projednává výstupy komunitního plánování a předkládá je zastupitelstvu.",
        "",
    )
    committee = None
    if rng.random() < 0.3:
        committee = _add_body(
            ctx,
            area,
            BodySpec(0, "Komise sociální", "", K.COMMITTEE, 3),
            "Poradní orgán rady města pro sociální oblast.",
            "",
        )
    established = datetime.date(rng.randint(start.year - 12, start.year - 1), rng.randint(1, 12), 1)
    area.steering = _add_body(
        ctx,
        area,
        BodySpec(
            0,
            "Řídící skupina komunitního plánování",
            "",
            K.STEERING_GROUP,
            5,
            short_name="ŘS",
            established=established,
            per_year=rng.randint(7, 11),
        ),
        T.STEERING_TEXT,
        "Všechny cílové skupiny komunitního plánu.",
    )
    count = rng.choices([3, 4, 5], weights=[35, 45, 20])[0]
    span_days = (today - start).days
    merge = span_days > 900 and rng.random() < 0.3
    first_four, others = T.TOPICS[:4], T.TOPICS[4:]
    topics = rng.sample(first_four, min(count, 4)) + rng.sample(others, max(0, count - 4))
    if merge:
        keys = {topic["key"] for topic in topics}
        for key in T.MERGE[:2]:
            if key not in keys:
                replace = next(i for i, tp in enumerate(topics) if tp["key"] not in T.MERGE[:2])
                topics[replace] = next(tp for tp in T.TOPICS if tp["key"] == key)
                keys = {topic["key"] for topic in topics}
    merged_on = (
        _day_between(
            rng, start + datetime.timedelta(days=365), today - datetime.timedelta(days=365)
        )
        if merge
        else None
    )
    predecessors = []
    for number, topic in enumerate(topics, start=1):
        group_established = max(
            established, datetime.date(rng.randint(established.year, start.year - 1), 1, 1)
        )
        body = BodySpec(
            0,
            f"Pracovní skupina {topic['name']}",
            "",
            K.WORKING_GROUP,
            9 + number,
            short_name=f"PS {number}",
            topic=topic,
            established=group_established,
            per_year=rng.randint(9, 12),
        )
        if merge and topic["key"] in T.MERGE[:2]:
            body.dissolved = merged_on - datetime.timedelta(days=1)
            predecessors.append(body)
        _add_body(ctx, area, body, T.BODY_GROUP_TEXT, topic["target_groups"])
    successor = None
    if merge:
        merged_topic = dict(predecessors[0].topic)
        merged_topic["name"] = T.MERGE[2]
        merged_topic["keys"] = T.MERGE[:2]
        successor = _add_body(
            ctx,
            area,
            BodySpec(
                0,
                f"Pracovní skupina {T.MERGE[2]}",
                "",
                K.WORKING_GROUP,
                9 + len(topics) + 1,
                short_name=f"PS {len(topics) + 1}",
                topic=merged_topic,
                established=merged_on,
                per_year=rng.randint(9, 12),
            ),
            T.BODY_GROUP_TEXT,
            "Oblast podpory seniorů a osob se zdravotním postižením.",
        )
        change = w.add(
            t["change"],
            (
                area.id,
                StructureChange.Kind.MERGE,
                merged_on,
                "Pracovní skupiny pro seniory a pro osoby se zdravotním postižením se "
                "sloučily do jedné skupiny.",
                datetime.datetime.combine(merged_on, datetime.time(10), tzinfo=ctx.tz),
            ),
        )
        for body in predecessors:
            w.add(t["predecessor"], (change, body.id))
        w.add(t["successor"], (change, successor.id))
    relations = [
        (area.council, area.assembly, "reports_to"),
        (area.steering, area.council, "reports_to"),
        (area.steering, area.assembly, "reports_to"),
    ]
    if committee:
        relations.append((committee, area.council, "reports_to"))
    for group in area.working_groups:
        relations.append((group, area.steering, "reports_to"))
        relations.append((area.steering, group, "approves_outputs_of"))
    for source, target, kind in relations:
        w.add(t["relation"], (source.id, target.id, kind))
    # Slugs are unique in the area by construction (the names are).
    assert len({b.name for b in area.bodies}) == len(area.bodies)


def _organizations(ctx: Context, area: AreaSpec) -> None:
    rng, w, t = area.rng, ctx.writer, ctx.t
    taken_icos: set = set()
    proper = rng.sample(T.PROPER_NAMES, len(T.PROPER_NAMES))
    streets = CzechAddresses.streets
    specs = [(name, C) for name in T.COMMISSIONER_ORGS]
    specs += [(name, P) for name in rng.sample(T.PROVIDER_ORGS, rng.randint(10, 16))]
    specs += [(name, U) for name in rng.sample(T.USER_ORGS, rng.randint(3, 5))]
    created = datetime.datetime.combine(ctx.start, datetime.time(8), tzinfo=ctx.tz)
    for pattern, side in specs:
        name = pattern.format(town=area.name, name=proper.pop() if "{name}" in pattern else "")
        slug = slugify(name)[:40].strip("-")
        org_id = w.add(
            t["organization"],
            (
                area.id,
                name,
                _ico(rng, taken_icos),
                side,
                f"{rng.choice(streets)} {rng.randint(1, 2500)}, {area.name}",
                f"info@{slug}.example.cz",
                _phone(rng),
                f"https://{slug}.example.cz" if rng.random() < 0.6 else "",
                created,
                created,
            ),
        )
        area.orgs.append(OrgSpec(org_id, name, side))


def _persons(ctx: Context, area: AreaSpec) -> None:
    rng, w, t = area.rng, ctx.writer, ctx.t
    commissioners = [o for o in area.orgs if o.side == C]
    providers = [o for o in area.orgs if o.side == P]
    users = [o for o in area.orgs if o.side == U]
    city = commissioners[0]
    count = max(40, round(rng.gauss(97, 8)))
    emails: set = set()
    created = datetime.datetime.combine(ctx.start, datetime.time(8), tzinfo=ctx.tz)
    for n in range(count):
        female = rng.random() < 0.7
        names = CzechNames
        first = rng.choice(names.first_names_female if female else names.first_names_male)
        last = rng.choice(names.last_names_female if female else names.last_names_male)
        if n < 2:  # the coordinator and the head of the social department
            org, side, consent = city, C, True
        else:
            roll = rng.random()
            if roll < 0.12:
                org, side = rng.choice(commissioners), C
            elif roll < 0.72:
                org, side = rng.choice(providers), P
            elif roll < 0.85:
                org, side = rng.choice(users), U
            else:
                org, side = None, (U if rng.random() < 0.8 else PUB)
            consent = rng.random() < 0.5
        local = f"{_ascii(first)}.{_ascii(last)}".lower()
        email, k = f"{local}@example.cz", 2
        while email in emails:
            email, k = f"{local}{k}@example.cz", k + 1
        emails.add(email)
        person = PersonSpec(
            0,
            female,
            rng.choice(T.TITLES_BEFORE),
            first,
            last,
            rng.choice(T.TITLES_AFTER),
            consent,
            org,
            side,
        )
        person.id = w.add(
            t["person"],
            (
                area.id,
                person.title_before,
                first,
                last,
                person.title_after,
                email,
                _phone(rng),
                consent,
                None,
                None,
                created,
                created,
            ),
        )
        area.persons.append(person)


def _meeting_days(rng, body: BodySpec, start: datetime.date, today: datetime.date) -> list:
    """(date, hour, minute) of the body's meetings from `start` (or its establishment) to its
    dissolution or three months after `today`."""
    first = max(body.established or start, start)
    last = body.dissolved or today + datetime.timedelta(days=90)
    base = [1, 2, 3, 4, 5, 6, 9, 10, 11, 12]
    days = set()
    for year in range(first.year, last.year + 1):
        n = min(12, max(1, body.per_year + rng.randint(-1, 1)))
        months = rng.sample(base, n) if n <= 10 else base + rng.sample(range(1, 13), n - 10)
        for month in months:
            day = datetime.date(year, month, rng.randint(1, 26))
            day += datetime.timedelta(days=(1 - day.weekday()) % 7 + rng.randint(0, 2))
            if first <= day <= last:
                days.add(day)
    return [(day, rng.choice([9, 10, 13, 14, 15]), rng.choice([0, 0, 30])) for day in sorted(days)]


def _rosters(ctx: Context, area: AreaSpec) -> None:
    """Memberships of every group over time: the first roster, members who leave and join
    (some after a visit as guests), and leaders elected every few years."""
    rng, w, t, today = area.rng, ctx.writer, ctx.t, ctx.today
    coordinator, head = area.persons[0], area.persons[1]
    others = area.persons[2:]
    carried: dict = {}  # merged groups: person → membership spec ended at the merger
    for body in area.groups:
        first = max(body.established, ctx.start)
        held_days = [d for d, _h, _m in body.days if d < today]
        ended: dict[int, datetime.date] = {}  # person id → the end of the last membership
        active: dict[int, MembershipSpec] = {}
        specs = body.memberships

        def join(person, start, function=F.MEMBER, end=None, _body=body, _active=active):
            spec = MembershipSpec(0, person, person.org, person.side, function, start, end)
            _body.memberships.append(spec)
            if end is None:
                _active[person.id] = spec
            return spec

        def leave(spec, end, _active=active, _ended=ended):
            spec.end = end
            _active.pop(spec.person.id, None)
            _ended[spec.person.id] = end

        join(coordinator, first, F.COORDINATOR)
        if body.kind == K.STEERING_GROUP:
            initial = [head, *rng.sample(others, rng.randint(8, 12))]
        elif body.established == first and body.topic.get("keys") and carried:
            initial = list(carried)
            initial += rng.sample([p for p in others if p not in carried], rng.randint(2, 5))
        else:
            initial = rng.sample(others, rng.randint(16, 24))
        leader = join(initial[0], first, F.LEADER)
        elections = [(first, leader, len(initial))]
        for person in initial[1:]:
            join(person, first)
        if rng.random() < 0.5:
            deputy = next(s for s in specs if s.function == F.MEMBER)
            deputy.function = F.DEPUTY_LEADER
        if rng.random() < 0.25:
            taker = next((p for p in others if p.id not in active and p.side == C), None)
            if taker:
                join(taker, first, F.MINUTE_TAKER)
        next_election = first.year + rng.choice([3, 4])
        last_day = min(body.dissolved or today, today)
        for year in range(first.year, last_day.year + 1):
            lo = max(first + datetime.timedelta(days=1), datetime.date(year, 1, 1))
            hi = min(last_day, datetime.date(year, 12, 31))
            if lo > hi:
                continue
            share = ((hi - lo).days + 1) / 365
            for spec in list(active.values()):
                leaves = rng.random() < 0.09 * share and spec.start < hi
                if leaves and spec.function in (F.MEMBER, F.DEPUTY_LEADER):
                    leave(spec, _day_between(rng, max(lo, spec.start), hi))
            for _joiner in range(round(rng.choice([1, 2, 3, 3, 4]) * share)):
                day = _day_between(rng, lo, hi)
                candidates = [
                    p
                    for p in others
                    if p.id not in active and ended.get(p.id, datetime.date.min) < day
                ]
                if not candidates:
                    continue
                person = rng.choice(candidates)
                visits = [
                    d
                    for d in held_days
                    if day - datetime.timedelta(days=150) < d < day
                    and d > ended.get(person.id, datetime.date.min)
                ]
                if visits and rng.random() < 0.5:
                    visit = rng.choice(visits)
                    join(person, visit, F.GUEST, end=visit)
                    ended[person.id] = visit
                join(person, day)
            if year >= next_election:
                options = [d for d in held_days if lo <= d <= hi]
                if not options:
                    continue
                held = rng.choice(options)
                current = next(s for s in active.values() if s.function == F.LEADER)
                voters = sum(1 for s in active.values() if s.function != F.GUEST)
                candidates = [
                    s
                    for s in active.values()
                    if s.function in (F.MEMBER, F.DEPUTY_LEADER) and s.start < held
                ]
                next_election = year + rng.choice([3, 4])
                if rng.random() < 0.35 or not candidates or current.start >= held:
                    elections.append((held, current, voters))  # re-elected
                    continue
                chosen = rng.choice(candidates)
                leave(current, held - datetime.timedelta(days=1))
                if rng.random() < 0.7:  # the former leader stays as a member
                    join(current.person, held)
                leave(chosen, held - datetime.timedelta(days=1))
                elections.append((held, join(chosen.person, held, F.LEADER), voters))
        if body.dissolved:
            for spec in list(active.values()):
                leave(spec, body.dissolved)
                if (
                    body.topic
                    and body.topic["key"] in T.MERGE[:2]
                    and spec.person is not (coordinator)
                ):
                    carried[spec.person] = spec
        # Write the memberships and the elections.
        for spec in specs:
            created = datetime.datetime.combine(spec.start, datetime.time(12), tzinfo=ctx.tz)
            spec.id = w.add(
                t["membership"],
                (
                    body.id,
                    spec.person.id,
                    spec.org.id if spec.org else None,
                    spec.side,
                    spec.function,
                    spec.start,
                    spec.end,
                    "",
                    created,
                    created,
                ),
            )
            person = spec.person
            name = f"{person.last_name} {person.first_name}" if person.consent else None
            label = name if name is not None else (spec.org.name if spec.org else "")
            rank = FUNCTION_RANK[spec.function]
            spec.order = (
                (rank, name is None, czech_sort_key(label)),
                (
                    rank,
                    czech_sort_key(person.last_name),
                    czech_sort_key(person.first_name),
                    spec.start,
                    spec.id,
                ),
            )
        for held, spec, voters in elections:
            against = rng.choice([0, 0, 0, 1])
            w.add(
                t["election"],
                (
                    body.id,
                    held,
                    spec.person.id,
                    True,
                    max(3, voters),
                    against,
                    rng.choice([0, 0, 1]),
                    spec.id,
                    "",
                    datetime.datetime.combine(held, datetime.time(18), tzinfo=ctx.tz),
                ),
            )


# Stage 2: meetings, attendance and published minutes


def _years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def build_meetings(ctx: Context, area: AreaSpec) -> None:
    rng = random.Random(f"{ctx.options.seed}:{area.slug}:meetings")
    w, t, today = ctx.writer, ctx.t, ctx.today
    marker = 987_654_321
    meeting_url = reverse("portal:meeting", kwargs={"area_slug": area.slug, "pk": marker})
    rooms = [room.format(town=area.name) for room in T.ROOMS]
    for body in area.groups:
        ids = [w.reserve(t["meeting"]) for _day in body.days]
        body.meetings = [(ids[i], d) for i, (d, _h, _m) in enumerate(body.days) if d < today]
        held_days = [d for _id, d in body.meetings]
        room = rng.choice(rooms)
        name_html = _nbsp(body.name)
        topical = T.AGENDA_STEERING if body.kind == K.STEERING_GROUP else T.AGENDA_GROUP
        for index, (day, hour, minute) in enumerate(body.days):
            meeting_id = ids[index]
            starts = datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ctx.tz)
            ends = starts + datetime.timedelta(minutes=rng.choice([90, 120, 120, 150]))
            held = day < today
            online = (
                datetime.date(2020, 3, 15) <= day <= datetime.date(2021, 5, 31)
                and rng.random() < 0.6
            )
            place = "" if online else (room if rng.random() < 0.9 else rng.choice(rooms))
            invitation = starts - datetime.timedelta(days=rng.randint(7, 14), hours=4)
            created = starts - datetime.timedelta(days=30)
            w.add(
                t["meeting"],
                (
                    body.id,
                    "",
                    starts,
                    ends,
                    place,
                    f"https://meet.example.cz/{area.slug}-{meeting_id}" if online else "",
                    Meeting.Status.HELD if held else Meeting.Status.PLANNED,
                    "",
                    invitation if invitation < ctx.now else None,
                    created,
                    ends + datetime.timedelta(days=1) if held else created,
                ),
                pk=meeting_id,
            )
            titles = [T.AGENDA_FIRST]
            if index:
                titles.append(T.AGENDA_TASKS)
            titles += rng.sample(topical, rng.randint(1, 4))
            titles.append(T.AGENDA_LAST)
            for position, title in enumerate(titles, start=1):
                proposer = rng.choice(["", "", "vedoucí skupiny", "koordinátorka"])
                w.add(t["agenda"], (meeting_id, position, title, proposer, ""))
            if held:
                _minutes(
                    ctx,
                    rng,
                    area,
                    body,
                    meeting_id,
                    starts,
                    ends,
                    place,
                    name_html,
                    titles,
                    held_days,
                    meeting_url.replace(str(marker), str(meeting_id)),
                )


def _minutes(
    ctx: Context,
    rng: random.Random,
    area: AreaSpec,
    body: BodySpec,
    meeting_id: int,
    starts: datetime.datetime,
    ends: datetime.datetime,
    place: str,
    name_html: str,
    titles: list[str],
    held_days: list[datetime.date],
    url: str,
) -> None:
    w, t, L = ctx.writer, ctx.t, ctx.labels
    day = starts.date()
    roster = sorted((s for s in body.memberships if s.active_on(day)), key=lambda s: s.order)

    # The attendance list and what follows from it (meetings.selectors.attendance_summary).
    rows = []
    for spec in roster:
        if spec.function == F.GUEST:
            status = Attendance.Status.PRESENT
        else:
            roll = rng.random()
            status = "present" if roll < 0.78 else "excused" if roll < 0.92 else "absent"
        w.add(t["attendance"], (meeting_id, spec.id, status, None))
        rows.append((spec, status))
    voting = [(s, st) for s, st in rows if s.function != F.GUEST]
    present = [s for s, st in voting if st == "present"]
    quorum = bool(voting) and len(present) * 100 > 50 * len(voting)
    sides = {s.side for s in present}
    missing = [L["sides"][side] for side in (C, P, U) if side not in sides]
    guests = []
    if rng.random() < 0.12:
        for _guest in range(rng.randint(1, 2)):
            female = rng.random() < 0.6
            first = rng.choice(
                CzechNames.first_names_female if female else CzechNames.first_names_male
            )
            last = rng.choice(
                CzechNames.last_names_female if female else CzechNames.last_names_male
            )
            guests.append((f"{first} {last}", rng.choice(T.GUEST_ORGS)))
        guests.sort()
        for name, organization in guests:
            w.add(t["guest"], (meeting_id, name, organization, ""))
    leader = next((s for s in roster if s.function == F.LEADER), None)
    a = "a" if leader is None or leader.person.female else ""
    opening = rng.choice(T.OPENINGS).format(
        a=a, quorum=rng.choice(T.QUORUM_YES if quorum else T.QUORUM_NO)
    )
    closing = rng.choice(T.CLOSINGS).format(a=a)

    # The text: a discussion per agenda item, most of it in the topical items.
    sections = [(title, []) for title in titles]  # title, paragraphs (text, HTML, length)
    topical = [i for i, title in enumerate(titles) if title not in (T.AGENDA_FIRST, T.AGENDA_LAST)]
    topical = [i for i in topical if titles[i] != T.AGENDA_TASKS] or topical or [0]
    for i, title in enumerate(titles):
        if title == T.AGENDA_TASKS:
            sections[i][1].append(rng.choice(ctx.short["tasks"]))
        elif title == T.AGENDA_LAST and rng.random() < 0.7:
            sections[i][1].append(rng.choice(ctx.short["other"]))
    factor = min(3.0, max(0.3, rng.lognormvariate(0, 0.45))) / 1.1
    budget = ctx.options.text_scale * 9000 * factor - 500 - 75 * len(rows) - 150 * len(titles)
    pool = ctx.pool
    while budget > 0:
        paragraph = pool[rng.randrange(len(pool))]
        sections[rng.choice(topical)][1].append(paragraph)
        budget -= paragraph[2] + 1
    ctx.minutes_count += 1
    minutes_id = w.reserve(t["minutes"])
    if (ctx.minutes_count - 1) % T.RARE_EVERY == 0:
        sections[rng.choice(topical)][1].append(ctx.rare)
        ctx.rare_minutes.append((minutes_id, meeting_id, url))

    # Resolutions and tasks.
    group = "Řídící skupina" if body.kind == K.STEERING_GROUP else "Pracovní skupina"
    resolutions: dict[int, list] = {}
    for _r in range(rng.choice([1, 1, 2, 2, 3])):
        text = rng.choice(T.RESOLUTIONS).format(group=group)
        against, abstained = rng.choice([0, 0, 1]), rng.choice([0, 0, 1, 2])
        votes = None
        if rng.random() < 0.35 and len(present) > against + abstained:
            votes = (len(present) - against - abstained, against, abstained)
        resolutions.setdefault(rng.choice(topical), []).append((text, votes))
    voters = [s.person for s, _st in voting]
    tasks: dict[int, list] = {}
    for _t in range(rng.choices([0, 1, 2], weights=[30, 45, 25])[0]):
        person = rng.choice(voters) if voters and rng.random() < 0.9 else None
        due = day + datetime.timedelta(days=rng.choice([14, 30, 45, 60, 90]))
        tasks.setdefault(rng.choice(topical), []).append((rng.choice(T.TASKS), person, due))

    # The rows of the minutes.
    published_at = min(
        ends + datetime.timedelta(days=rng.randint(2, 20), hours=rng.randint(0, 5)),
        ctx.now - datetime.timedelta(minutes=5),
    )
    w.add(
        t["minutes"],
        (meeting_id, Minutes.Status.PUBLISHED, opening, closing, rng.randint(1, 6), published_at),
        pk=minutes_id,
    )
    out = [
        '<section class="minutes-document">\n<p class="meta">',
        L["body"],
        ": ",
        name_html,
        "<br>\n",
        L["date"],
        ": ",
        date_format(starts, "DATETIME_FORMAT"),
    ]
    if place:
        out += ["<br>\n", L["place"], ": ", _nbsp(place)]
    out += [
        "</p>\n\n<h2>",
        L["attendance"],
        "</h2>\n<p>",
        L["present"] % {"present": len(present), "members": len(voting)},
        "\n",
        L["quorum"] if quorum else L["no_quorum"],
        "\n",
    ]
    if missing:
        out.append(L["missing"] % {"sides": ", ".join(missing)})
    out += ["</p>\n<table>\n  ", L["head"], "\n  <tbody>"]
    for spec, status in rows:
        person = spec.person
        name = escape(person.full_name) if person.consent else L["not_published"]
        guest = f" ({L['guest_no_vote']})" if spec.function == F.GUEST else ""
        org = escape(spec.org.name) if spec.org else L["private"]
        out += [
            f'\n  <tr><td><span data-person="{person.id}">{name}</span>{guest}</td>\n    <td>',
            f"{org}</td><td>{L['sides'][spec.side]}</td><td>{L['status'][status]}</td></tr>\n  ",
        ]
    out.append("</tbody>\n</table>\n")
    if guests:
        out += ["<p>", L["guests"], ": ", ", ".join(escape(o) for _n, o in guests), "</p>"]
    out += ["\n\n<h2>", L["opening"], "</h2>", _linebreaks(opening), "\n\n"]
    for number, (title, paragraphs) in enumerate(sections, start=1):
        section_id = w.add(
            t["section"], (minutes_id, number, title, "\n\n".join(p[0] for p in paragraphs))
        )
        out += ["\n<h2>", str(number), ". ", _nbsp(title), "</h2>\n"]
        if paragraphs:
            out.append("\n\n".join(p[1] for p in paragraphs))
        out.append("\n")
        for n, (text, votes) in enumerate(resolutions.get(number - 1, ()), start=1):
            if votes is None:
                w.add(t["resolution"], (section_id, text, "consensus", None, None, None))
                adoption = L["consensus"]
            else:
                w.add(t["resolution"], (section_id, text, "vote", *votes))
                adopted = votes[0] * 2 > sum(votes)
                adoption = (
                    L["vote"] % {"f": votes[0], "a": votes[1], "z": votes[2]}
                    + " "
                    + (L["adopted"] if adopted else L["not_adopted"])
                )
            out += [
                '\n<div class="resolution">\n  <h3>',
                L["resolution"] % {"item": number, "n": n},
                "</h3>\n  ",
                _linebreaks(text),
                '\n  <p class="small">',
                adoption,
                "</p>\n</div>\n",
            ]
        out.append("\n")
        section_tasks = []
        for text, person, due in tasks.get(number - 1, ()):
            task_id = _task(
                ctx, rng, body, minutes_id, section_id, text, person, day, due, held_days
            )
            section_tasks.append((due, task_id, text, person))
        if section_tasks:
            out += ["\n<h3>", L["tasks"], "</h3>\n<table>\n  ", L["task_head"], "\n  <tbody>"]
            for due, _id, text, person in sorted(section_tasks, key=lambda x: (x[0], x[1])):
                if person is None:
                    who = "—"
                else:
                    name = escape(person.full_name) if person.consent else L["not_published"]
                    who = f'<span data-person="{person.id}">{name}</span>'
                out.append(
                    f"<tr><td>{_nbsp(text)}</td><td>{who}</td>"
                    f"<td>{date_format(due, 'SHORT_DATE_FORMAT')}</td></tr>"
                )
            out.append("</tbody>\n</table>\n")
        out.append("\n")
    out += ["\n\n<h2>", L["closing"], "</h2>", _linebreaks(closing), "\n</section>\n"]
    html = "".join(out)
    text = _plain(html)
    ctx.text_chars += len(text)
    w.add(
        t["version"],
        (minutes_id, 1, published_at, None, "", html, text, PLACEHOLDER_PDF, ctx.pdf_size),
    )
    w.add(
        t["search"],
        (
            area.id,
            body.id,
            SearchDocument.Kind.MINUTES,
            minutes_id,
            f"{body.name} ({date_format(day, 'SHORT_DATE_FORMAT')})",
            text,
            day,
            url,
        ),
    )


def _task(ctx, rng, body, minutes_id, section_id, text, person, day, due, held_days) -> int:
    """A task set at the meeting of `day`; most are closed at the first meeting from about
    their due day on."""
    status, closed_on, note, closed_at = Task.Status.OPEN, None, "", None
    index = bisect.bisect_left(
        held_days, max(day + datetime.timedelta(days=1), due - datetime.timedelta(days=20))
    )
    if index < len(held_days) and rng.random() < 0.96:
        closed_at, closed_on = body.meetings[index]
        if rng.random() < 0.97:
            status, note = Task.Status.DONE, rng.choice(T.TASK_DONE)
        else:
            status, note = Task.Status.DROPPED, rng.choice(T.TASK_DROPPED)
    return ctx.writer.add(
        ctx.t["task"],
        (
            minutes_id,
            section_id,
            text,
            person.id if person else None,
            due,
            status,
            closed_on,
            note,
            closed_at,
        ),
    )


# Stage 3: needs and community plans


@dataclass(eq=False)
class ItemSpec:
    kind: str
    title: str
    key: uuid.UUID
    description: str = ""
    owner: BodySpec | None = None
    target_group: str = ""
    profile: str = ""
    problem_areas: str = ""
    start_year: int | None = None
    end_year: int | None = None
    topic: dict | None = None
    children: list = field(default_factory=list)
    parties: list = field(default_factory=list)  # ("body" | "organization" | "person", id)
    indicators: list = field(default_factory=list)  # (key, name, unit, baseline, {year: v})
    costs: list = field(default_factory=list)  # (year, source, amount)

    @property
    def is_action(self) -> bool:
        return self.kind in PlanItem.ACTION_KINDS

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


SOURCES = list(FundingSource.values)
# not started, in progress, done, postponed, cancelled: in a plan's last year, and before it
EVALUATION_WEIGHTS = {False: [10, 55, 20, 10, 5], True: [5, 20, 45, 15, 15]}


def _owner(area: AreaSpec, topic: dict, day: datetime.date) -> BodySpec | None:
    for body in area.working_groups:
        covers = body.topic["key"] == topic["key"] or topic["key"] in body.topic.get("keys", ())
        if covers and body.active_on(day):
            return body
    return None


def _action(rng, area, item: ItemSpec, first: int, last: int, owner) -> None:
    item.start_year = rng.randint(first, last) if rng.random() < 0.5 else first
    item.end_year = rng.randint(item.start_year, last) if rng.random() < 0.5 else last
    if item.kind == IK.MEASURE:
        if owner is not None and rng.random() < 0.7:
            item.parties.append(("body", owner.id))
        if not item.parties or rng.random() < 0.4:
            item.parties.append(("organization", rng.choice(area.orgs).id))
    elif rng.random() < 0.7:
        item.parties.append(("organization", rng.choice(area.orgs).id))
    else:
        item.parties.append(("person", rng.choice(area.persons).id))
    count = (1 if rng.random() < 0.7 else 2) if item.kind == IK.MEASURE else int(rng.random() < 0.3)
    for name, unit in rng.sample(T.INDICATORS, count):
        baseline = rng.randint(5, 200)
        targets = {
            year: Decimal(round(baseline * (1 + 0.06 * (n + 1))))
            for n, year in enumerate(range(item.start_year, item.end_year + 1))
        }
        item.indicators.append((_uuid(rng), name, unit, Decimal(baseline), targets))


def _costs(rng, item: ItemSpec) -> None:
    for year in range(item.start_year, item.end_year + 1):
        for source in rng.sample(SOURCES, rng.choice([1, 1, 2])):
            item.costs.append((year, source, Decimal(rng.randint(20, 1500) * 1000)))


def _tree(rng, area: AreaSpec, first: int, last: int, day: datetime.date) -> list[ItemSpec]:
    """The strategy tree of a plan: a support area per working group's topic, then
    priorities, goals, measures and activities (about 43 items)."""
    topics = []
    for body in area.working_groups:
        if not body.topic.get("keys"):
            topics.append(body.topic)
    roots = []
    for topic in topics:
        owner = _owner(area, topic, day)
        problems = rng.sample(topic["problems"], rng.randint(2, len(topic["problems"])))
        root = ItemSpec(
            IK.SUPPORT_AREA,
            topic["area"],
            _uuid(rng),
            description=f"Oblast podpory navazuje na práci skupiny {topic['name']}.",
            owner=owner,
            target_group=topic["target_group"],
            profile=topic["profile"],
            problem_areas="\n".join(problems),
            topic=topic,
        )
        roots.append(root)
        for priority_title in rng.sample(topic["priorities"], rng.choice([1, 1, 1, 2, 2])):
            priority = ItemSpec(
                IK.PRIORITY,
                priority_title,
                _uuid(rng),
                description=f"Priorita reaguje na problém: {rng.choice(problems)}.",
            )
            root.children.append(priority)
            for goal_title in rng.sample(topic["goals"], rng.choice([1, 1, 1, 1, 2])):
                goal = ItemSpec(IK.GOAL, goal_title, _uuid(rng))
                priority.children.append(goal)
                count = rng.choices([1, 2, 3], weights=[35, 45, 20])[0]
                for measure_title in rng.sample(topic["measures"], count):
                    measure = ItemSpec(
                        IK.MEASURE,
                        measure_title,
                        _uuid(rng),
                        description=f"Cílem opatření je {goal_title[0].lower()}{goal_title[1:]}"
                        f". Opatření reaguje na problém: {rng.choice(problems)}.",
                    )
                    goal.children.append(measure)
                    _action(rng, area, measure, first, last, owner)
                    count = rng.choices([0, 1, 2, 3], weights=[20, 40, 30, 10])[0]
                    for activity_title in rng.sample(topic["activities"], count):
                        activity = ItemSpec(IK.ACTIVITY, activity_title, _uuid(rng))
                        measure.children.append(activity)
                        _action(rng, area, activity, measure.start_year, measure.end_year, owner)
                    if measure.children and rng.random() < 0.5:
                        for activity in measure.children:
                            _costs(rng, activity)
                    else:
                        _costs(rng, measure)
    return roots


def _write_tree(ctx: Context, version_id: int, roots: list[ItemSpec]) -> list:
    """The rows of a version's tree; returns (id, item, number, root) in reading order."""
    w, t = ctx.writer, ctx.t
    written = []

    def write(item: ItemSpec, parent_id, position, number, root):
        item_id = w.add(
            t["item"],
            (
                version_id,
                parent_id,
                item.kind,
                position,
                item.key,
                item.title,
                item.description,
                item.owner.id if item.owner else None,
                item.target_group,
                item.profile,
                item.problem_areas,
                item.start_year,
                item.end_year,
                0,
            ),
        )
        written.append((item_id, item, number, root or item))
        for kind, party in item.parties:
            row = (item_id, party if kind == "body" else None, party if kind == "person" else None)
            w.add(t["responsibility"], (*row, party if kind == "organization" else None))
        for key, name, unit, baseline, targets in item.indicators:
            indicator_id = w.add(t["indicator"], (item_id, key, name, unit, baseline))
            for year, value in targets.items():
                w.add(t["target"], (indicator_id, year, value))
        for year, source, amount in item.costs:
            w.add(t["cost"], (item_id, year, source, amount))
        for n, child in enumerate(item.children, start=1):
            write(child, item_id, n, f"{number}.{n}", root or item)

    for n, root in enumerate(roots, start=1):
        write(root, None, n, str(n), None)
    return written


def _needs(ctx: Context, rng, area: AreaSpec) -> list[dict]:
    groups = [b for b in area.working_groups if b.meetings]
    needs = []
    for _n in range(rng.randint(15, 25)):
        need = {"id": ctx.writer.reserve(ctx.t["need"]), "text": rng.choice(T.NEEDS)}
        if groups and rng.random() < 0.75:
            body = rng.choice(groups)
            meeting_id, day = rng.choice(body.meetings)
            need.update(
                body=body,
                meeting=meeting_id,
                topic=body.topic,
                published=True,
                submitter=("", ""),
                status=rng.choices(["accepted", "new", "rejected"], weights=[55, 35, 10])[0],
                created=datetime.datetime.combine(day, datetime.time(17), tzinfo=ctx.tz),
            )
        else:
            female = rng.random() < 0.6
            first = rng.choice(
                CzechNames.first_names_female if female else CzechNames.first_names_male
            )
            last = rng.choice(
                CzechNames.last_names_female if female else CzechNames.last_names_male
            )
            published = rng.random() < 0.7
            day = _day_between(rng, ctx.start, ctx.today - datetime.timedelta(days=1))
            need.update(
                body=None,
                meeting=None,
                topic=rng.choice(T.TOPICS),
                published=published,
                submitter=(f"{first} {last}", f"{_ascii(first)}.{_ascii(last)}@example.com"),
                status="accepted" if published and rng.random() < 0.5 else "new",
                created=datetime.datetime.combine(day, datetime.time(10), tzinfo=ctx.tz),
            )
        needs.append(need)
    return needs


def _write_needs(ctx: Context, area: AreaSpec, needs: list[dict]) -> None:
    w, t = ctx.writer, ctx.t
    url = reverse("portal:needs", kwargs={"area_slug": area.slug})
    for need in needs:
        body = need["body"]
        reason = ""
        if need["status"] == "rejected":
            reason = T.NEED_REJECTIONS[need["id"] % len(T.NEED_REJECTIONS)]
        target_group = need["topic"]["target_group"]
        w.add(
            t["need"],
            (
                area.id,
                need["text"],
                target_group,
                need["status"],
                reason,
                body.id if body else None,
                need["meeting"],
                *need["submitter"],
                need["published"],
                need["created"],
                need["created"],
            ),
            pk=need["id"],
        )
        if need["published"]:
            text = need["text"]
            w.add(
                t["search"],
                (
                    area.id,
                    body.id if body else None,
                    SearchDocument.Kind.NEED,
                    need["id"],
                    (text if len(text) <= 80 else text[:79] + "…")[:300],
                    f"{text}\n{target_group}",
                    need["created"].astimezone(UTC).date(),
                    f"{url}?potreba={need['id']}#potreba-{need['id']}",
                ),
            )


def build_plans(ctx: Context, area: AreaSpec) -> None:
    rng = random.Random(f"{ctx.options.seed}:{area.slug}:plans")
    w, t, today = ctx.writer, ctx.t, ctx.today
    needs = _needs(ctx, rng, area)
    count = ctx.options.plans
    has_draft = count >= 2 and rng.random() < 0.5
    current = today.year - rng.randint(0, 2)
    periods = [(current, current + 2, S.IN_FORCE)]
    first = current
    for _p in range(count - 1 - int(has_draft)):
        length = rng.choice([1, 2, 2, 3])
        periods.insert(0, (first - length, first - 1, S.ARCHIVED))
        first -= length
    if has_draft:
        periods.append((current + 3, current + 5, S.DRAFT))
    for ordinal, (first, last, kind) in enumerate(periods, start=1):
        plan_id = w.add(
            t["plan"],
            (
                area.id,
                ordinal,
                f"Komunitní plán sociálních služeb {area.name} {first}–{last}",
                first,
                last,
                datetime.datetime(first - 1, 6, 1, 9, tzinfo=ctx.tz),
            ),
        )
        _plan(ctx, rng, area, plan_id, first, last, kind, needs)
    _write_needs(ctx, area, needs)


def _plan(ctx, rng, area, plan_id, first, last, kind, needs) -> None:
    w, t, today = ctx.writer, ctx.t, ctx.today
    D = datetime.date
    # (status, comments from, comments until, in force from)
    if kind == S.DRAFT:
        versions = [(S.DRAFT, None, None, None)]
    else:
        comments = D(first - 1, 9, rng.randint(1, 15))
        v1 = (kind, comments, comments + datetime.timedelta(days=rng.randint(21, 30)))
        versions = [(*v1, D(first, 1, 1))]
        second = rng.random() < (0.3 if kind == S.IN_FORCE else 0.15)
        if second and D(first, 7, 1) < today:
            versions = [
                (S.ARCHIVED, *versions[0][1:]),
                (kind, D(first, 3, 1), D(first, 3, 25), D(first, 7, 1)),
            ]
    day = min(versions[-1][3] or today, today)
    roots = _tree(rng, area, first, last, day)
    previous = None
    written = []
    for number, (status, comments_from, comments_until, in_force_from) in enumerate(
        versions, start=1
    ):
        if number == 2:  # a change: one more activity under a measure
            measures = [i for root in roots for i in root.walk() if i.kind == IK.MEASURE]
            measure = rng.choice(measures)
            titles = _topic_activities(roots, measure)
            activity = ItemSpec(IK.ACTIVITY, rng.choice(titles), _uuid(rng))
            _action(rng, area, activity, measure.start_year, measure.end_year, None)
            measure.children.append(activity)
        created = datetime.datetime.combine(
            comments_from - datetime.timedelta(days=30) if comments_from else today,
            datetime.time(9),
            tzinfo=ctx.tz,
        )
        updated = datetime.datetime.combine(
            in_force_from or comments_until or today, datetime.time(9), tzinfo=ctx.tz
        )
        version_id = w.add(
            t["plan_version"],
            (
                plan_id,
                number,
                status,
                previous,
                rng.choice(T.VISIONS),
                rng.choice(T.INTRODUCTIONS),
                comments_from,
                comments_until,
                in_force_from,
                min(created, ctx.now),
                min(updated, ctx.now),
            ),
        )
        previous = version_id
        written = _write_tree(ctx, version_id, roots)
        if status != S.DRAFT:
            _approval(ctx, rng, area, version_id, comments_until)
            _comments(ctx, rng, area, version_id, written, comments_from, comments_until)
        if status == S.IN_FORCE:
            _index_plan(ctx, area, version_id, written)
            _answer_needs(ctx, rng, written, needs)
    if kind != S.DRAFT:
        _evaluations(ctx, rng, area, plan_id, written, first, last)


def _topic_activities(roots, measure) -> list[str]:
    for root in roots:
        if any(item is measure for item in root.walk()):
            return root.topic["activities"]
    return [T.TOPICS[0]["activities"][0]]


def _approval(ctx, rng, area: AreaSpec, version_id: int, comments_until) -> None:
    """Working groups, the steering group, the council and the assembly decide in turn after
    the comment period, at a meeting where the body had one."""
    cursor = comments_until
    groups = [b for b in area.working_groups if b.active_on(cursor)] or area.working_groups
    stages = [[(1, b) for b in rng.sample(groups, min(2, len(groups)))]]
    stages += [[(2, area.steering)], [(3, area.council)], [(4, area.assembly)]]
    prefix = {1: "PS", 2: "ŘS", 3: "RM", 4: "ZM"}
    for stage in stages:
        latest = cursor
        for number, body in stage:
            decided, meeting = None, None
            for meeting_id, day in body.meetings:
                if cursor < day <= cursor + datetime.timedelta(days=45):
                    decided, meeting = day, meeting_id
                    break
            if decided is None:
                decided = cursor + datetime.timedelta(days=rng.randint(5, 20))
            if decided > ctx.today:
                decided, meeting = ctx.today, None
            resolution = f"{prefix[number]}/{rng.randint(1, 60)}/{decided.year}"
            ctx.writer.add(
                ctx.t["step"], (version_id, number, body.id, decided, resolution, meeting)
            )
            latest = max(latest, decided)
        cursor = latest


def _comments(ctx, rng, area, version_id, written, comments_from, comments_until) -> None:
    decisions = ["accepted", "partly", "rejected"]
    for number in range(1, rng.randint(0, 3) + 1):
        item_id, section = None, ""
        if rng.random() < 0.6:
            item_id, item, label, _root = rng.choice(written)
            section = f"{label} {item.title}"[:600]
        if rng.random() < 0.5:
            person, author = rng.choice(area.persons).id, ("", "")
        else:
            first = rng.choice(CzechNames.first_names_male)
            last = rng.choice(CzechNames.last_names_male)
            person, author = None, (f"{first} {last}", f"{_ascii(last).lower()}@example.com")
        decision = rng.randrange(3)
        created = datetime.datetime.combine(
            comments_from + datetime.timedelta(days=rng.randint(0, 20)),
            datetime.time(11),
            tzinfo=ctx.tz,
        )
        ctx.writer.add(
            ctx.t["comment"],
            (
                version_id,
                number,
                item_id,
                section,
                rng.choice(T.PLAN_COMMENTS),
                person,
                *author,
                created,
                decisions[decision],
                T.COMMENT_REASONS[decision],
                area.steering.id,
                comments_until + datetime.timedelta(days=rng.randint(3, 10)),
            ),
        )


def _index_plan(ctx: Context, area: AreaSpec, version_id: int, written: list) -> None:
    """search.services.index_plan for the version in force."""
    url = reverse("portal:plan_version", kwargs={"area_slug": area.slug, "pk": version_id})
    for item_id, item, number, root in written:
        text = "\n".join(
            part
            for part in (item.description, item.target_group, item.profile, item.problem_areas)
            if part
        )
        ctx.writer.add(
            ctx.t["search"],
            (
                area.id,
                root.owner.id if root.owner else None,
                SearchDocument.Kind.PLAN_ITEM,
                item_id,
                f"{number} {item.title}"[:300],
                text,
                None,
                f"{url}#polozka-{item_id}",
            ),
        )


def _answer_needs(ctx, rng, written, needs) -> None:
    """Measures of the version in force answer some of the published needs."""
    measures = [(item_id, root) for item_id, item, _n, root in written if item.kind == IK.MEASURE]
    if not measures:
        return
    for need in needs:
        if not need["published"] or need["status"] == "rejected" or rng.random() > 0.4:
            continue
        matching = [m for m in measures if m[1].topic["key"] == need["topic"]["key"]]
        item_id, _root = rng.choice(matching or measures)
        ctx.writer.add(ctx.t["item_need"], (item_id, need["id"]))
        need["status"] = "addressed"


def _evaluations(ctx, rng, area, plan_id, written, first, last) -> None:
    """The yearly monitoring of the measures and activities, up to last year."""
    for year in range(first, min(last, ctx.today.year - 1) + 1):
        statuses, weights = Evaluation.Status.values, EVALUATION_WEIGHTS[year == last]
        updated = datetime.datetime(year + 1, 1, rng.randint(5, 28), 10, tzinfo=ctx.tz)
        for _id, item, _number, _root in written:
            if not item.is_action or rng.random() > 0.7:
                continue
            if not item.start_year <= year <= item.end_year:
                continue
            evidence = f"https://{area.slug}.example.cz/kpss/{year}" if rng.random() < 0.3 else ""
            ctx.writer.add(
                ctx.t["evaluation"],
                (
                    plan_id,
                    item.key,
                    year,
                    rng.choices(statuses, weights=weights)[0],
                    rng.choice(T.NARRATIVES),
                    evidence,
                    None,
                    min(updated, ctx.now),
                ),
            )
            for key, _name, _unit, baseline, targets in item.indicators:
                value = targets.get(year, baseline) * Decimal(rng.randint(70, 120)) / 100
                ctx.writer.add(
                    ctx.t["indicator_value"],
                    (plan_id, key, year, value.quantize(Decimal("0.01"))),
                )


# The run


@dataclass
class Result:
    areas: list[str]
    counts: dict[str, int]
    timings: list[tuple[str, float]]
    rare_minutes: list  # (minutes id, meeting id, URL of the meeting page)
    average_text: int  # characters of the published minutes' text, on average


@contextlib.contextmanager
def _fast_writes():
    """SQLite: no fsync and no write-ahead log while generating (the log would hold the
    whole run before it reaches the database), a bigger cache; all back afterwards.
    PostgreSQL: asynchronous commit and more memory for the text search index, for this
    transaction only (set in `generate`)."""
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield
        return
    with connection.cursor() as cursor:
        journal = cursor.execute("PRAGMA journal_mode").fetchone()[0]
        synchronous = cursor.execute("PRAGMA synchronous").fetchone()[0]
        if journal not in ("memory", "off"):
            try:
                cursor.execute("PRAGMA journal_mode=DELETE")
            except OperationalError:  # another connection is open: keep the log
                journal = "off"
        cursor.execute("PRAGMA synchronous=OFF")
        cursor.execute("PRAGMA cache_size=-262144")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA synchronous={int(synchronous)}")
            if journal not in ("memory", "off"):
                cursor.execute(f"PRAGMA journal_mode={journal}")


def generate(options: Options, log: Callable[[str], None] = print) -> Result:
    """Write `options.areas` new areas; raises SlugsTaken (and writes nothing) when their
    addresses are taken and `options.append` is not set."""
    today = options.today or timezone.localdate()
    taken = set(Area.objects.values_list("slug", flat=True))
    names = area_names(options.areas, taken, append=options.append)
    timings = []
    clock = time.perf_counter()
    pdf_size = _placeholder_pdf()
    rng = random.Random(f"{options.seed}:pool")

    def prepared(paragraph: str) -> tuple:
        return (paragraph, f"<p>{_nbsp(paragraph)}</p>", len(paragraph))

    with translation.override("cs"), _fast_writes(), transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit = off")
                cursor.execute("SET LOCAL work_mem = '256MB'")
                cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
        writer = Writer()
        ctx = Context(
            options=options,
            writer=writer,
            t=_tables(writer),
            today=today,
            start=_years_before(today, options.years),
            now=timezone.now(),
            tz=ZoneInfo(settings.TIME_ZONE),
            pool=[prepared(p) for p in T.paragraph_pool(rng, POOL_SIZE)],
            short={
                "tasks": [prepared(p) for p in T.TASK_REVIEW],
                "other": [prepared(p) for p in T.OTHER_BUSINESS],
            },
            rare=prepared(T.RARE_SENTENCE),
            labels=_labels(),
            pdf_size=pdf_size,
        )
        stages = [
            ("areas, bodies, organizations, persons, memberships", build_area),
            ("meetings, attendance, minutes", build_meetings),
            ("needs and community plans", build_plans),
        ]
        areas: list = list(names)
        for number, (title, build) in enumerate(stages, start=1):
            log(f"Stage {number}/4: {title}")
            started = time.perf_counter()
            step = max(1, len(areas) // 10)
            for index, item in enumerate(areas, start=1):
                if number == 1:
                    areas[index - 1] = build(ctx, *item)
                else:
                    build(ctx, item)
                if index % step == 0 or index == len(areas):
                    elapsed = time.perf_counter() - started
                    log(f"  {index}/{len(areas)} areas, {elapsed:.1f} s")
            timings.append((title, time.perf_counter() - started))
        log("Stage 4/4: writing the rest and committing")
        started = time.perf_counter()
        writer.flush_all()
        writer.reset_sequences()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT gin_clean_pending_list('search_document_words'::regclass)")
            cursor.execute("ANALYZE")
    timings.append(("writing the rest, committing", time.perf_counter() - started))
    timings.append(("total", time.perf_counter() - clock))
    return Result(
        areas=[a.slug for a in areas],
        counts=writer.counts(),
        timings=timings,
        rare_minutes=ctx.rare_minutes,
        average_text=ctx.text_chars // max(1, ctx.minutes_count),
    )
