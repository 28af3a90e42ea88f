"""The anonymous public page cache: pages come from the cache without a query, and a change
of the data is visible on the next request."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from triada.conftest import client_for
from triada.meetings import services as meeting_services
from triada.people.models import TriadSide
from triada.structure import services as structure_services
from triada.tests import factories


def get(client: Client, url: str):
    """The response and the number of queries it took."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response, len(queries)


@pytest.mark.django_db
def test_an_anonymous_page_comes_from_the_cache_without_a_query(group):
    client = Client()
    first, first_queries = get(client, f"/{group.area.slug}/struktura/")
    again, queries = get(client, f"/{group.area.slug}/struktura/")
    assert first_queries > 0
    assert queries == 0
    assert again.content == first.content
    assert again["Content-Language"] == "cs"
    assert "frame-ancestors" in again["Content-Security-Policy"]  # the headers are kept too


@pytest.mark.django_db
def test_a_renamed_body_is_visible_at_once(group):
    client = Client()
    url = f"/{group.area.slug}/struktura/"
    assert "Senioři" in get(client, url)[0].content.decode()
    structure_services.body_update(actor=None, body=group, name="Senioři a pečující")
    page = get(client, url)[0].content.decode()
    assert "Senioři a pečující" in page


@pytest.mark.django_db
def test_a_new_member_is_on_the_public_roster_at_once(group):
    client = Client()
    url = f"/{group.area.slug}/organy/{group.slug}/"
    assert "Souhlasná" not in get(client, url)[0].content.decode()
    person = factories.make_person(
        group.area, first_name="Věra", last_name="Souhlasná", public_consent=True
    )
    factories.make_membership(group, person, side=TriadSide.USER)
    assert "Souhlasná" in get(client, url)[0].content.decode()


@pytest.mark.django_db
def test_a_deleted_meeting_is_gone_at_once(group):
    client = Client()
    meeting = meeting_services.meeting_create(
        actor=None,
        body=group,
        starts_at=datetime.datetime(2026, 3, 1, 15, tzinfo=datetime.UTC),
        agenda=("Zahájení",),
    )
    url = f"/{group.area.slug}/jednani/{meeting.pk}/"
    get(client, url)
    meeting.delete()  # with its agenda: the rows' parents are gone when they are reported
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_a_change_in_another_area_keeps_this_areas_pages(group, other_area):
    client = Client()
    url = f"/{group.area.slug}/struktura/"
    get(client, url)
    get(client, "/hledat/?q=skupina")
    factories.make_body(other_area, "Rodiny s dětmi")
    assert get(client, url)[1] == 0
    # The search covers every area: it is rendered anew.
    assert "Rodiny s dětmi" in get(client, "/hledat/?q=rodiny")[0].content.decode()
    assert get(client, "/hledat/?q=skupina")[1] > 0


@pytest.mark.django_db
def test_search_finds_a_new_body_at_once(area):
    client = Client()
    assert "Dluhové poradenství" not in get(client, "/hledat/?q=dluhove")[0].content.decode()
    factories.make_body(area, "Dluhové poradenství")
    assert "Dluhové poradenství" in get(client, "/hledat/?q=dluhove")[0].content.decode()


@pytest.mark.django_db
def test_signed_in_visitors_get_their_own_pages(group, coordinator):
    url = f"/{group.area.slug}/struktura/"
    anonymous = Client()
    get(anonymous, url)
    staff = client_for(coordinator)
    staff_page, queries = get(staff, url)
    assert queries > 0
    assert "Odhlásit" in staff_page.content.decode()
    assert "Odhlásit" not in get(anonymous, url)[0].content.decode()


@pytest.mark.django_db
def test_each_language_has_its_own_page(group):
    url = f"/{group.area.slug}/struktura/"
    czech = Client()
    english = Client()
    english.cookies["django_language"] = "en"
    assert "Organizační struktura" in get(czech, url)[0].content.decode()
    page = get(english, url)[0]
    assert page["Content-Language"] == "en"
    assert "Organizational structure" in page.content.decode()
    assert "Organizační struktura" in get(czech, url)[0].content.decode()


@pytest.mark.django_db
def test_a_page_with_a_form_is_not_cached(area):
    client = Client()
    get(client, f"/{area.slug}/potreby/")
    response, queries = get(client, f"/{area.slug}/potreby/")
    assert queries > 0
    assert "csrftoken" in response.cookies


@pytest.mark.django_db
def test_the_cache_can_be_turned_off(group, settings):
    settings.TRIADA_PUBLIC_CACHE_SECONDS = 0
    client = Client()
    get(client, f"/{group.area.slug}/struktura/")
    assert get(client, f"/{group.area.slug}/struktura/")[1] > 0


@pytest.mark.django_db
def test_the_language_switch_needs_no_form_token(group):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/i18n/setlang/", {"language": "en", "next": f"/{group.area.slug}/struktura/"}
    )
    assert response.status_code == 302
    assert client.get(f"/{group.area.slug}/struktura/")["Content-Language"] == "en"
