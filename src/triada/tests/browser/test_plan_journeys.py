"""The plan in a real browser: a citizen comments on a draft in its comment period; a member
evaluates the measure he answers for from his own page."""

import datetime

import pytest

from triada.planning import services
from triada.planning.models import Comment, Evaluation, PlanItem, PlanVersion
from triada.tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_citizen_comments_on_a_section_in_the_open_period(page):
    area = factories.make_area("Český Těšín", slug="cesky-tesin")
    group = factories.make_body(area, "Senioři")
    version = factories.make_plan(area, owner=group)
    factories.advance_plan(version, PlanVersion.Status.IN_COMMENTS)
    measure = version.items.get(kind=PlanItem.Kind.MEASURE)

    page.goto(f"/{area.slug}/plan/{version.pk}/")
    page.click(f"a[href='/{area.slug}/plan/{version.pk}/pripominky/']")
    page.select_option("select[name=item]", str(measure.pk))
    page.fill("textarea[name=text]", "Prosíme doplnit službu i o svátcích.")
    page.fill("input[name=author_name]", "Jan Občan")
    page.wait_for_timeout(3200)  # the form refuses to be sent within three seconds
    page.click("main form button[type=submit]")
    page.locator(".message-success").wait_for()  # back on the same page, with the thanks
    comment = Comment.objects.get()
    assert comment.item == measure and comment.author_name == "Jan Občan"
    assert comment.section.startswith("1.1.1.1 ")
    assert "Jan Občan" not in page.content()  # names are never published


def test_a_member_evaluates_his_measure_from_my_page(page):
    area = factories.make_area("Český Těšín", slug="cesky-tesin")
    group = factories.make_body(area, "Senioři", established_on=datetime.date(2015, 1, 1))
    user = factories.make_user("clen")
    person = factories.make_person(area, user=user)
    factories.make_membership(group, person)
    version = factories.make_plan(area, owner=group, first_year=2024, last_year=2028)
    measure = version.items.get(kind=PlanItem.Kind.MEASURE)
    services.responsibility_add(actor=None, item=measure, person=person)
    factories.advance_plan(version, PlanVersion.Status.IN_FORCE)

    page.goto("/ucet/prihlaseni/")
    page.fill("input[name=username]", "clen")
    page.fill("input[name=password]", "correct horse battery")
    page.click("main button[type=submit]")
    page.goto(f"/sprava/{area.slug}/moje/")
    year = min(max(datetime.date.today().year, 2024), 2028)
    page.click(f"a[href^='/sprava/{area.slug}/plany/polozka/{measure.pk}/vyhodnoceni/{year}/']")
    page.select_option("select[name=status]", "in_progress")
    page.fill("textarea[name=narrative]", "Víkendová služba běží od dubna.")
    page.fill("textarea[name=evidence]", "https://www.example.cz/zprava")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"**/sprava/{area.slug}/moje/")
    evaluation = Evaluation.objects.get()
    assert evaluation.year == year and evaluation.status == "in_progress"
    assert evaluation.updated_by == user
