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
from triada.needs import services as needs_services
from triada.people import services as people_services
from triada.people.models import Membership, TriadSide
from triada.planning import services as planning_services
from triada.planning.models import PlanItem, PlanVersion
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
    plan = build_plan(area, groups, persons, organizations[0], meeting)
    return World(area, coordinator, groups[0], organizations[0], persons[0], meeting, *plan)


def build_plan(area, groups, persons, organization, meeting):
    """A plan in force with a support area per group (2 priorities, 2 measures each with two
    activities, costs, an indicator, responsible parties, an evaluation and a need), and its
    new draft version."""
    version = planning_services.plan_create(
        actor=None, area=area, ordinal=1, title="KPSS", first_year=2017, last_year=2020
    )
    for n, group in enumerate(groups):
        support_area = planning_services.item_create(
            actor=None, version=version, title=f"Oblast {n}", owner=group, target_group="senioři"
        )
        need = needs_services.need_create(
            actor=None, area=area, text=f"Potřeba {n}", body=group, meeting=None
        )
        for p in range(2):
            priority = planning_services.item_create(
                actor=None, version=version, parent=support_area, title=f"Priorita {p}"
            )
            goal = planning_services.item_create(
                actor=None, version=version, parent=priority, title="Cíl"
            )
            measure = planning_services.item_create(
                actor=None, version=version, parent=goal, title="Opatření", start_year=2018
            )
            planning_services.item_needs_set(actor=None, item=measure, needs=[need])
            planning_services.cost_set(
                actor=None, item=measure, year=2018, source="city", amount=1000
            )
            planning_services.indicator_add(
                actor=None, item=measure, name="Klienti", unit="osob", targets={2018: 10}
            )
            planning_services.responsibility_add(actor=None, item=measure, person=persons[0])
            planning_services.responsibility_add(actor=None, item=measure, body=group)
            planning_services.responsibility_add(
                actor=None, item=measure, organization=organization
            )
            for a in range(2):
                planning_services.item_create(
                    actor=None, version=version, parent=measure, title=f"Aktivita {a}"
                )
    factories.advance_plan(version, PlanVersion.Status.IN_FORCE)
    for item in version.items.filter(kind__in=PlanItem.ACTION_KINDS):
        planning_services.evaluation_record(
            actor=None, item=item, year=2018, status="in_progress", narrative="Běží."
        )
    draft = planning_services.version_new(actor=None, version=version)
    measure = version.items.filter(kind=PlanItem.Kind.MEASURE).first()
    return version, draft, measure


@dataclass
class World:
    area: object
    coordinator: object
    group: object
    organization: object
    person: object
    meeting: object
    plan_version: object
    plan_draft: object
    plan_measure: object


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
    version, draft, measure = world.plan_version, world.plan_draft, world.plan_measure
    plan_pages = {
        "staff plan tree": ("planning:version", {"pk": version.pk}),
        "staff plan editor": ("planning:version", {"pk": draft.pk}),
        "staff plan item": ("planning:item", {"pk": draft.items.get(key=measure.key).pk}),
        "staff plan compare": ("planning:compare", {"pk": draft.pk}),
        "staff action plan": ("planning:action_plan", {"pk": version.pk, "year": 2018}),
        "staff evaluation": ("planning:evaluation", {"pk": version.pk, "year": 2018}),
        "staff evaluation form": ("planning:item_evaluate", {"pk": measure.pk, "year": 2018}),
        "staff comments": ("planning:comments", {"pk": version.pk}),
        "staff needs": ("needs:needs", {}),
        "staff plans": ("planning:plans", {}),
    }
    for name, (url, kwargs) in plan_pages.items():
        extra[name] = (True, reverse(url, kwargs={"area_slug": slug, **kwargs}))
    extra["public plan"] = (False, f"/{slug}/plan/?rok=2018")
    extra["public needs"] = (False, f"/{slug}/potreby/")
    extra["public search results"] = (False, f"/hledat/?q=skupina&oblast={slug}")
    extra["public plans"] = (False, f"/{slug}/plany/")
    extra["public action plan"] = (False, f"/{slug}/plan/{version.pk}/akcni-plan/2018/")
    extra["public evaluation"] = (False, f"/{slug}/plan/{version.pk}/vyhodnoceni/2018/")
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


# A coordinator's page also reads the session's second-factor device (django-otp).
MAX_QUERIES = 16
# Editors with many choice lists (parent, owner, bodies, persons, organizations, needs) read
# each list once.
EDITOR_MAX_QUERIES = {"staff plan item": 21, "staff plan tree": 18, "staff plan editor": 18}


@pytest.mark.django_db
def test_page_queries_do_not_grow_with_the_data(settings):
    # The rendering is measured, not the anonymous page cache (test_public_cache.py).
    settings.TRIADA_PUBLIC_CACHE_SECONDS = 0
    small, large = count_queries(1), count_queries(10)
    assert Membership.objects.count() > 1000
    assert small == large
    over = {
        name: count
        for name, count in small.items()
        if count > EDITOR_MAX_QUERIES.get(name, MAX_QUERIES)
    }
    assert not over, over
