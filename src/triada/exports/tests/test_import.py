"""Importing a body's roster from CSV or XLSX: all rows or none, through the services."""

import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from triada.audit.models import AuditEntry
from triada.conftest import client_for
from triada.exports import importing
from triada.exports.models import Job
from triada.people import selectors
from triada.people.models import Membership, Organization, Person
from triada.tests import factories

HEADER = "Jméno;Příjmení;E-mail;Telefon;Organizace;IČO;Strana triády;Funkce;Od;Do;Souhlas"
ROWS = [
    "Jana;Dvořáková;jana@example.cz;+420 777 111 222;Slezská diakonie;65468562;poskytovatel;"
    "vedoucí;5. 1. 2026;;ano",
    "Karel;Novák;;;;;uživatel;;2026-02-01;31. 12. 2026;ne",
    "Marie;Svobodová;marie@example.cz;;Město Český Těšín;00297437;zadavatel;členka;1.3.2026;;",
]


def _csv(*rows, header=HEADER, encoding="utf-8-sig") -> bytes:
    return "\r\n".join([header, *rows]).encode(encoding)


def _upload(client, body, content: bytes, name: str = "clenove.csv"):
    url = reverse("exports:roster_import", args=[body.area.slug, body.pk])
    return client.post(url, {"file": SimpleUploadedFile(name, content)})


def _roster_names(body) -> list[str]:
    return sorted(m.person.full_name for m in selectors.membership_history(body))


def _counts():
    return (
        Person.objects.count(),
        Organization.objects.count(),
        Membership.objects.count(),
        AuditEntry.objects.count(),
    )


@pytest.fixture
def body(area):
    return factories.make_body(area, "Pracovní skupina Rodina")


def test_a_valid_csv_adds_the_members_through_the_services(coordinator_client, body, coordinator):
    response = _upload(coordinator_client, body, _csv(*ROWS))
    job = Job.objects.get()
    assert response.url == reverse("exports:job", args=[body.area.slug, job.pk])
    assert job.status == Job.Status.DONE, job.error or job.row_errors
    assert job.done == job.total == 3
    assert _roster_names(body) == ["Jana Dvořáková", "Karel Novák", "Marie Svobodová"]
    jana = Membership.objects.get(person__last_name="Dvořáková")
    assert jana.function == Membership.Function.LEADER
    assert jana.triad_side == "provider" and jana.start_on == datetime.date(2026, 1, 5)
    assert jana.organization.ico == "65468562" and jana.person.public_consent
    assert jana.person.phone == "+420 777 111 222"
    karel = Membership.objects.get(person__last_name="Novák")
    assert karel.end_on == datetime.date(2026, 12, 31) and karel.organization is None
    marie = Membership.objects.get(person__last_name="Svobodová")
    assert marie.function == Membership.Function.MEMBER and marie.start_on.month == 3
    # Every write left its audit entry, by the coordinator.
    entries = AuditEntry.objects.filter(area=body.area, actor=coordinator)
    assert entries.filter(object_type="people.membership").count() == 3
    assert entries.filter(object_type="people.person").count() == 3
    assert entries.filter(object_type="people.organization").count() == 2
    # The roster page shows them; the job's source file is gone.
    page = coordinator_client.get(reverse("structure:body", args=[body.area.slug, body.pk]))
    assert "Dvořáková" in page.content.decode()
    assert not job.source
    assert job.summary in coordinator_client.get(response.url).content.decode()


def test_existing_persons_and_organizations_are_reused(coordinator_client, body, area):
    person = factories.make_person(
        area, first_name="JANA", last_name="DVOŘÁKOVÁ", email="JANA@example.cz"
    )
    person.public_consent = True
    person.save()
    organization = factories.make_organization(area, name="Diakonie", ico="65468562")
    karel = factories.make_person(area, first_name="Karel", last_name="Novák")
    before = (Person.objects.count(), Organization.objects.count())
    _upload(coordinator_client, body, _csv(*ROWS[:2]))
    assert Job.objects.get().status == Job.Status.DONE
    assert (Person.objects.count(), Organization.objects.count()) == before
    assert {m.person for m in body.memberships.all()} == {person, karel}
    assert body.memberships.get(person=person).organization == organization
    person.refresh_from_db()
    assert person.email == "JANA@example.cz" and person.first_name == "JANA"  # not changed


