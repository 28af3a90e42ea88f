"""Page query budgets: the number of queries of the structure and roster pages does not grow
with the data. Each page is measured on a small area and on one ten times larger."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from triada.conftest import client_for
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
        groups.append(group)
    return area, coordinator, groups[0]


def pages(area, group):
    slug = area.slug
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
    }


def count_queries(scale: int) -> dict[str, int]:
    area, coordinator, group = build(scale)
    staff, public = client_for(coordinator), client_for(None)
    counts = {}
    for name, (is_staff, url) in pages(area, group).items():
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
