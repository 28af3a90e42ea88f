"""The public portal shows the structure from the data, and people only with consent."""

import datetime

import pytest
from bs4 import BeautifulSoup

from triada.people.models import Membership, TriadSide
from triada.structure import services as structure_services
from triada.structure.models import Body, StructureChange
from triada.tests import factories


def diagram_names(response) -> list[str]:
    """The bodies in the structure diagram, in document order (parents before children)."""
    page = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in page.select("#diagram .org-node > a")]


@pytest.fixture
def seniors_group(area):
    """The Český Těšín split of 2018, with a consenting leader and a user without consent."""
    steering = factories.make_body(
        area,
        "Řídící skupina",
        kind=Body.Kind.STEERING_GROUP,
        established_on=datetime.date(2015, 1, 1),
    )
    mixed = factories.make_body(
        area,
        "Osoby se zdravotním znevýhodněním a senioři",
        established_on=datetime.date(2015, 1, 1),
        reports_to=[steering],
    )
    factories.make_membership(mixed, side=TriadSide.PROVIDER)
    change = structure_services.structure_change_record(
        actor=None,
        area=area,
        kind=StructureChange.Kind.SPLIT,
        effective_on=datetime.date(2018, 4, 1),
        predecessors=[mixed],
        new_names=["Osoby se zdravotním znevýhodněním", "Senioři"],
    )
    seniors = change.successors.get(name="Senioři")
    club = factories.make_organization(area, side=TriadSide.USER, name="Klub seniorů Olše")
    leader = factories.make_person(
        area, first_name="Věra", last_name="Souhlasná", title_before="Mgr.", public_consent=True
    )
    user = factories.make_person(
        area, first_name="Tajný", last_name="Uživatel", public_consent=False
    )
    factories.make_membership(
        seniors,
        leader,
        side=TriadSide.COMMISSIONER,
        function=Membership.Function.LEADER,
        start_on=datetime.date(2018, 4, 1),
    )
    factories.make_membership(
        seniors, user, side=TriadSide.USER, organization=club, start_on=datetime.date(2018, 4, 1)
    )
    return seniors


def test_member_list_shows_names_only_with_consent(client, seniors_group):
    area = seniors_group.area
    response = client.get(f"/{area.slug}/organy/{seniors_group.slug}/?rok=2019")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Mgr. Věra Souhlasná" in html
    assert "Uživatel" not in html and "Tajný" not in html
    assert "Klub seniorů Olše" in html  # organizations are always public
    assert "@" not in html.split("<main")[1]  # no contact data of anybody


def test_consent_withdrawn_hides_the_name_at_once(client, seniors_group):
    from triada.people.services import person_update

    leader = seniors_group.memberships.get(function=Membership.Function.LEADER).person
    url = f"/{seniors_group.area.slug}/organy/{seniors_group.slug}/?rok=2019"
    assert "Souhlasná" in client.get(url).content.decode()
    person_update(actor=None, person=leader, public_consent=False)
    assert "Souhlasná" not in client.get(url).content.decode()


def test_member_list_is_per_year(client, seniors_group):
    area = seniors_group.area
    late = factories.make_person(
        area, first_name="Pozdní", last_name="Příchozí", public_consent=True
    )
    factories.make_membership(seniors_group, late, start_on=datetime.date(2020, 3, 1))
    url = f"/{area.slug}/organy/{seniors_group.slug}/"
    assert "Příchozí" not in client.get(url + "?rok=2019").content.decode()
    assert "Příchozí" in client.get(url + "?rok=2020").content.decode()


def test_structure_page_as_of_a_date(client, seniors_group):
    area = seniors_group.area
    before = diagram_names(client.get(f"/{area.slug}/struktura/?datum=2018-03-31"))
    after = diagram_names(client.get(f"/{area.slug}/struktura/?datum=2018-04-01"))
    assert before == ["Řídící skupina", "Osoby se zdravotním znevýhodněním a senioři"]
    assert after == ["Řídící skupina", "Osoby se zdravotním znevýhodněním", "Senioři"]


def _lead(client, url, language):
    page = BeautifulSoup(
        client.get(url, headers={"accept-language": language}).content, "html.parser"
    )
    return " ".join(page.select_one("p.lead").get_text().split())


def test_structure_page_counts_groups_and_people(client, seniors_group):
    # Two working groups exist in 2019 and two persons are active in them.
    url = f"/{seniors_group.area.slug}/struktura/?datum=2019-01-01"
    assert _lead(client, url, "cs") == (
        "K 1. 1. 2019 pracují v komunitním plánování 2 pracovní skupiny. "
        "Aktivně jsou zapojeny 2 osoby."
    )
    assert _lead(client, url, "en") == (
        "On 1 Jan 2019 2 working groups work in community planning. "
        "2 persons are actively involved."
    )


def test_structure_history_names_the_split(client, seniors_group):
    page = BeautifulSoup(
        client.get(f"/{seniors_group.area.slug}/struktura/").content, "html.parser"
    )
    history = " ".join(page.select_one("#history").get_text().split())
    assert (
        "Osoby se zdravotním znevýhodněním a senioři → Osoby se zdravotním znevýhodněním, Senioři"
    ) in history


def test_body_page_links_predecessor(client, seniors_group):
    html = client.get(f"/{seniors_group.area.slug}/organy/{seniors_group.slug}/").content.decode()
    assert "osoby-se-zdravotnim-znevyhodnenim-a-seniori" in html


def test_unknown_area_and_body_are_404(client, area):
    assert client.get("/neexistuje/").status_code == 404
    assert client.get(f"/{area.slug}/organy/neexistuje/").status_code == 404


def test_bad_date_falls_back_to_today(client, seniors_group):
    from django.utils import formats, timezone

    response = client.get(f"/{seniors_group.area.slug}/struktura/?datum=31.02.2019&rok=x")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Datum se nepodařilo rozpoznat" in html
    today = formats.date_format(timezone.localdate(), "SHORT_DATE_FORMAT")
    assert f"K {today} " in html


def test_unnamed_members_are_not_ordered_by_their_hidden_names(client, area):
    group = factories.make_body(area, "Rodina", established_on=datetime.date(2015, 1, 1))
    org_a = factories.make_organization(area, name="Alfa, z. s.")
    org_z = factories.make_organization(area, name="Zeta, z. s.")
    # Hidden surnames in the opposite order to their organizations.
    for last_name, org in [("Zátopková", org_a), ("Adámková", org_z)]:
        person = factories.make_person(area, last_name=last_name, public_consent=False)
        factories.make_membership(group, person, organization=org)
    html = client.get(f"/{area.slug}/organy/{group.slug}/?rok=2019").content.decode()
    assert html.index("Alfa, z. s.") < html.index("Zeta, z. s.")