def test_an_email_of_someone_else_is_an_error_not_their_membership(coordinator_client, body, area):
    """A shared office address must not put a user of services on a consenting director."""
    director = factories.make_person(
        area, first_name="Ředitel", last_name="Charity", email="info@charita.cz"
    )
    director.public_consent = True
    director.save()
    before = _counts()
    row = "Petr;Starý;info@charita.cz;;;;uživatel;;5. 1. 2026;;"
    _upload(coordinator_client, body, _csv(row))
    job = Job.objects.get()
    assert job.status == Job.Status.FAILED
    assert "Ředitel Charity" in job.row_errors[0] and "info@charita.cz" in job.row_errors[0]
    assert _counts() == before


def test_one_email_for_two_names_in_one_file_is_an_error(coordinator_client, body):
    before = _counts()
    rows = ["Petr;Starý;info@charita.cz;;;;uživatel;;5. 1. 2026;;", ROWS[1],
            "Eva;Mladá;INFO@charita.cz;;;;uživatel;;5. 1. 2026;;"]  # fmt: skip
    _upload(coordinator_client, body, _csv(*rows))
    job = Job.objects.get()
    assert job.status == Job.Status.FAILED and len(job.row_errors) == 1
    assert job.row_errors[0].startswith(("Row 4:", "Řádek 4:"))
    assert "Petr Starý" in job.row_errors[0] and " 2" in job.row_errors[0]  # names row 2
    assert _counts() == before


def test_a_consent_that_differs_from_the_recorded_one_is_an_error(coordinator_client, body, area):
    factories.make_person(area, first_name="Karel", last_name="Novák")  # no consent
    stated = ROWS[1].removesuffix(";ne") + ";ano"
    before = _counts()
    _upload(coordinator_client, body, _csv(stated))
    job = Job.objects.get()
    assert job.status == Job.Status.FAILED and "Karel Novák" in job.row_errors[0]
    assert _counts() == before
    # Left empty, the cell keeps the recorded consent.
    Job.objects.all().delete()
    _upload(coordinator_client, body, _csv(ROWS[1].removesuffix(";ne") + ";"))
    assert Job.objects.get().status == Job.Status.DONE
    assert not Person.objects.get(last_name="Novák").public_consent


def test_every_wrong_row_is_named_in_one_pass(coordinator_client, body, area):
    for _ in range(2):
        factories.make_person(area, first_name="Karel", last_name="Novák")
    _upload(coordinator_client, body, _csv(ROWS[1], "Petr;Chybný;;;;;xyz;;5. 1. 2026;;"))
    first, second = Job.objects.get().row_errors  # in the order of the rows
    assert first.startswith(("Row 2:", "Řádek 2:")) and "Karel Novák" in first
    assert second.startswith(("Row 3:", "Řádek 3:")) and "xyz" in second


def test_control_characters_are_dropped(coordinator_client, body):
    _upload(coordinator_client, body, _csv("Jana;No\x01vá;;;;;uživatel;;5. 1. 2026;;ano"))
    assert Job.objects.get().status == Job.Status.DONE
    assert Person.objects.get().last_name == "Nová"


