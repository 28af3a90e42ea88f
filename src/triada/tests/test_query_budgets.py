"""Page query budgets: the number of queries of the structure and roster pages does not grow
with the data. Each page is measured on a small area and on one ten times larger."""

import datetime
from dataclasses import dataclass

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from triada.conftest import client_for
from triada.meetings import services as meeting_services
from triada.minutes import services as minutes_services
from triada.minutes.models import Minutes, Version
from triada.people import services as people_services
from triada.people.models import Membership, TriadSide
from triada.structure.models import Body
from triada.tests import factories

SIDES = [TriadSide.COMMISSIONER, TriadSide.PROVIDER, TriadSide.USER]


def build(scale: int):
    """An area with 2×scale working groups of 5×scale members, an election in each."""
    area = factories.make_area()
    coordinator = factories.make_coordinator(area)
    steering = factories.make_body(area, "ŘS", kind=Body.Kind.STEERING_GROUP)
    organizations = [factories.make_organization(area, side=s) for s in SIDES]
    groups = []
    for g in range(2 * scale):
        group = factories.make_body(
            area, f"PS {g}", reports_to=[steering], established_on=datetime.date(2015, 1, 1)
        )
        persons = []
        for i in range(5 * scale):
            person = factories.make_person(area, public_consent=i % 2 == 0)
            factories.make_membership(
                group,
                person,
                side=SIDES[i % 3],
                organization=organizations[i % 3],
                start_on=datetime.date(2017, 1, 1),
            )
            persons.append(person)
        people_services.leader_election_record(
            actor=None,
            body=group,
            held_on=datetime.date(2017, 2, 1),
            elected=persons[0],
            voters=persons,
            votes_for=len(persons),
        )
        for m in range(scale):
            starts = datetime.datetime(2019, 1 + m, 1, 15, tzinfo=datetime.UTC)
            meeting = meeting_services.meeting_create(
                actor=None, body=group, starts_at=starts, agenda=("Zahájení", "Různé")
            )
        for past in group.meetings.all():  # every meeting published, the last with a task
            record = minutes_services.minutes_start(actor=None, meeting=past)
            # Published without rendering a PDF: this test counts queries, not pages of PDF.
            Version.objects.create(
                minutes=record,
                number=1,
                html="<p>x</p>",
                text="x",
                pdf="zapisy/x.pdf",
                pdf_size=2048,
            )
            Minutes.objects.filter(pk=record.pk).update(status=Minutes.Status.PUBLISHED)
        minutes_services.task_add(
            actor=None, minutes=record, section=None, text="Úkol", responsible=persons[0]
        )
        meeting_services.attendance_record(  # the last meeting's attendance list
            actor=None,
            meeting=meeting,
            entries={ms.pk: ("present", None) for ms in group.memberships.active_on(starts.date())},
        )
        groups.append(group)
    return World(area, coordinator, groups[0], organizations[0], persons[0], meeting)


@dataclass
class World:
    area: object
    coordinator: object
    group: object
    organization: object
    person: object
    meeting: object


def pages(world: World):
    group, slug = world.group, world.area.slug
    meeting = world.meeting
    staff = {
        "staff organization": ("people:organization", {"pk": world.organization.pk}),
        "staff person": ("people:person", {"pk": world.person.pk}),
        "staff audit log": ("staff:audit_log", {}),
        "staff meetings": ("meetings:meetings", {}),
        "staff meeting": ("meetings:meeting", {"pk": meeting.pk}),
        "staff attendance form": ("meetings:attendance", {"pk": meeting.pk}),
        "staff membership form": ("people:membership_add", {"body_pk": group.pk}),
        "staff body form": ("structure:body_edit", {"pk": group.pk}),
    }
    extra = {
        name: (True, reverse(url, kwargs={"area_slug": slug, **kwargs}))
        for name, (url, kwargs) in staff.items()
    }
    extra["public meeting"] = (False, f"/{slug}/jednani/{meeting.pk}/")
    extra["public calendar"] = (False, f"/{slug}/kalendar.ics")
    extra["public minutes archive"] = (False, f"/{slug}/zapisy/?rok=2019")
    extra["public minutes feed"] = (False, f"/{slug}/zapisy/atom.xml")
    extra["staff minutes"] = (
        True,
        reverse("minutes:detail", kwargs={"area_slug": slug, "pk": meeting.pk}),
    )
    extra["staff minutes editor"] = (
        True,
        reverse("minutes:edit", kwargs={"area_slug": slug, "pk": meeting.pk}),
    )
    extra["staff meeting duties"] = (
        True,
        reverse("meetings:duties", kwargs={"area_slug": slug}) + "?rok=2019",
    )
    return {
        "public structure": (False, f"/{slug}/struktura/?datum=2019-01-01"),
        "public area home": (False, f"/{slug}/"),
        "public roster": (False, f"/{slug}/organy/{group.slug}/?rok=2019"),
        "staff dashboard": (True, reverse("staff:dashboard", kwargs={"area_slug": slug})),
        "staff structure": (True, reverse("structure:overview", kwargs={"area_slug": slug})),
        "staff bodies": (True, reverse("structure:bodies", kwargs={"area_slug": slug})),
        "staff body roster": (
            True,
            reverse("structure:body", kwargs={"area_slug": slug, "pk": group.pk}),
        ),
        "staff persons": (True, reverse("people:persons", kwargs={"area_slug": slug})),
        "staff organizations": (True, reverse("people:organizations", kwargs={"area_slug": slug})),
        **extra,
    }


def count_queries(scale: int) -> dict[str, int]:
    world = build(scale)
    staff, public = client_for(world.coordinator), client_for(None)
    counts = {}
    for name, (is_staff, url) in pages(world).items():
        client = staff if is_staff else public
        client.get(url)  # warm up: session, content types
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, name
        counts[name] = len(queries)
    return counts


MAX_QUERIES = 16


@pytest.mark.django_db
def test_page_queries_do_not_grow_with_the_data():
    small, large = count_queries(1), count_queries(10)
    assert Membership.objects.count() > 1000
    assert small == large
    assert max(small.values()) <= MAX_QUERIES, small
