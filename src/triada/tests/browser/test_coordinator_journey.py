"""A coordinator builds a working group in the staff UI; a citizen finds it in the portal."""

import datetime

import pytest

from triada.people.models import Membership
from triada.structure.models import Body
from triada.tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinator_creates_a_group_and_the_public_sees_it(page, live_server):
    area = factories.make_area("Český Těšín", slug="cesky-tesin")
    factories.make_coordinator(area, "koordinatorka")
    steering = factories.make_body(
        area,
        "Řídící skupina",
        kind=Body.Kind.STEERING_GROUP,
        established_on=datetime.date(2015, 1, 1),
    )
    club = factories.make_organization(area, side="user", name="Klub seniorů Olše")

    # Sign in.
    page.goto("/ucet/prihlaseni/")
    page.fill("input[name=username]", "koordinatorka")
    page.fill("input[name=password]", "correct horse battery")
    page.click("main button[type=submit]")
    page.wait_for_url("**/sprava/cesky-tesin/")

    # Create a working group that reports to the steering group.
    page.click("a[href='/sprava/cesky-tesin/organy/novy/']")
    page.fill("input[name=name]", "Bydlení")
    page.select_option("select[name=kind]", "working_group")
    page.fill("textarea[name=description]", "Skupina pro dostupné bydlení.")
    page.fill("input[name=established_on]", "2024-01-01")
    page.check(f"input[name=reports_to][value='{steering.pk}']")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/sprava/cesky-tesin/organy/*/")
    group = Body.objects.get(area=area, name="Bydlení")
    assert group.min_meetings_per_year == 4

    # Add a new person and make her a member on behalf of the club.
    page.click(f"a[href='/sprava/cesky-tesin/organy/{group.pk}/clenove/pridat/']")
    page.click(f"a[href$='?organ={group.pk}']")
    page.fill("input[name=first_name]", "Alena")
    page.fill("input[name=last_name]", "Veřejná")
    page.check("input[name=public_consent]")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/clenove/pridat/?osoba=*")
    page.select_option("select[name=organization]", str(club.pk))
    page.select_option("select[name=triad_side]", "user")
    page.fill("input[name=start_on]", "2024-02-01")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"**/sprava/cesky-tesin/organy/{group.pk}/")
    rows = page.locator("#roster ~ table").first.locator("tbody tr")
    assert rows.count() == 1
    assert "Alena Veřejná" in rows.first.inner_text()

    # A second, overlapping membership of the same person is refused with a message.
    page.click(f"a[href='/sprava/cesky-tesin/organy/{group.pk}/clenove/pridat/']")
    person = Membership.objects.get(body=group).person
    page.select_option("select[name=person]", str(person.pk))
    page.select_option("select[name=triad_side]", "user")
    page.fill("input[name=start_on]", "2024-03-01")
    page.click("main form button[type=submit]")
    assert page.locator(".field-error").first.is_visible()
    assert Membership.objects.filter(body=group).count() == 1

    # A citizen finds the group in the structure and the member's name on its page.
    page.context.clear_cookies()
    page.goto("/cesky-tesin/struktura/")
    page.click("#diagram a:text-is('Bydlení')")
    assert "Alena Veřejná" in page.locator("main table").inner_text()
    assert "Klub seniorů Olše" in page.locator("main table").inner_text()
