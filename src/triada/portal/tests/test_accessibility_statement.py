"""The accessibility statement (zákon č. 99/2019 Sb., § 8): the sections of the EU model, the
operator's contact from the settings, and a link to it from every page."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse

from triada.areas.models import validate_area_slug
from triada.portal.views import SUPERVISOR_URL

URL = "/prohlaseni-o-pristupnosti/"


def english_page(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(URL)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_the_address_is_czech_and_no_area_can_take_it(db):
    assert reverse("portal:accessibility") == URL
    with pytest.raises(ValidationError):
        validate_area_slug("prohlaseni-o-pristupnosti")


def test_the_statement_has_the_sections_of_the_model(client, settings):
    settings.TRIADA_OPERATOR = "Město Český Těšín"
    settings.TRIADA_ACCESSIBILITY_CONTACT = "pristupnost@tesin.example"
    settings.TRIADA_PUBLISHED_ON = "2027-01-15"
    page = english_page(client, settings)

    assert page.html["lang"] == "en"
    assert [h.get_text() for h in page.find_all("h1")] == ["Accessibility statement"]
    sections = {h2["id"]: h2.get_text() for h2 in page.select("main h2")}
    assert sections == {
        "stav-souladu": "Compliance status",
        "nepristupny-obsah": "Non-accessible content",
        "vypracovani": "Preparation of this accessibility statement",
        "zpetna-vazba": "Feedback and contact information",
        "vymahani": "Enforcement procedure",
    }
    text = " ".join(page.main.get_text().split())
    assert "Město Český Těšín is committed" in text
    assert "Act No. 99/2019 Coll." in text
    assert "is partially compliant" in text
    # Non-accessible content comes with its reasons: a breach, or outside the law's scope.
    assert len(page.select("#nepristupny-obsah ~ h3")) == 2
    assert len(page.select("#nepristupny-obsah ~ ul > li")) >= 3
    # How and when it was prepared, last reviewed and published.
    assert "self-assessment" in text
    assert "prepared on 23 Nov 2026" in text
    assert "last reviewed on 23 Nov 2026" in text
    assert "published on 15 Jan 2027" in text
    # Where to write, and where to turn after that: the supervisor's address as text.
    mail = page.select_one("#zpetna-vazba + p a[href^='mailto:']")
    assert mail["href"] == "mailto:pristupnost@tesin.example"
    supervisor = page.select_one("#vymahani + p a")
    assert supervisor["href"] == supervisor.get_text() == SUPERVISOR_URL


def test_without_settings_the_operator_is_named_generally(client, settings):
    settings.TRIADA_OPERATOR = settings.TRIADA_PUBLISHED_ON = ""
    settings.TRIADA_ACCESSIBILITY_CONTACT = "triada@mesto.example"  # DEFAULT_FROM_EMAIL
    page = english_page(client, settings)
    text = " ".join(page.main.get_text().split())
    assert "The operator of this website is committed" in text
    assert page.select_one("a[href^='mailto:']")["href"] == "mailto:triada@mesto.example"
    assert "website was published" not in text


def test_czech_is_the_default(client, db):
    response = client.get(URL)
    assert response.status_code == 200
    assert BeautifulSoup(response.content, "html.parser").html["lang"] == "cs"


def test_every_page_links_to_it_from_the_footer(client, db):
    for url in ["/", "/ucet/prihlaseni/", "/neexistuje/"]:
        page = BeautifulSoup(client.get(url).content, "html.parser")
        assert page.select_one(f"footer a[href='{URL}']"), url
