"""The datasets of an area, as rows for the writers in `streaming.py`.

Each dataset is read in a fixed number of queries (a few per CHUNK_SIZE rows), row by row,
never as a whole list. The public variant (open data) follows the portal's rules: a person's
name only with consent (an empty cell otherwise), never contact data; the staff variant, for
the area's coordinators, has every name, the contacts and the consent."""

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice

from django.db.models import Prefetch, Sum
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from triada.meetings.models import Meeting
from triada.minutes.models import UploadedMinutes, Version
from triada.people.models import Membership, TriadSide
from triada.people.public import public_name
from triada.planning.models import PlanItem, PlanVersion, Responsibility
from triada.structure.models import Body, BodyRelation

from . import streaming
from .streaming import Column


class Links:
    """Absolute addresses of the public pages, from the address the site was reached at."""

    def __init__(self, base_url: str):
        self.base = base_url.rstrip("/")

    def to(self, name: str, **kwargs) -> str:
        return self.base + reverse(name, kwargs=kwargs)


def _labels(choices) -> dict[str, str]:
    return {value: str(label) for value, label in choices}


@dataclass(frozen=True)
class Dataset:
    slug: str  # in the URL: /<area>/otevrena-data/<slug>.csv
    title: str
    description: str
    columns: Callable[[bool], list[Column]]  # (staff) → columns
    rows: Callable[..., Iterator[tuple]]  # (area, *, staff, links) → rows
    count: Callable[..., int]  # (area, *, staff) → number of rows


# Bodies


def _body_columns(staff: bool) -> list[Column]:
    return [
        Column("id", _("ID"), 8),
        Column("name", _("Name"), 40),
        Column("short_name", _("Abbreviation"), 12),
        Column("kind", _("Kind"), 20),
        Column("established_on", _("Established on"), 14),
        Column("dissolved_on", _("Dissolved on"), 14),
        Column("reports_to", _("Reports to"), 40),
        Column("url", _("Public page"), 50),
    ]


def _bodies(area):
    return Body.objects.filter(area=area)


def _body_rows(area, *, staff: bool, links: Links) -> Iterator[tuple]:
    # An area has tens of bodies, so their relations are read at once.
    reports_to = defaultdict(list)
    for source_id, target in (
        BodyRelation.objects.filter(source__area=area, kind=BodyRelation.Kind.REPORTS_TO)
        .order_by("target__position", "target__name")
        .values_list("source_id", "target__name")
    ):
        reports_to[source_id].append(target)
    kinds = _labels(Body.Kind.choices)
    rows = (
        _bodies(area)
        .order_by("position", "name", "pk")
        .values_list("pk", "name", "short_name", "kind", "established_on", "dissolved_on", "slug")
        .iterator(chunk_size=streaming.CHUNK_SIZE)
    )
    for pk, name, short_name, kind, established, dissolved, slug in rows:
        yield (
            pk,
            name,
            short_name,
            kinds.get(kind, kind),
            established,
            dissolved,
            ", ".join(reports_to[pk]),
            links.to("portal:body", area_slug=area.slug, body_slug=slug),
        )


# Memberships


def _membership_columns(staff: bool) -> list[Column]:
    columns = [
        Column("id", _("ID"), 8),
        Column("body_id", _("Body ID"), 8),
        Column("body", _("Body"), 35),
        Column("person", _("Person"), 30),
        Column("organization", _("Organization"), 35),
        Column("ico", _("IČO"), 10),
        Column("triad_side", _("Side of the triad"), 14),
        Column("function", _("Function"), 16),
        Column("start_on", _("From"), 12),
        Column("end_on", _("To"), 12),
    ]
    if staff:
        columns[4:4] = [
            Column("person_id", _("Person ID"), 8),
            Column("email", _("E-mail"), 30),
            Column("phone", _("Phone"), 16),
            Column("public_consent", _("Consents to publishing the name"), 12),
        ]
        columns.append(Column("note", _("Note"), 30))
    return columns


def _memberships(area):
    return Membership.objects.filter(body__area=area)


def _membership_rows(area, *, staff: bool, links: Links) -> Iterator[tuple]:
    sides = _labels(TriadSide.choices)
    functions = _labels(Membership.Function.choices)
    # Ordered by body and date, never by name: the order must not hint at a hidden name.
    memberships = (
        _memberships(area)
        .select_related("body", "person", "organization")
        .only(
            "triad_side",
            "function",
            "start_on",
            "end_on",
            "note",
            "body__name",
            "organization__name",
            "organization__ico",
            *(f"person__{f}" for f in PERSON_FIELDS),
        )
        .order_by("body__position", "body__name", "body_id", "start_on", "pk")
        .iterator(chunk_size=streaming.CHUNK_SIZE)
    )
    for m in memberships:
        person, organization = m.person, m.organization
        row = [
            m.pk,
            m.body_id,
            m.body.name,
            person.full_name if staff else (public_name(person) or ""),
            organization.name if organization else "",
            organization.ico if organization else "",
            sides.get(m.triad_side, m.triad_side),
            functions.get(m.function, m.function),
            m.start_on,
            m.end_on,
        ]
        if staff:
            row[4:4] = [person.pk, person.email, person.phone, person.public_consent]
            row.append(m.note)
        yield tuple(row)


