"""The community plan in a real browser, on the demo data: a member of the Seniors in Český
Těšín evaluates the measure she answers for from her own page, and the public reads it; a
citizen comments on Nový Jičín's draft in its comment period."""

import re
import time

import pytest
from playwright.sync_api import expect

from triada.planning.models import Comment, Evaluation, IndicatorValue, PlanItem, PlanVersion

from .conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The demo's measure of the Seniors' support area that `clen.seniori` answers for.
MEASURE = "Odlehčovací služby pro pečující rodiny"


def test_member_journey_evaluates_her_measure_and_the_public_reads_it(page, demo):
    measure = PlanItem.objects.get(
        title=MEASURE,
        version__plan__area__slug="cesky-tesin",
        version__status=PlanVersion.Status.IN_FORCE,
    )
    assert measure.responsibilities.filter(person__user__username="clen.seniori").exists()
    version = measure.version
    status = page.get_by_role("status")

    sign_in(page, "clen.seniori")
    page.get_by_role("link", name="Moje stránka").click()
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=MEASURE, exact=True))
    evaluate = row.get_by_role("link", name=re.compile(r"^Vyhodnotit rok \d{4}$"))
    year = int(evaluate.inner_text().split()[-1])
    expect(row).to_contain_text("nevyhodnoceno")
    evaluate.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Vyhodnocení za rok {year}")
    page.get_by_label("Stav").select_option(label="v realizaci")
    page.get_by_label("Co bylo provedeno").fill("Pobytová odlehčovací služba běží od dubna.")
    page.get_by_label("Doklady").fill("https://www.example.cz/zprava-odlehcovaci-sluzby")
    page.get_by_label("Lůžka pobytové odlehčovací služby").fill("6")
    page.get_by_role("button", name="Uložit vyhodnocení").click()
    expect(page).to_have_url(re.compile(r"/sprava/cesky-tesin/moje/"))
    expect(status).to_be_visible()
    expect(row).to_contain_text("v realizaci")

    # At the end of the year she comes back: her text is there, and she updates it.
    row.get_by_role("link", name=f"Vyhodnotit rok {year}").click()
    narrative = page.get_by_label("Co bylo provedeno")
    expect(narrative).to_have_value("Pobytová odlehčovací služba běží od dubna.")
    page.get_by_label("Stav").select_option(label="splněno")
    narrative.press("End")
    narrative.press_sequentially(" Do konce roku využilo službu 70 pečujících.")
    page.get_by_label("Počet podpořených pečujících").fill("70")
    page.get_by_role("button", name="Uložit vyhodnocení").click()
    expect(row).to_contain_text("splněno")

    evaluation = Evaluation.objects.get(plan=version.plan, item_key=measure.key, year=year)
    assert evaluation.status == Evaluation.Status.DONE
    assert evaluation.updated_by.username == "clen.seniori"
    values = {
        indicator.name: IndicatorValue.objects.get(
            plan=version.plan, indicator_key=indicator.key, year=year
        ).value
        for indicator in measure.indicators.all()
    }
    assert values == {"Lůžka pobytové odlehčovací služby": 6, "Počet podpořených pečujících": 70}

    # The public evaluation of the year shows what she wrote.
    page.context.clear_cookies()
    page.goto("/cesky-tesin/")
    page.get_by_role("navigation", name="Komunitní plánování v oblasti").get_by_role(
        "link", name="Komunitní plán"
    ).click()
    page.get_by_role("listitem").filter(has_text=re.compile(f"^{year}")).get_by_role(
        "link", name="vyhodnocení"
    ).click()
    expect(page).to_have_url(re.compile(f"/plan/{version.pk}/vyhodnoceni/{year}/$"))
    article = page.get_by_role("article", name=re.compile(f" {re.escape(MEASURE)}$"))
    expect(article).to_contain_text("splněno")
    expect(article).to_contain_text("Do konce roku využilo službu 70 pečujících.")
    expect(
        article.get_by_role("row", name=re.compile("^Počet podpořených pečujících"))
    ).to_contain_text("70")


def test_citizen_journey_comments_on_the_draft_in_its_comment_period(page, demo):
    version = PlanVersion.objects.get(
        plan__area__slug="novy-jicin", status=PlanVersion.Status.IN_COMMENTS
    )
    comments_before = version.comments.count()

    # The area's home page announces the comment period; the citizen reads the draft first.
    page.goto("/novy-jicin/")
    announcement = page.get_by_role("complementary", name=re.compile("k připomínkám"))
    announcement.get_by_role("link", name="Přečíst návrh").click()
    part = page.get_by_role("region", name=re.compile(r"^2\.1\.1\.1 Pečovatelská služba"))
    section = part.get_by_role("heading").first.inner_text()  # "2.1.1.1 Pečovatelská …"

    page.get_by_role("link", name="Připomínkovat návrh").first.click()
    opened = time.monotonic()
    page.get_by_label("Část plánu").select_option(label=section)
    page.get_by_label("Vaše připomínka").fill(
        "Prosíme, aby pečovatelská služba v Kuníně jezdila i o víkendech."
    )
    page.get_by_label("Vaše jméno").fill("Jan Občan")
    page.get_by_label("Váš e-mail").fill("jan.obcan@example.cz")
    # The form refuses to be sent within three seconds of opening (a trap for robots).
    page.wait_for_timeout(max(0, 3.2 - (time.monotonic() - opened)) * 1000)
    page.get_by_role("button", name="Odeslat připomínku").click()

    expect(page.get_by_role("status")).to_contain_text(
        f"Vaše připomínka byla přijata pod č. {comments_before + 1}"
    )
    expect(page.get_by_text(f"{comments_before + 1} dosud přijaté připomínky")).to_be_visible()
    comment = version.comments.get(number=comments_before + 1)
    assert comment.section.startswith("2.1.1.1 ")
    assert comment.item.title.startswith("Pečovatelská služba")
    assert (comment.author_name, comment.author_email) == ("Jan Občan", "jan.obcan@example.cz")
    assert "Jan Občan" not in page.content()  # names are never published
    assert Comment.objects.filter(version=version).count() == comments_before + 1
