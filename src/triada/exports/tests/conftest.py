"""An area with something of every dataset: a consenting and a non-consenting member, a
meeting with published minutes, an archive upload and a plan in force with costs and
responsible parties."""

import csv
import datetime
import io
import json
from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from triada.documents.tests.test_extraction import make_pdf
from triada.meetings import services as meeting_services
from triada.minutes import services as minutes_services
from triada.minutes.uploads import uploaded_minutes_add
from triada.people.models import TriadSide
from triada.planning import services as planning_services
from triada.planning.models import PlanItem, PlanVersion
from triada.tests import factories


@dataclass
class World:
    area: object
    group: object
    named: object  # consents to the publication of the name
    hidden: object  # does not
    organization: object
    meeting: object
    version: object  # published minutes
    upload: object
    plan: object  # the version in force


@pytest.fixture
def world(area, group, coordinator) -> World:
    organization = factories.make_organization(area, name="Charita Těšín", ico="73632783")
    named = factories.make_person(
        area, first_name="Alena", last_name="Veřejná", public_consent=True, email="a@example.cz"
    )
    hidden = factories.make_person(
        area, first_name="Tereza", last_name="Skrytá", email="tereza.skryta@example.cz"
    )
    factories.make_membership(group, named, side=TriadSide.PROVIDER, organization=organization)
    factories.make_membership(group, hidden, side=TriadSide.USER)
    meeting = meeting_services.meeting_create(
        actor=None,
        body=group,
        starts_at=datetime.datetime(2019, 3, 14, 14, tzinfo=datetime.UTC),
        place="Radnice",
        agenda=("Bod",),
    )
    minutes = minutes_services.minutes_start(actor=None, meeting=meeting)
    minutes_services.minutes_approve(actor=None, minutes=minutes)
    version = minutes_services.minutes_publish(actor=None, minutes=minutes)
    upload = uploaded_minutes_add(
        actor=None,
        area=area,
        upload=SimpleUploadedFile("zapis 2016.pdf", make_pdf(), content_type="application/pdf"),
        date=datetime.date(2016, 3, 1),
        period="year",
        body=group,
    )
    draft = factories.make_plan(area, owner=group)
    measure = draft.items.get(kind=PlanItem.Kind.MEASURE)
    planning_services.cost_set(actor=None, item=measure, year=2018, source="city", amount=1500)
    planning_services.responsibility_add(actor=None, item=measure, person=hidden)
    planning_services.responsibility_add(actor=None, item=measure, organization=organization)
    plan = factories.advance_plan(draft, PlanVersion.Status.IN_FORCE)
    return World(area, group, named, hidden, organization, meeting, version, upload, plan)


# Reading the formats back


def read_csv(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf"), "Czech Excel needs the BOM"
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def read_xlsx(content: bytes, sheet: int = 0) -> list[list]:
    workbook = load_workbook(io.BytesIO(content), read_only=True)
    rows = [list(row) for row in workbook.worksheets[sheet].iter_rows(values_only=True)]
    workbook.close()
    return rows


def read_json(content: bytes) -> list[dict]:
    return json.loads(content)


def body_of(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content