PERSON_FIELDS = (
    "title_before",
    "first_name",
    "last_name",
    "title_after",
    "email",
    "phone",
    "public_consent",
    "erased_at",
)


# Meetings


def _meeting_columns(staff: bool) -> list[Column]:
    columns = [
        Column("id", _("ID"), 8),
        Column("body_id", _("Body ID"), 8),
        Column("body", _("Body"), 35),
        Column("title", _("Title"), 35),
        Column("starts_at", _("Starts at"), 17),
        Column("ends_at", _("Ends at"), 17),
        Column("place", _("Place"), 35),
        Column("status", _("Status"), 12),
        Column("url", _("Public page"), 50),
    ]
    if staff:
        columns.insert(7, Column("online_url", _("Online link"), 30))
    return columns


def _meetings(area):
    return Meeting.objects.filter(body__area=area)


def _meeting_rows(area, *, staff: bool, links: Links) -> Iterator[tuple]:
    statuses = _labels(Meeting.Status.choices)
    meetings = (
        _meetings(area)
        .order_by("starts_at", "pk")
        .values_list(
            "pk",
            "body_id",
            "body__name",
            "title",
            "starts_at",
            "ends_at",
            "place",
            "online_url",
            "status",
        )
        .iterator(chunk_size=streaming.CHUNK_SIZE)
    )
    for pk, body_id, body, title, starts, ends, place, online, status in meetings:
        row = [
            pk,
            body_id,
            body,
            title or body,
            starts,
            ends,
            place,
            statuses.get(status, status),
            links.to("portal:meeting", area_slug=area.slug, pk=pk),
        ]
        if staff:
            row.insert(7, online)
        yield tuple(row)


# Published minutes: each published version, and the minutes uploaded from the archive


def _minutes_columns(staff: bool) -> list[Column]:
    return [
        Column("source", _("Source"), 16),
        Column("meeting_id", _("Meeting ID"), 8),
        Column("body", _("Body"), 35),
        Column("date", _("Date"), 12),
        Column("title", _("Title"), 40),
        Column("version", _("Version"), 8),
        Column("published_at", _("Published at"), 17),
        Column("correction", _("What was corrected"), 30),
        Column("url", _("Public page"), 50),
        Column("pdf_url", _("PDF"), 50),
    ]


def _versions(area):
    return Version.objects.filter(minutes__meeting__body__area=area)


def _uploads(area):
    return UploadedMinutes.objects.filter(area=area, status=UploadedMinutes.Status.ACCEPTED)


def _minutes_rows(area, *, staff: bool, links: Links) -> Iterator[tuple]:
    written, uploaded = str(_("minutes in Triáda")), str(_("archive"))
    versions = (
        _versions(area)
        .order_by("minutes__meeting__starts_at", "minutes__meeting_id", "number")
        .values_list(
            "pk",
            "number",
            "published_at",
            "note",
            "pdf",
            "minutes__meeting_id",
            "minutes__meeting__title",
            "minutes__meeting__starts_at",
            "minutes__meeting__body__name",
        )
        .iterator(chunk_size=streaming.CHUNK_SIZE)
    )
    for pk, number, published, note, pdf, meeting_id, title, starts, body in versions:
        yield (
            written,
            meeting_id,
            body,
            streaming.local(starts).date(),
            title or body,
            number,
            published,
            note,
            links.to("portal:meeting", area_slug=area.slug, pk=meeting_id),
            links.to("portal:minutes_pdf", area_slug=area.slug, pk=pk) if pdf else "",
        )
    uploads = (
        _uploads(area)
        .order_by("date", "pk")
        .values_list("pk", "title", "date", "body__name", "uploaded_at")
        .iterator(chunk_size=streaming.CHUNK_SIZE)
    )
    for pk, title, date, body, uploaded_at in uploads:
        url = links.to("portal:uploaded_pdf", area_slug=area.slug, pk=pk)
        yield (uploaded, None, body or "", date, title, None, uploaded_at, "", "", url)


# The plan: the items of the version the portal shows (the version in force)


