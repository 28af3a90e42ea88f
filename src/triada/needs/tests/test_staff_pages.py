"""The needs register's staff pages through HTTP: the coordinator moderates the public's
needs, a leader records the needs of his or her group."""

from bs4 import BeautifulSoup
from django.urls import reverse

from triada.conftest import client_for
from triada.needs import services
from triada.needs.models import Need
from triada.tests import factories


def url(name, area, *args):
    return reverse(f"needs:{name}", args=[area.slug, *args])


def messages_of(response) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(
        e.get_text(" ", strip=True) for e in soup.select(".messages, .form-errors, .field-error")
    )


def test_needs_register_moderation(coordinator_client, area, group, leader):
    public = services.need_submit(area=area, text="Lavičky u domova", submitter_name="Jan")
    page = coordinator_client.get(url("needs", area) + "?moderace=1").content.decode()
    assert "Lavičky u domova" in page
    response = coordinator_client.post(
        url("need_edit", area, public.pk),
        {"text": public.text, "status": "rejected", "reason": "", "published": "on"},
    )
    assert "Uveďte, proč je potřeba zamítnuta" in messages_of(response)
    assert not Need.objects.get().published
    coordinator_client.post(
        url("need_edit", area, public.pk),
        {"text": public.text, "status": "accepted", "reason": "", "published": "on"},
    )
    assert Need.objects.get().published
    response = client_for(leader).post(
        url("need_create", area), {"text": "Odlehčovací služba", "body": group.pk, "status": "new"}
    )
    assert response.status_code == 302
    assert Need.objects.get(text="Odlehčovací služba").published


def test_a_leader_records_needs_only_of_the_groups_he_leads(area, leader):
    foreign_group = factories.make_body(area, "Cizí skupina")
    response = client_for(leader).post(
        url("need_create", area), {"text": "Cizí potřeba", "body": foreign_group.pk}
    )
    assert response.status_code == 200
    assert "skupin, které vedete" in messages_of(response)
    assert not Need.objects.exists()
