"""The public open data of an area: every dataset in every format, parsed back, with the
portal's privacy rules."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from triada.exports.datasets import DATASETS
from triada.structure import services as structure_services
from triada.structure.models import Body

from .conftest import body_of, read_csv, read_json, read_xlsx

FORMATS = ("csv", "xlsx", "json")


def _url(area, dataset, fmt):
    return reverse("open_data:download", args=[area.slug, dataset, fmt])


def _rows(client, area, dataset, fmt) -> tuple[list, list]:
    """(header, rows) of a download, whatever its format."""
    response = client.get(_url(area, dataset, fmt))
    assert response.status_code == 200
    assert f'filename="{area.slug}-{dataset}.{fmt}"' in response["Content-Disposition"]
    content = body_of(response)
    if fmt == "csv":
        header, *rows = read_csv(content)
    elif fmt == "xlsx":
        header, *rows = read_xlsx(content)
    else:
        items = read_json(content)
        header = list(items[0]) if items else []
        rows = [list(item.values()) for item in items]
    return header, rows


def test_the_page_lists_every_dataset_with_its_downloads(client, world):
    response = client.get(reverse("open_data:index", args=[world.area.slug]))
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    links = {a["href"] for a in page.select("main a[download]")}
    assert links == {_url(world.area, d, f) for d in DATASETS for f in FORMATS}
    assert len(page.select("h1")) == 1
    # The portal's navigation leads here.
    nav = page.select_one("nav.subnav")
    assert reverse("open_data:index", args=[world.area.slug]) in str(nav)


@pytest.mark.parametrize("fmt", FORMATS)
def test_memberships_parse_back_with_names_only_by_consent(client, world, fmt):
    header, rows = _rows(client, world.area, "clenove", fmt)
    columns = DATASETS["clenove"].columns(False)
    if fmt == "json":
        assert header == [c.key for c in columns]
    else:
        assert len(header) == len(columns)
    assert len(rows) == 2
    text = repr(rows)
    assert "Alena Veřejná" in text
    assert "Skrytá" not in text and "Tereza" not in text
    assert "@" not in text  # no e-mail, ever
    named = next(r for r in rows if "Alena Veřejná" in r)
    assert "Charita Těšín" in named and "73632783" in named
    hidden = next(r for r in rows if r is not named)
    assert hidden[3] in ("", None)  # the name column, left empty


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_dataset_names_a_person_without_consent(client, world, fmt):
    for dataset in DATASETS:
        _header, rows = _rows(client, world.area, dataset, fmt)
        assert "Skrytá" not in repr(rows), dataset
        assert "tereza.skryta" not in repr(rows), dataset


def test_bodies_meetings_minutes_and_plan(client, world):
    area = world.area
    assembly = Body.objects.get(area=area, kind=Body.Kind.ASSEMBLY)
    structure_services.body_update(actor=None, body=world.group, reports_to=[assembly])
    _header, bodies = _rows(client, area, "organy", "json")
    assert {b[1] for b in bodies} == {"Senioři", "Zastupitelstvo"}  # the plan's assembly
    group = next(b for b in bodies if b[0] == world.group.pk)
    assert group[3:7] == ["pracovní skupina", "2015-01-01", None, "Zastupitelstvo"]
    assert group[-1] == f"http://testserver/{area.slug}/organy/{world.group.slug}/"

    _header, meetings = _rows(client, area, "jednani", "csv")
    assert len(meetings) == 1
    assert meetings[0][4] == "2019-03-14 15:00"  # Prague time
    assert meetings[0][6] == "Radnice"
    assert meetings[0][-1].endswith(f"/{area.slug}/jednani/{world.meeting.pk}/")

    _header, minutes = _rows(client, area, "zapisy", "json")
    assert len(minutes) == 2  # the published version and the archive upload
    written = next(m for m in minutes if m[1] == world.meeting.pk)
    assert written[5] == 1 and written[-1].endswith(f"/zapisy/{world.version.pk}.pdf")
    archive = next(m for m in minutes if m[1] is None)
    assert archive[3] == "2016-03-01" and archive[-1].endswith(f"/archiv/{world.upload.pk}.pdf")

    _header, items = _rows(client, area, "plan", "xlsx")
    assert [i[0] for i in items] == ["1", "1.1", "1.1.1", "1.1.1.1", "1.1.1.1.1", "1.1.1.1.2"]
    assert [i[4] for i in items] == [None, "1", "1.1", "1.1.1", "1.1.1.1", "1.1.1.1"]
    measure = items[3]
    assert measure[5] == "Charita Těšín"  # the non-consenting person is left out
    assert measure[-1] == 1500  # a number in XLSX


def test_csv_is_for_czech_excel(client, world):
    content = body_of(client.get(_url(world.area, "plan", "csv")))
    header_line = content.decode("utf-8-sig").split("\r\n")[0]
    assert header_line.count(";") == len(DATASETS["plan"].columns(False)) - 1
    rows = read_csv(content)
    assert rows[4][-1] == "1500"


def test_the_plan_dataset_is_empty_without_a_plan_in_force(client, area):
    assert read_json(body_of(client.get(_url(area, "plan", "json")))) == []
    _header, *rows = read_csv(body_of(client.get(_url(area, "plan", "csv"))))
    assert rows == []


@pytest.mark.parametrize(
    "dataset, fmt", [("neexistuje", "csv"), ("clenove", "pdf"), ("clenove", "CSV")]
)
def test_unknown_datasets_and_formats_are_not_found(client, area, dataset, fmt):
    assert client.get(_url(area, dataset, fmt)).status_code == 404


def test_an_unknown_area_is_not_found(client, db):
    assert client.get("/neni/otevrena-data/").status_code == 404
    assert client.get("/neni/otevrena-data/clenove.csv").status_code == 404


def test_open_data_may_be_read_by_any_web_page(client, world):
    response = client.get(_url(world.area, "organy", "json"))
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Content-Type"] == "application/json"


def test_control_characters_in_a_name_do_not_break_the_workbook(client, world):
    """XML cannot hold them; pasted text can carry them. They are dropped, not a 500."""
    world.named.last_name = "Veř\x01ejná\x0b"
    world.named.save()
    _header, rows = _rows(client, world.area, "clenove", "xlsx")
    assert "Alena Veřejná" in repr(rows)