def test_an_xlsx_with_real_dates_and_numbers(coordinator_client, body):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["jméno", "příjmení", "organizace", "IČO", "strana triády", "od", "do"])
    sheet.append(["Eva", "Malá", "Obec", 297437, "Zadavatel", datetime.datetime(2026, 1, 5), None])
    sheet.append([])
    sheet.append(
        ["Ivo", "Velký", None, None, "veřejnost", "5. 1. 2026", datetime.date(2026, 6, 30)]
    )
    content = io.BytesIO()
    workbook.save(content)
    _upload(coordinator_client, body, content.getvalue(), "clenove.xlsx")
    job = Job.objects.get()
    assert job.status == Job.Status.DONE, job.row_errors
    eva = Membership.objects.get(person__last_name="Malá")
    assert eva.organization.ico == "00297437" and eva.start_on == datetime.date(2026, 1, 5)
    assert Membership.objects.get(person__last_name="Velký").end_on == datetime.date(2026, 6, 30)


def test_a_windows_1250_csv_from_czech_excel(coordinator_client, body):
    content = _csv("Řehoř;Šťastný;;;;;uživatel;;5. 1. 2026;;", encoding="cp1250")
    _upload(coordinator_client, body, content)
    assert Job.objects.get().status == Job.Status.DONE
    assert _roster_names(body) == ["Řehoř Šťastný"]


def test_one_bad_row_saves_nothing_and_names_the_row(coordinator_client, body):
    before = _counts()
    bad = "Petr;Chybný;;;;;xyz;;5. 1. 2026;;"
    response = _upload(coordinator_client, body, _csv(*ROWS, bad, "Ota;Zlý;;;;;zadavatel;;včera;;"))
    job = Job.objects.get()
    assert job.status == Job.Status.FAILED
    assert _counts() == before
    assert len(job.row_errors) == 2
    assert job.row_errors[0].startswith("Row 5:") or job.row_errors[0].startswith("Řádek 5:")
    assert "“xyz”" in job.row_errors[0] or "„xyz“" in job.row_errors[0]
    assert "včera" in job.row_errors[1]
    page = coordinator_client.get(response.url).content.decode()
    assert "xyz" in page and job.error in page


def test_a_row_the_services_refuse_saves_nothing(coordinator_client, body):
    """The same person twice in one period: the membership rules refuse the second row."""
    before = _counts()
    _upload(coordinator_client, body, _csv(ROWS[0], ROWS[0]))
    job = Job.objects.get()
    assert job.status == Job.Status.FAILED
    assert _counts() == before
    assert len(job.row_errors) == 1 and job.row_errors[0].startswith(("Row 3:", "Řádek 3:"))
    assert "Dvořáková" in job.row_errors[0]


def test_a_name_that_fits_two_persons_is_an_error(coordinator_client, body, area):
    for _ in range(2):
        factories.make_person(area, first_name="Karel", last_name="Novák")
    before = _counts()
    _upload(coordinator_client, body, _csv(ROWS[1]))
    job = Job.objects.get()
    assert job.status == Job.Status.FAILED and "Karel Novák" in job.row_errors[0]
    assert _counts() == before


@pytest.mark.parametrize(
    "name, content, words",
    [
        ("clenove.pdf", b"%PDF-1.4", "CSV"),
        ("clenove.csv", b"", ""),
        ("clenove.csv", b"\x81\x83\x88\x90\x98 \x00", "UTF-8"),
        ("clenove.xlsx", b"Jmeno;Prijmeni", "XLSX"),
        ("clenove.xlsx", b"PK\x03\x04 broken", "XLSX"),
        (
            "clenove.csv",
            "Jméno;Příjmení;Od\r\nJana;Nová;5. 1. 2026".encode(),
            ("side of the triad", "strana triády"),
        ),
        ("clenove.csv", HEADER.encode(), ""),
        ("clenove.csv", (HEADER + ";Jméno\r\n" + ROWS[0]).encode(), "Jméno"),
    ],
)
def test_a_file_that_cannot_be_imported_is_refused_at_once(
    coordinator_client, body, name, content, words
):
    before = _counts()
    response = _upload(coordinator_client, body, content, name)
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    alternatives = words if isinstance(words, tuple) else (words,)  # English or Czech
    assert errors and any(w in " ".join(errors) for w in alternatives), errors
    assert not Job.objects.exists() and _counts() == before


