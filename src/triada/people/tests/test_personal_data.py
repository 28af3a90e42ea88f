"""Personal data on request, through HTTP: the export, the erasure that keeps the minutes
meaningful, and consent that takes effect at once on every public page, file and search."""

import datetime
import json

import pypdfium2
import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from triada.audit.models import AuditEntry
from triada.conftest import client_for
from triada.meetings import services as meetings
from triada.minutes import services as minutes_services
from triada.minutes.models import Version
from triada.people.models import Membership, Person
from triada.search.backends import search
from triada.tests import factories

NAME = "Jana Soukromá"


@pytest.fixture
def jana(area, group):
    user = factories.make_user("jana", email="jana@example.cz")
    person = factories.make_person(
        area,
        user=user,
        first_name="Jana",
        last_name="Soukromá",
        email="jana@example.cz",
        phone="+420 601 000 111",
        public_consent=True,
    )
    organization = factories.make_organization(area, name="Klub Olše")
    factories.make_membership(group, person, organization=organization)
    return person


@pytest.fixture
def published(group, jana):
    """Minutes published with Jana present, responsible for a task and named in the text."""
    meeting = meetings.meeting_create(
        actor=None,
        body=group,
        starts_at=datetime.datetime(2024, 5, 16, 14, tzinfo=datetime.UTC),
        agenda=("Bydlení",),
    )
    membership = Membership.objects.get(person=jana)
    meetings.attendance_record(
        actor=None, meeting=meeting, entries={membership.pk: ("present", None)}
    )
    record = minutes_services.minutes_start(actor=None, meeting=meeting)
    section = record.sections.first()
    minutes_services.minutes_update(
        actor=None,
        minutes=record,
        edit_count=0,
        opening="",
        closing="",
        discussions={section.pk: f"{NAME} představila odlehčovací službu."},
    )
    minutes_services.task_add(
        actor=None, minutes=record, section=section, text="Zjistit kapacity", responsible=jana
    )
    minutes_services.minutes_approve(actor=None, minutes=record)
    minutes_services.minutes_publish(actor=None, minutes=record)
    return meeting


def _pdf_text(meeting) -> str:
    version = Version.objects.get(minutes__meeting=meeting)
    with version.pdf.open("rb") as pdf:
        document = pypdfium2.PdfDocument(pdf.read())
    return "\n".join(page.get_textpage().get_text_range() for page in document)


def _public_texts(client, area, group, meeting) -> dict[str, str]:
    """What the public reads wherever the person could appear."""
    return {
        "body page": client.get(f"/{area.slug}/organy/{group.slug}/").content.decode(),
        "meeting page": client.get(f"/{area.slug}/jednani/{meeting.pk}/").content.decode(),
        "minutes PDF": _pdf_text(meeting),
        "search": " ".join(hit.snippet for hit in search("Soukromá")),
    }


