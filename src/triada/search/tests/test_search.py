"""Search on whichever database the suite runs on (CI runs it on SQLite and PostgreSQL)."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile

from triada.documents.tests.test_extraction import make_pdf
from triada.meetings import services as meetings
from triada.minutes import services as minutes
from triada.minutes.uploads import uploaded_minutes_add
from triada.search.backends import search
from triada.search.models import SearchDocument
from triada.search.services import reindex_all
from triada.tests import factories


@pytest.fixture
def published(group):
    meeting = meetings.meeting_create(
        actor=None,
        body=group,
        starts_at=datetime.datetime(2019, 5, 16, 14, tzinfo=datetime.UTC),
        agenda=("Sociální bydlení",),
    )
    record = minutes.minutes_start(actor=None, meeting=meeting)
    minutes.minutes_update(
        actor=None,
        minutes=record,
        edit_count=0,
        opening="",
        closing="",
        discussions={
            s.pk: "Nedostatek odlehčovacích služeb pro seniory." for s in record.sections.all()
        },
    )
    minutes.minutes_approve(actor=None, minutes=record)
    minutes.minutes_publish(actor=None, minutes=record)
    return record


def _titles(hits):
    return [h.document.title for h in hits]


def test_without_diacritics_and_by_prefix(published):
    assert _titles(search("socialni")) and _titles(search("odlehcov"))
    hit = search("odlehčovacích")[0]
    assert hit.document.kind == "minutes"
    assert "<mark>odlehčovacích</mark>" in hit.snippet  # the text as written, marked


def test_filters_by_area_body_and_year(published, group, other_area):
    other = factories.make_body(other_area, "Sociální fórum")
    assert other.pk
    assert {h.document.area for h in search("socialni")} == {group.area, other_area}
    assert {h.document.area for h in search("socialni", area=group.area)} == {group.area}
    assert search("odlehcovacich", body=group, year=2019)
    assert not search("odlehcovacich", year=2018)


def test_the_words_that_scope_a_search_are_not_found_as_text(published, group):
    """SQLite keeps the area and the body as words ("a12 b34") beside the text."""
    assert search("socialni", area=group.area, body=group)
    assert not search(f"a{group.area.pk}")
    assert not search(f"b{group.pk}")


def test_uploaded_pdf_text_is_searchable(group):
    upload = SimpleUploadedFile("z.pdf", make_pdf("Terénní pečovatelská služba v Kuníně"))
    uploaded_minutes_add(
        actor=None,
        area=group.area,
        upload=upload,
        date=datetime.date(2018, 1, 1),
        period="year",
        body=group,
    )
    (hit,) = [h for h in search("pecovatelska") if h.document.kind == "upload"]
    assert "<mark>pečovatelská</mark>" in hit.snippet


def test_a_correction_replaces_the_indexed_text(published):
    section = published.sections.first()
    minutes.minutes_update(
        actor=None,
        minutes=published,
        edit_count=published.edit_count,
        opening="",
        closing="",
        discussions={section.pk: "Chybí denní stacionář."},
    )
    minutes.minutes_publish(actor=None, minutes=published, note="Oprava")
    assert not [h for h in search("odlehcovacich") if h.document.kind == "minutes"]
    assert search("stacionar")


def test_hostile_queries_are_harmless(published):
    for query in ['"', "NOT", "a OR", "*", "')--", "socialni\x00", "NEAR(", ":*&|!"]:
        search(query)  # no database error
    assert search("") == []


def test_reindex_builds_the_same_index(published):
    before = set(SearchDocument.objects.values_list("kind", "object_id", "text"))
    reindex_all()
    assert set(SearchDocument.objects.values_list("kind", "object_id", "text")) == before
    assert search("socialni")


def test_the_search_page(client, published, group):
    page = client.get("/hledat/", {"q": "socialni bydleni", "oblast": group.area.slug})
    soup = BeautifulSoup(page.content, "html.parser")
    results = soup.select("ol.results li")
    assert results and "Sociální bydlení" in results[0].get_text()
    assert soup.select_one("ol.results mark") is not None
    assert client.get("/hledat/", {"q": "x", "rok": "abc"}).status_code == 200


@pytest.mark.django_db
def test_a_common_word_ranks_only_the_newest_matches(area, monkeypatch):
    """PostgreSQL ranks at most RANKED matches, the newest: a word in most of a national
    instance is answered in a second, not a minute (docs/performance.md)."""
    from django.db import connection

    from triada.search.backends import PostgresBackend

    if connection.vendor != "postgresql":
        pytest.skip("SQLite's FTS5 ranks from its index")
    monkeypatch.setattr(PostgresBackend, "RANKED", 2)
    for year in (2019, 2021, 2023):
        SearchDocument.objects.create(
            area=area,
            kind=SearchDocument.Kind.MINUTES,
            object_id=year,
            title=f"Zápis {year}",
            text="Pečovatelská služba",
            date=datetime.date(year, 5, 1),
            url=f"/{year}/",
        )
    assert sorted(_titles(search("sluzba"))) == ["Zápis 2021", "Zápis 2023"]
