import datetime

from bs4 import BeautifulSoup
from django.urls import reverse

from triada.people import services as people_services
from triada.tests import factories


def test_coordinator_reads_who_changed_what_in_czech(coordinator_client, coordinator, group):
    person = factories.make_person(group.area, first_name="Eva", last_name="Zapsaná")
    people_services.membership_create(
        actor=coordinator,
        body=group,
        person=person,
        triad_side="provider",
        function="minute_taker",
        start_on=datetime.date(2017, 3, 5),
    )
    url = reverse("staff:audit_log", kwargs={"area_slug": group.area.slug})
    page = BeautifulSoup(
        coordinator_client.get(url, headers={"accept-language": "cs"}).content, "html.parser"
    )
    newest = " ".join(page.select_one("table.audit tbody tr").get_text(" ").split())
    assert "koordinator" in newest
    assert "Eva Zapsaná" in newest
    assert "zapisovatel" in newest  # the choice label, not "minute_taker"
    assert "poskytovatel" in newest
    assert "5. 3. 2017" in newest  # a Czech date, not 2017-03-05
    assert "minute_taker" not in newest and "2017-03-05" not in newest


def test_the_audit_log_of_another_area_stays_hidden(coordinator_client, other_area, area):
    other_body = factories.make_body(other_area, "Cizí skupina")
    assert other_body.pk
    url = reverse("staff:audit_log", kwargs={"area_slug": area.slug})
    assert "Cizí skupina" not in coordinator_client.get(url).content.decode()