def _xlsx(replace: dict[str, bytes | None] | None = None) -> bytes:
    """A roster workbook; `replace` swaps parts of its ZIP (None drops the part)."""
    workbook = Workbook()
    for line in (HEADER, ROWS[0]):
        workbook.active.append(line.split(";"))
    buffer = io.BytesIO()
    workbook.save(buffer)
    source, target = zipfile.ZipFile(buffer), io.BytesIO()
    with zipfile.ZipFile(target, "w") as damaged:
        for member in source.infolist():
            content = (replace or {}).get(member.filename, source.read(member))
            if content is not None:
                damaged.writestr(member, content)
    return target.getvalue()


@pytest.mark.parametrize(
    ("part", "content"),
    [
        ("xl/worksheets/sheet1.xml", b"<broken"),
        ("xl/worksheets/sheet1.xml", None),  # a workbook without a sheet
        ("xl/workbook.xml", b"<broken"),
        ("xl/workbook.xml", None),
        ("xl/styles.xml", b"<broken"),  # (without styles, a workbook is still read)
        ("xl/_rels/workbook.xml.rels", b"<broken"),
        ("xl/_rels/workbook.xml.rels", None),
    ],
)
def test_a_damaged_workbook_is_refused_with_a_message(coordinator_client, body, part, content):
    assert importing.read_table(_xlsx(), "clenove.xlsx").rows  # whole, it is read
    before = _counts()
    response = _upload(coordinator_client, body, _xlsx({part: content}), "clenove.xlsx")
    assert response.status_code == 200
    assert "XLSX" in " ".join(response.context["form"].errors["file"])
    assert not Job.objects.exists() and _counts() == before


def test_a_workbook_that_unpacks_too_big_is_refused(coordinator_client, body, monkeypatch):
    monkeypatch.setattr(importing, "MAX_UNPACKED_BYTES", 1000)
    response = _upload(coordinator_client, body, _xlsx(), "clenove.xlsx")
    errors = " ".join(response.context["form"].errors["file"])
    assert "unpacked" in errors or "rozbalení" in errors
    assert not Job.objects.exists()


def test_a_file_too_big_is_refused(coordinator_client, body, monkeypatch):
    monkeypatch.setattr(importing, "MAX_BYTES", 100)
    response = _upload(coordinator_client, body, _csv(*ROWS))
    assert "MB" in " ".join(response.context["form"].errors["file"])
    assert not Job.objects.exists()


def test_too_many_rows_are_refused(coordinator_client, body, monkeypatch):
    monkeypatch.setattr(importing, "MAX_ROWS", 2)
    response = _upload(coordinator_client, body, _csv(*ROWS))
    assert response.context["form"].errors["file"]


def test_an_english_file_with_english_values(coordinator_client, body):
    content = "First name,Last name,Side,Function,From\r\nAnn,Lee,provider,deputy leader,2026-01-05"
    _upload(coordinator_client, body, content.encode())
    membership = Membership.objects.get(person__last_name="Lee")
    assert membership.function == Membership.Function.DEPUTY_LEADER


def test_only_the_coordinator_imports(body, leader, member, group, other_coordinator):
    """Leaders manage their rosters one by one; the import reaches persons of the whole area."""
    for user, status in ((leader, 403), (member, 403), (other_coordinator, 403)):
        client = client_for(user)
        assert _upload(client, group, _csv(*ROWS)).status_code == status
    assert not Job.objects.exists()


def test_the_body_page_links_to_the_import(coordinator_client, group, leader):
    url = reverse("exports:roster_import", args=[group.area.slug, group.pk])
    body_page = reverse("structure:body", args=[group.area.slug, group.pk])
    assert url in coordinator_client.get(body_page).content.decode()
    assert url not in client_for(leader).get(body_page).content.decode()
    assert coordinator_client.get(url).status_code == 200
