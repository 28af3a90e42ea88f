"""The coordinator's journey on the demo data of Český Těšín, in the staff UI as she would go
through it: a new working group, its members (a new person and one already in the area), its
first meeting with the attendance, the minutes with a resolution, approved and published; then
a citizen finds the minutes in the portal by a word from them and reads them."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from triada.minutes.models import Minutes
from triada.people.models import Membership, Person
from triada.structure.models import Body

from .conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GROUP = "Bydlení a dluhy"
# A word the demo does not use, written without its diacritics in the search.
DISCUSSION = (
    "Skupina probrala stav pavlačových domů v majetku města a nabídku startovacích bytů "
    "pro mladé rodiny."
)
RESOLUTION = "Skupina doporučuje radě rozšířit počet startovacích bytů na deset."


def test_coordinator_journey_from_a_new_group_to_minutes_the_public_finds(page, demo, mailoutbox):
    today = timezone.localdate()
    established = today - datetime.timedelta(days=60)
    joined = established + datetime.timedelta(days=14)
    held = today - datetime.timedelta(days=7)  # the meeting took place last week
    existing = Person.objects.get(user__username="clen.seniori")  # a member of the Seniors
    status = page.get_by_role("status")  # the message after each step

    sign_in(page, "koordinatorka.tesin")
    expect(page).to_have_url(re.compile(r"/sprava/cesky-tesin/$"))

    # A new working group that reports to the steering group.
    page.get_by_role("link", name="Nový orgán").click()
    page.get_by_label("Název").fill(GROUP)
    page.keyboard.press("Tab")  # on to the short name
    page.keyboard.type("PS 4")
    page.get_by_label("Druh").select_option(label="pracovní skupina")
    page.get_by_label("Popis a úkoly").fill("Dostupné bydlení a dluhové poradenství.")
    page.get_by_label("Datum vzniku").fill(established.isoformat())
    page.get_by_role("group", name="Nadřízené orgány").get_by_label(
        "Řídící skupina komunitního plánování"
    ).check()
    page.get_by_role("button", name="Uložit").click()
    expect(status).to_contain_text(f"Orgán „{GROUP}“ byl vytvořen.")
    expect(page.get_by_role("heading", level=1)).to_have_text(GROUP)
    group = Body.objects.get(area__slug="cesky-tesin", name=GROUP)
    assert group.kind == Body.Kind.WORKING_GROUP and group.short_name == "PS 4"
    assert [r.target.name for r in group.outgoing_relations.filter(kind="reports_to")] == [
        "Řídící skupina komunitního plánování"
    ]

    # A new person joins on behalf of the seniors' club: created from the roster form, which
    # comes back with her chosen.
    page.get_by_role("link", name="Přidat člena").click()
    page.get_by_role("link", name="Přidat novou osobu").click()
    page.get_by_label(re.compile(r"^Jméno")).fill("Alena")
    page.get_by_label("Příjmení").fill("Veřejná")
    page.get_by_label("E-mail").fill("alena.verejna@example.cz")
    page.get_by_label("Souhlasí se zveřejněním jména").check()
    page.get_by_role("button", name="Uložit").click()
    expect(status).to_contain_text("Osoba Alena Veřejná byla přidána.")
    expect(page.get_by_label("Osoba").locator("option:checked")).to_have_text("Alena Veřejná")
    page.get_by_label("Za organizaci").select_option(label="Klub seniorů Olše, z. s.")
    page.get_by_label("Od:").fill(joined.isoformat())
    page.get_by_role("button", name="Uložit").click()
    expect(status).to_contain_text(f"Osoba Alena Veřejná je nyní členem orgánu „{GROUP}“.")

    # A person already in the area joins for the city, as its commissioner.
    page.get_by_role("link", name="Přidat člena").click()
    page.get_by_label("Osoba").select_option(label=existing.full_name)
    page.get_by_label("Za organizaci").select_option(label="Město Český Těšín – Odbor sociální")
    page.get_by_label("Strana triády").select_option(label="zadavatel")
    page.get_by_label("Od:").fill(joined.isoformat())
    page.get_by_role("button", name="Uložit").click()
    expect(status).to_contain_text(f"je nyní členem orgánu „{GROUP}“")
    roster = page.get_by_role("table").first
    expect(roster.get_by_role("row", name=re.compile("^Alena Veřejná"))).to_contain_text(
        "Klub seniorů Olše, z. s."
    )
    expect(
        roster.get_by_role("row", name=re.compile(f"^{re.escape(existing.full_name)} "))
    ).to_contain_text("zadavatel")

    # The same person twice at the same time is refused, with the reason at the field.
    page.get_by_role("link", name="Přidat člena").click()
    page.get_by_label("Osoba").select_option(label=existing.full_name)
    page.get_by_label("Od:").fill(today.isoformat())
    page.get_by_role("button", name="Uložit").click()
    expect(page.get_by_role("alert").first).to_be_visible()
    expect(page.locator(".field-error").first).to_be_visible()
    assert Membership.objects.filter(body=group).count() == 2
    page.get_by_role("link", name="Zrušit").click()

    # The first meeting, with its agenda typed one item a line.
    page.get_by_role("link", name="Naplánovat jednání").click()
    page.get_by_label("Začátek").fill(f"{held.isoformat()}T14:00")
    page.get_by_label("Konec").fill(f"{held.isoformat()}T16:00")
    page.get_by_label("Místo").fill("Městský úřad Český Těšín, zasedací místnost")
    page.get_by_label("Program").click()
    page.keyboard.type("Zahájení\nDostupné bydlení\nRůzné")
    page.get_by_role("button", name="Uložit").click()
    expect(status).to_contain_text("Jednání bylo naplánováno.")
    expect(page.get_by_role("heading", level=1)).to_contain_text(GROUP)

    # After the meeting: who came.
    page.get_by_role("link", name="Prezenční listina", exact=True).click()
    for name in ("Alena Veřejná", existing.full_name):
        attendee = page.get_by_role("group", name=re.compile(f"^{re.escape(name)} – "))
        attendee.get_by_role("radio", name="přítomen", exact=True).check()
    page.get_by_role("button", name="Uložit prezenční listinu").click()
    expect(status).to_contain_text("Prezenční listina byla uložena.")
    expect(page.get_by_role("listitem").filter(has_text="přítomných hlasujících")).to_contain_text(
        "2 / 2"
    )

    # The minutes: one section per agenda item, the discussion, a resolution by vote.
    page.get_by_role("link", name="Zápis", exact=True).click()
    page.get_by_role("button", name="Založit zápis").click()
    page.get_by_label("Úvod").fill("Jednání zahájila koordinátorka a přivítala nové členy.")
    page.get_by_label("2. Dostupné bydlení").fill(DISCUSSION)
    page.get_by_role("button", name="Uložit text").click()
    expect(status).to_contain_text("Zápis byl uložen.")
    section = page.locator("section").filter(
        has=page.get_by_role("heading", name="2. Dostupné bydlení")
    )
    section.locator("summary", has_text="Přidat usnesení").click()  # opens the form
    section.get_by_label("Usnesení").fill(RESOLUTION)
    section.get_by_label("Způsob přijetí").select_option(label="hlasováním")
    section.get_by_role("spinbutton", name="Pro:", exact=True).fill("2")
    section.get_by_role("spinbutton", name="Proti:", exact=True).fill("0")
    section.get_by_role("spinbutton", name="Zdrželo se:").fill("0")
    section.get_by_role("button", name="Přidat usnesení").click()
    expect(status).to_contain_text("Usnesení bylo přidáno.")

    # Out to the attendees for comments, then approved and published.
    page.get_by_role("link", name="Zpět na zápis").click()
    expect(page.get_by_role("heading", name="Usnesení 2.1")).to_be_visible()
    page.get_by_role("button", name="Odeslat účastníkům k připomínkám").click()
    expect(status).to_contain_text("počet adresátů: 2")
    recipients = {address for message in mailoutbox for address in message.recipients()}
    assert {"alena.verejna@example.cz", existing.email} <= recipients
    page.get_by_role("button", name="Schválit").click()
    expect(status).to_contain_text("Zápis byl schválen.")
    page.get_by_role("button", name="Zveřejnit").click()
    expect(status).to_contain_text("Byla zveřejněna verze 1 zápisu.")
    minutes = Minutes.objects.get(meeting__body=group)
    assert minutes.status == Minutes.Status.PUBLISHED
    assert minutes.versions.get().pdf  # rendered at once (the test runs tasks immediately)

    # A citizen looks for the word in the portal, without diacritics, and reads the minutes.
    page.context.clear_cookies()
    page.goto("/cesky-tesin/")
    page.get_by_role("navigation", name="Komunitní plánování v oblasti").get_by_role(
        "link", name="Hledat"
    ).click()
    page.get_by_label("Hledaný výraz").fill("pavlacovych")
    page.get_by_label("Hledaný výraz").press("Enter")
    expect(page.get_by_role("heading", name="1 výsledek")).to_be_visible()
    result = page.get_by_role("link", name=re.compile(f"^{GROUP} "))
    expect(page.locator("mark")).to_have_text("pavlačových")
    result.click()
    main = page.get_by_role("main")
    expect(main).to_contain_text(DISCUSSION)
    expect(main).to_contain_text(RESOLUTION)
    expect(main).to_contain_text("Alena Veřejná")  # she agreed to show her name
    pdf = main.get_by_role("link", name=re.compile(r"^Zápis v PDF"))
    response = page.request.get(pdf.get_attribute("href"))
    assert response.ok and response.body().startswith(b"%PDF")

    # From the minutes to the group's public page, with its members.
    main.get_by_role("link", name=GROUP, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(GROUP)
    expect(page.get_by_role("main")).to_contain_text("Alena Veřejná")
    expect(page.get_by_role("main")).to_contain_text("Klub seniorů Olše, z. s.")