def shown_plan_version(area) -> PlanVersion | None:
    return (
        PlanVersion.objects.filter(plan__area=area, status=PlanVersion.Status.IN_FORCE)
        .select_related("plan")
        .order_by("-plan__first_year")
        .first()
    )


def _plan_columns(staff: bool) -> list[Column]:
    return [
        Column("number", _("No."), 10),
        Column("id", _("ID"), 8),
        Column("level", _("Level"), 14),
        Column("title", _("Title"), 50),
        Column("parent", _("Parent item"), 10),
        Column("responsible", _("Responsible"), 35),
        Column("start_year", _("From year"), 10),
        Column("end_year", _("To year"), 10),
        Column("costs_total", _("Costs in total (CZK)"), 16),
    ]


def _reading_order(version) -> tuple[list[int], dict[int, str], dict[int, int | None]]:
    """The items' ids in reading order with their numbers (1, 1.2, 1.2.3) and parents, from
    their ids alone: a plan has hundreds of items, not more."""
    children: dict[int | None, list[int]] = defaultdict(list)
    parents: dict[int, int | None] = {}
    for pk, parent_id in version.items.order_by("position", "pk").values_list("pk", "parent_id"):
        children[parent_id].append(pk)
        parents[pk] = parent_id
    order: list[int] = []
    numbers: dict[int, str] = {}
    stack = [(pk, str(i)) for i, pk in reversed(list(enumerate(children[None], start=1)))]
    while stack:
        pk, number = stack.pop()
        order.append(pk)
        numbers[pk] = number
        kids = children[pk]
        stack.extend((kid, f"{number}.{i}") for i, kid in reversed(list(enumerate(kids, 1))))
    return order, numbers, parents


def _responsible(item, staff: bool) -> str:
    names = []
    for responsibility in item.responsibilities.all():
        if responsibility.person_id:
            person = responsibility.person
            name = person.full_name if staff else public_name(person)
        else:
            name = (responsibility.body or responsibility.organization).name
        if name:
            names.append(name)
    return ", ".join(names)


def _plan_rows(area, *, staff: bool, links: Links) -> Iterator[tuple]:
    version = shown_plan_version(area)
    if version is None:
        return
    order, numbers, parents = _reading_order(version)
    kinds = _labels(PlanItem.Kind.choices)
    pks = iter(order)
    while batch := list(islice(pks, streaming.CHUNK_SIZE)):
        items = (
            PlanItem.objects.filter(pk__in=batch)
            .annotate(costs_total=Sum("costs__amount"))
            .only("kind", "title", "start_year", "end_year")
            .prefetch_related(
                Prefetch(
                    "responsibilities",
                    queryset=Responsibility.objects.select_related(
                        "body", "person", "organization"
                    ),
                )
            )
            .in_bulk()
        )
        for pk in batch:
            item = items[pk]
            parent = parents[pk]
            yield (
                numbers[pk],
                pk,
                kinds.get(item.kind, item.kind),
                item.title,
                numbers[parent] if parent else "",
                _responsible(item, staff),
                item.start_year,
                item.end_year,
                item.costs_total,
            )


def _plan_count(area, *, staff: bool) -> int:
    version = shown_plan_version(area)
    return version.items.count() if version else 0


DATASETS: dict[str, Dataset] = {
    d.slug: d
    for d in (
        Dataset(
            "organy",
            _("Bodies"),
            _("The bodies of community planning with their kind, dates and whom they report to."),
            _body_columns,
            _body_rows,
            lambda area, *, staff: _bodies(area).count(),
        ),
        Dataset(
            "clenove",
            _("Members of the bodies"),
            _(
                "Every membership: body, organization, side of the triad, function and dates. "
                "A person's name only when he or she agreed to its publication."
            ),
            _membership_columns,
            _membership_rows,
            lambda area, *, staff: _memberships(area).count(),
        ),
        Dataset(
            "jednani",
            _("Meetings"),
            _("Meetings of the bodies: when, where, their status and their page."),
            _meeting_columns,
            _meeting_rows,
            lambda area, *, staff: _meetings(area).count(),
        ),
        Dataset(
            "zapisy",
            _("Published minutes"),
            _(
                "Each published version of the minutes and the minutes from the archive, "
                "with links to their page and PDF."
            ),
            _minutes_columns,
            _minutes_rows,
            lambda area, *, staff: _versions(area).count() + _uploads(area).count(),
        ),
        Dataset(
            "plan",
            _("Community plan"),
            _(
                "The items of the plan in force: number, level, title, who is responsible, "
                "years and costs in total."
            ),
            _plan_columns,
            _plan_rows,
            _plan_count,
        ),
    )
}


def dataset_filename(area, dataset: Dataset, fmt: str) -> str:
    return f"{area.slug}-{dataset.slug}.{fmt}"
