"""The plan's staff pages through HTTP: the coordinator builds and steers the plan, members
change and evaluate only what they are responsible for, bad input changes nothing."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from triada.conftest import client_for
from triada.people.models import Person
from triada.planning import services
from triada.planning.models import (
    Comment,
    Cost,
    Evaluation,
    Plan,
    PlanItem,
    PlanVersion,
)
from triada.tests import factories

S = PlanVersion.Status
TODAY = datetime.date.today()


@pytest.fixture
def version(area, group):
    return factories.make_plan(area, owner=group)


def url(name, area, *args):
    return reverse(f"planning:{name}", args=[area.slug, *args])


def item(version, kind):
    return version.items.filter(kind=kind).order_by("position", "pk").first()


def messages_of(response) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(
        e.get_text(" ", strip=True) for e in soup.select(".messages, .form-errors, .field-error")
    )


def test_coordinator_creates_a_plan_and_sees_its_numbered_tree(coordinator_client, area):
    response = coordinator_client.post(
        url("plan_create", area),
        {"ordinal": 5, "title": "5. KPSS", "first_year": 2021, "last_year": 2025},
    )
    version = PlanVersion.objects.get(plan__ordinal=5)
    assert response.status_code == 302 and version.status == S.DRAFT
    response = coordinator_client.post(
        url("item_create", area, version.pk), {"title": "Senioři", "target_group": "senioři"}
    )
    support_area = version.items.get()
    response = coordinator_client.post(
        url("item_create", area, version.pk) + f"?nadrazena={support_area.pk}",
        {"title": "Dostupné služby"},
    )
    priority = version.items.get(kind=PlanItem.Kind.PRIORITY)
    assert priority.parent == support_area
    page = coordinator_client.get(url("version", area, version.pk))
    numbers = [
        n.get_text(strip=True)
        for n in BeautifulSoup(page.content, "html.parser").select(".plan-number")
    ]
    assert numbers == ["1", "1.1"]


def test_plan_period_in_the_wrong_order_is_refused(coordinator_client, area):
    response = coordinator_client.post(
        url("plan_create", area),
        {"ordinal": 5, "title": "5. KPSS", "first_year": 2025, "last_year": 2021},
    )
    assert response.status_code == 200
    assert "Poslední rok nemůže předcházet prvnímu roku" in messages_of(response)
    assert not Plan.objects.exists()


def test_a_cost_that_is_not_a_number_changes_nothing(coordinator_client, area, version):
    measure = item(version, PlanItem.Kind.MEASURE)
    response = coordinator_client.post(
        url("item", area, measure.pk),
        {"action": "cost", "cost-year": "2018", "cost-source": "city", "cost-amount": "hodně"},
    )
    assert response.status_code == 200
    assert "Zadejte číslo" in messages_of(response)
    response = coordinator_client.post(
        url("item", area, measure.pk),
        {"action": "cost", "cost-year": "2030", "cost-source": "city", "cost-amount": "100"},
    )
    assert "Rok 2030 leží mimo období plánu 2017–2020" in messages_of(response)
    assert not Cost.objects.exists()
    coordinator_client.post(
        url("item", area, measure.pk),
        {"action": "cost", "cost-year": "2018", "cost-source": "city", "cost-amount": "12 500"},
    )
    assert Cost.objects.get().amount == 12500


def test_moving_an_item_under_its_own_child_is_refused(coordinator_client, area, version):
    priority = item(version, PlanItem.Kind.PRIORITY)
    goal = item(version, PlanItem.Kind.GOAL)
    response = coordinator_client.post(
        url("item", area, priority.pk), {"action": "move", "move-parent": goal.pk}
    )
    assert response.status_code == 200
    assert "nelze přesunout pod ni samotnou" in messages_of(response)
    priority.refresh_from_db()
    assert priority.parent.kind == PlanItem.Kind.SUPPORT_AREA


def test_stale_item_form_keeps_the_users_text(coordinator_client, area, version):
    measure = item(version, PlanItem.Kind.MEASURE)
    services.item_update(actor=None, item=measure, title="Změna jiného editora")
    response = coordinator_client.post(
        url("item", area, measure.pk),
        {"action": "item", "item-title": "Můj text", "item-edit_count": "0"},
    )
    assert "Někdo jiný mezitím tuto položku změnil" in messages_of(response)
    assert "Můj text" in response.content.decode()
    assert PlanItem.objects.get(pk=measure.pk).title == "Změna jiného editora"


def test_member_edits_only_the_items_he_is_responsible_for(area, version, member):
    measure = item(version, PlanItem.Kind.MEASURE)
    goal = item(version, PlanItem.Kind.GOAL)
    person = Person.objects.get(user=member)
    services.responsibility_add(actor=None, item=measure, person=person)
    client = client_for(member)
    response = client.post(
        url("item", area, measure.pk),
        {"action": "item", "item-title": "Upraveno členem", "item-edit_count": "0"},
    )
    assert response.status_code == 302
    assert PlanItem.objects.get(pk=measure.pk).title == "Upraveno členem"
    activity = item(version, PlanItem.Kind.ACTIVITY)  # below the measure: his too
    assert (
        client.post(
            url("item", area, activity.pk),
            {"action": "item", "item-title": "Aktivita", "item-edit_count": "0"},
        ).status_code
        == 302
    )
    response = client.post(url("item", area, goal.pk), {"action": "item", "item-title": "Cizí"})
    assert response.status_code == 403
    assert PlanItem.objects.get(pk=goal.pk).title != "Cizí"
    assert client.get(url("item", area, goal.pk)).status_code == 200  # reading is open


def test_leader_of_the_owning_group_edits_its_support_area(area, version, leader):
    support_area = item(version, PlanItem.Kind.SUPPORT_AREA)
    response = client_for(leader).post(
        url("item", area, support_area.pk),
        {
            "action": "item",
            "item-title": "Senioři a pečující",
            "item-profile": "Profil",
            "item-edit_count": "0",
        },
    )
    assert response.status_code == 302
    assert PlanItem.objects.get(pk=support_area.pk).profile == "Profil"


def test_member_evaluates_his_measure_from_my_page(area, version, member):
    measure = item(version, PlanItem.Kind.MEASURE)
    services.responsibility_add(actor=None, item=measure, person=Person.objects.get(user=member))
    indicator = services.indicator_add(
        actor=None, item=measure, name="Klienti", unit="osob", targets={2018: 40}
    )
    factories.advance_plan(version, S.IN_FORCE)
    client = client_for(member)
    page = client.get(reverse("staff:my_page", args=[area.slug]))
    link = url("item_evaluate", area, measure.pk, TODAY.year if TODAY.year <= 2020 else 2020)
    assert measure.title in page.content.decode()
    assert link.rsplit("/", 2)[0] in page.content.decode()
    response = client.post(
        url("item_evaluate", area, measure.pk, 2018),
        {
            "status": "in_progress",
            "narrative": "Služba běží o víkendech.",
            "evidence": "https://www.example.cz/zprava",
            f"indicator_{indicator.pk}": "38",
            "next": "my-page",
        },
    )
    assert response.status_code == 302
    assert response.url == reverse("staff:my_page", args=[area.slug])
    evaluation = Evaluation.objects.get()
    assert evaluation.status == "in_progress" and evaluation.updated_by == member
    goal = item(version, PlanItem.Kind.GOAL)
    assert client.get(url("item_evaluate", area, goal.pk, 2018)).status_code == 403


def test_bad_evaluation_input_changes_nothing(coordinator_client, area, version):
    measure = item(version, PlanItem.Kind.MEASURE)
    factories.advance_plan(version, S.IN_FORCE)
    response = coordinator_client.post(
        url("item_evaluate", area, measure.pk, 2018),
        {"status": "done", "evidence": "viz zápis"},
    )
    assert "není webová adresa" in messages_of(response)
    assert coordinator_client.get(url("item_evaluate", area, measure.pk, 2031)).status_code == 404
    assert not Evaluation.objects.exists()


def test_comment_period_settlement_and_approval_through_the_pages(
    coordinator_client, area, version, group, member
):
    response = coordinator_client.post(
        url("version", area, version.pk),
        {
            "action": "open",
            "open-comments_from": TODAY.isoformat(),
            "open-comments_until": (TODAY + datetime.timedelta(days=14)).isoformat(),
        },
    )
    version.refresh_from_db()
    assert response.status_code == 302 and version.status == S.IN_COMMENTS
    measure = item(version, PlanItem.Kind.MEASURE)
    client = client_for(member)
    client.post(
        url("comments", area, version.pk),
        {"action": "comment", "item": measure.pk, "text": "Doplnit víkendy."},
    )
    comment = Comment.objects.get()
    assert comment.person.user == member and comment.section.startswith("1.1.1.1 ")
    # Settling before the period ends is refused, with the reason on the page.
    response = coordinator_client.post(
        url("version", area, version.pk), {"action": "settle"}, follow=True
    )
    assert "Připomínkování trvá do" in messages_of(response)
    response = coordinator_client.post(
        url("comment_settle", area, comment.pk),
        {
            "decision": "accepted",
            "reason": "",
            "settled_by": group.pk,
            "settled_on": TODAY.isoformat(),
        },
    )
    assert response.status_code == 200 and not Comment.objects.get().decision
    coordinator_client.post(
        url("comment_settle", area, comment.pk),
        {
            "decision": "accepted",
            "reason": "Doplněno.",
            "settled_by": group.pk,
            "settled_on": TODAY.isoformat(),
        },
    )
    assert Comment.objects.get().decision == "accepted"
    assert client_for(member).get(url("comment_settle", area, comment.pk)).status_code == 403


def test_a_frozen_version_refuses_changes_and_offers_a_new_version(
    coordinator_client, area, version
):
    factories.advance_plan(version, S.IN_FORCE)
    measure = item(version, PlanItem.Kind.MEASURE)
    response = coordinator_client.post(
        url("item", area, measure.pk), {"action": "item", "item-title": "Jinak"}, follow=True
    )
    assert "Tato verze je uzamčena" in messages_of(response)
    assert PlanItem.objects.get(pk=measure.pk).title != "Jinak"
    response = coordinator_client.post(url("version", area, version.pk), {"action": "new"})
    new = PlanVersion.objects.get(number=2)
    assert response.url == url("version", area, new.pk)
    services.item_update(actor=None, item=new.items.get(key=measure.key), title="Jinak")
    page = coordinator_client.get(url("compare", area, new.pk)).content.decode()
    assert "<ins>Jinak</ins>" in page


def test_action_plan_and_evaluation_pages(coordinator_client, area, version):
    measure = item(version, PlanItem.Kind.MEASURE)
    services.cost_set(actor=None, item=measure, year=2018, source="city", amount=125000)
    page = coordinator_client.get(url("action_plan", area, version.pk, 2018)).content.decode()
    assert "125\xa0000" in page or "125 000" in page
    assert coordinator_client.get(url("action_plan", area, version.pk, 2016)).status_code == 404
    assert coordinator_client.get(url("evaluation", area, version.pk, 2018)).status_code == 404
    factories.advance_plan(version, S.IN_FORCE)
    assert coordinator_client.get(url("evaluation", area, version.pk, 2018)).status_code == 200


def test_removing_a_cost_an_indicator_and_a_responsible_party(
    coordinator_client, area, version, group
):
    measure = item(version, PlanItem.Kind.MEASURE)
    cost = services.cost_set(actor=None, item=measure, year=2018, source="city", amount=1)
    indicator = services.indicator_add(actor=None, item=measure, name="Klienti", unit="osob")
    responsibility = services.responsibility_add(actor=None, item=measure, body=group)
    for action, pk in [
        ("delete_cost", cost.pk),
        ("delete_indicator", indicator.pk),
        ("delete_responsibility", responsibility.pk),
    ]:
        response = coordinator_client.post(
            url("item", area, measure.pk), {"action": action, "pk": pk}
        )
        assert response.status_code == 302
    assert not measure.costs.exists() and not measure.indicators.exists()
    assert not measure.responsibilities.exists()


def test_a_leader_moves_items_only_within_what_he_may_change(area, version, leader):
    unowned = services.item_create(actor=None, version=version, title="Cizí oblast")
    foreign_priority = services.item_create(
        actor=None, version=version, parent=unowned, title="Cizí priorita"
    )
    goal = item(version, PlanItem.Kind.GOAL)
    response = client_for(leader).post(
        url("item", area, goal.pk), {"action": "move", "move-parent": foreign_priority.pk}
    )
    assert response.status_code == 200
    goal.refresh_from_db()
    assert goal.parent.title == "Péče v domácnosti"
