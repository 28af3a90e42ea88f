"""The public minutes archive and its Atom feed."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from triada.meetings import services as meetings
from triada.minutes import services as minutes


@pytest.fixture
def published(group, leader):
    def publish(month, text="Text"):
        meeting = meetings.meeting_create(
            actor=None,
            body=group,
            starts_at=datetime.datetime(2019, month, 15, 14, tzinfo=datetime.UTC),
            agenda=("Bod",),
        )
        record = minutes.minutes_start(actor=None, meeting=meeting)
        minutes.minutes_approve(actor=None, minutes=record)
        return minutes.minutes_publish(actor=None, minutes=record)

    return [publish(1), publish(2)]


def test_archive_by_month_with_czech_sizes(client, group, published):
    page = BeautifulSoup(client.get(f"/{group.area.slug}/zapisy/?rok=2019").content, "html.parser")
    months = [h.get_text() for h in page.select("main h2")]
    assert months == ["Únor 2019", "Leden 2019"]
    first = page.select_one("ul.archive li").get_text(" ", strip=True)
    assert first.startswith("Zápis – Senioři, 15. 2. 2019")
    assert "(pdf, " in first and "kB)" in first


def test_unpublished_minutes_are_not_in_the_archive(client, group, published):
    meeting = meetings.meeting_create(
        actor=None, body=group, starts_at=datetime.datetime(2019, 3, 15, 14, tzinfo=datetime.UTC)
    )
    minutes.minutes_start(actor=None, meeting=meeting)
    html = client.get(f"/{group.area.slug}/zapisy/?rok=2019").content.decode()
    assert "15. 3. 2019" not in html


def test_atom_feed_lists_new_minutes(client, group, published):
    response = client.get(f"/{group.area.slug}/zapisy/atom.xml")
    assert response["Content-Type"].startswith("application/atom+xml")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = ET.fromstring(response.content).findall("a:entry", ns)
    assert len(entries) == 2
    link = entries[0].find("a:link", ns).get("href")
    assert f"/{group.area.slug}/jednani/" in link