@pytest.mark.django_db
def test_the_coordinator_exports_everything_about_the_person(coordinator_client, area, jana):
    meeting_free_url = reverse("people:person_export", args=[area.slug, jana.pk])
    response = coordinator_client.get(meeting_free_url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["person"]["last_name"] == "Soukromá"
    assert data["person"]["phone"] == "+420 601 000 111"
    assert data["memberships"][0]["organization"] == "Klub Olše"
    assert data["account"]["username"] == "jana"
    entry = AuditEntry.objects.get(action=AuditEntry.Action.DATA_EXPORT)
    assert entry.object_id == str(jana.pk)
    assert entry.area == area


@pytest.mark.django_db
def test_a_user_downloads_their_own_data_and_nobody_elses(client, area, jana, member):
    own = client_for(jana.user).get(reverse("my_data"))
    assert json.loads(own.content)["person"]["email"] == "jana@example.cz"
    # A member cannot read someone else's export in the staff UI.
    forbidden = client_for(member).get(reverse("people:person_export", args=[area.slug, jana.pk]))
    assert forbidden.status_code == 403
    assert client.get(reverse("my_data")).status_code == 302  # anonymous: sign in


@pytest.mark.django_db
def test_withdrawn_consent_takes_effect_at_once_everywhere(
    client, coordinator_client, area, group, jana, published
):
    before = _public_texts(client, area, group, published)
    assert all(NAME in text for name, text in before.items() if name != "search"), before
    edit = reverse("people:person_edit", args=[area.slug, jana.pk])
    form = {"first_name": "Jana", "last_name": "Soukromá", "email": jana.email}
    response = coordinator_client.post(edit, form)  # the consent box left unticked
    assert response.status_code == 302
    after = _public_texts(client, area, group, published)
    for page in ("body page", "meeting page", "minutes PDF"):
        # Attendance and task lines lose the name; the organization keeps the line's meaning.
        assert "Jana Soukromá</span>" not in after[page], page
        assert "Klub Olše" in after[page] or page == "minutes PDF", page
    assert "jméno nezveřejněno" in after["meeting page"]
    assert NAME not in after["minutes PDF"].split("Zjistit kapacity")[1]
    # Consent given again shows the name again.
    coordinator_client.post(edit, {**form, "public_consent": "on"})
    assert "Jana Soukromá</span>" in _public_texts(client, area, group, published)["meeting page"]
    changes = AuditEntry.objects.filter(object_type="people.person", object_id=str(jana.pk))
    assert [e.changes.get("public_consent") for e in changes.order_by("pk")][-2:] == [
        ["True", "False"],
        ["False", "True"],
    ]


@pytest.mark.django_db
def test_erasure_keeps_the_meaning_and_removes_the_name(
    client, coordinator_client, area, group, jana, published
):
    erase = reverse("people:person_erase", args=[area.slug, jana.pk])
    # Without the confirmation nothing happens.
    refused = coordinator_client.post(erase, {})
    assert refused.status_code == 200
    assert refused.context["form"].errors["confirm"]
    assert Person.objects.get(pk=jana.pk).erased_at is None

    assert coordinator_client.post(erase, {"confirm": "on"}).status_code == 302
    jana.refresh_from_db()
    assert jana.erased_at is not None
    assert (jana.first_name, jana.last_name, jana.email, jana.phone) == ("", "", "", "")
    assert jana.user is None
    # The membership stays, for the organization; the minutes keep the line and the task.
    membership = Membership.objects.get(person=jana)
    assert membership.organization.name == "Klub Olše"
    after = _public_texts(client, area, group, published)
    for page, text in after.items():
        assert "Soukromá" not in text, page
    assert "Zjistit kapacity" in after["meeting page"]
    assert "představila odlehčovací službu" in after["meeting page"]
    # The working text, the audit log and the account keep no trace of the name.
    section = published.minutes.sections.first()
    assert "Soukromá" not in section.discussion
    assert not AuditEntry.objects.filter(object_repr__contains="Soukromá").exists()
    assert not any(
        "Soukromá" in json.dumps(e.changes, ensure_ascii=False) for e in AuditEntry.objects.all()
    )
    assert (
        client_for(None)
        .post(reverse("accounts:login"), {"username": "jana", "password": "correct horse battery"})
        .status_code
        == 200
    )
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.ERASURE, object_id=str(jana.pk)
    ).exists()
    # The staff page says what happened; a second erasure is not offered.
    detail = coordinator_client.get(reverse("people:person", args=[area.slug, jana.pk]))
    assert "vymazány na žádost" in detail.content.decode()
    assert coordinator_client.get(erase).status_code == 404


@pytest.mark.django_db
def test_the_person_page_offers_export_and_erasure(coordinator_client, area, jana):
    page = coordinator_client.get(reverse("people:person", args=[area.slug, jana.pk]))
    html = page.content.decode()
    assert html.count("Stáhnout osobní údaje (JSON)") == 1
    title = BeautifulSoup(html, "html.parser").title.get_text()
    assert title.startswith("Jana Soukromá") and "Osobní údaje" not in title
