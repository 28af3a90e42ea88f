"""Exports stream: the number of queries and the memory they take do not grow with the rows."""

import datetime
import io
import tracemalloc
import zipfile

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from triada.exports import streaming
from triada.exports.streaming import ZipMember
from triada.meetings.models import Meeting
from triada.people.models import Membership, Person, TriadSide
from triada.tests import factories

from .conftest import read_csv


def add_members(group, count: int) -> None:
    """Many members at once (the services' rules are not what is measured here)."""
    persons = Person.objects.bulk_create(
        Person(
            area=group.area,
            first_name=f"Jméno{n}",
            last_name=f"Příjmení{n}",
            email=f"osoba{n}@example.cz",
            public_consent=n % 2 == 0,
        )
        for n in range(count)
    )
    organization = factories.make_organization(group.area)
    Membership.objects.bulk_create(
        Membership(
            body=group,
            person=person,
            organization=organization if n % 3 else None,
            triad_side=TriadSide.PROVIDER,
            start_on=datetime.date(2016, 1, 1) + datetime.timedelta(days=n % 900),
            note="Poznámka " * 5,
        )
        for n, person in enumerate(persons)
    )


def add_meetings(group, count: int) -> None:
    start = timezone.now()
    Meeting.objects.bulk_create(
        Meeting(body=group, starts_at=start + datetime.timedelta(days=n), place=f"Sál {n}")
        for n in range(count)
    )


def consume(response) -> int:
    """Read a download the way a server sends it: piece by piece, keeping nothing."""
    size = 0
    for chunk in response.streaming_content:
        size += len(chunk)
    return size


DOWNLOADS = [
    ("open_data:download", "clenove"),
    ("open_data:download", "jednani"),
    ("open_data:download", "organy"),
    ("open_data:download", "zapisy"),
    ("open_data:download", "plan"),
    ("exports:download", "clenove"),
    ("exports:download", "jednani"),
]


@pytest.mark.parametrize("name, dataset", DOWNLOADS)
@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_queries_do_not_grow_with_the_rows(coordinator_client, group, name, dataset, fmt):
    url = reverse(name, args=[group.area.slug, dataset, fmt])
    consume(coordinator_client.get(url))  # the session's first request asks for more
    counts = []
    for rows in (5, 50):
        add_members(group, rows)
        add_meetings(group, rows)
        with CaptureQueriesContext(connection) as queries:
            response = coordinator_client.get(url)
            assert response.status_code == 200
            consume(response)
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def _peak(client, url) -> tuple[int, int]:
    tracemalloc.start()
    try:
        size = consume(client.get(url))
        return tracemalloc.get_traced_memory()[1], size
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
@pytest.mark.parametrize("name", ["open_data:download", "exports:download"])
def test_memory_does_not_grow_with_the_rows(coordinator_client, group, monkeypatch, fmt, name):
    """Ten times the rows, about the same peak memory: the rows are read in chunks of
    CHUNK_SIZE and sent in blocks of BLOCK_BYTES (both made small here, so that both sizes
    span many of them) and never held."""
    monkeypatch.setattr(streaming, "CHUNK_SIZE", 100)
    monkeypatch.setattr(streaming, "BLOCK_BYTES", 8 * 1024)
    url = reverse(name, args=[group.area.slug, "clenove", fmt])
    add_members(group, 10)
    _peak(coordinator_client, url)  # warm up: templates, translations, imports
    add_members(group, 290)
    small, small_size = _peak(coordinator_client, url)
    add_members(group, 2700)
    big, big_size = _peak(coordinator_client, url)
    assert big_size > 5 * small_size  # the export did grow
    assert big < 1.5 * small + 256 * 1024, (small, big)


def test_a_list_in_memory_would_fail_the_memory_check(coordinator_client, group, monkeypatch):
    """The check above can fail: with every row read at once, the peak grows with the rows."""
    monkeypatch.setattr(streaming, "CHUNK_SIZE", 100_000)
    monkeypatch.setattr(streaming, "BLOCK_BYTES", 8 * 1024)
    url = reverse("exports:download", args=[group.area.slug, "clenove", "csv"])
    add_members(group, 10)
    _peak(coordinator_client, url)
    add_members(group, 290)
    small, _size = _peak(coordinator_client, url)
    add_members(group, 2700)
    big, _size = _peak(coordinator_client, url)
    assert big > 1.5 * small + 256 * 1024


# The ZIP writer


def _members(count: int, size: int):
    block = bytes(range(256)) * 256  # 64 KiB that do not compress to nothing

    def chunks():
        for _ in range(size // len(block)):
            yield block

    when = datetime.datetime(2026, 1, 5, 10, tzinfo=datetime.UTC)
    return (ZipMember(f"soubory/{n}.bin", when, chunks) for n in range(count))


def test_the_zip_is_written_while_it_is_read_and_opens():
    pieces = []
    for piece in streaming.zip_chunks(_members(3, 256 * 1024)):
        pieces.append(piece)
    assert len(pieces) > 3  # handed on member by member, not at the end
    archive = zipfile.ZipFile(io.BytesIO(b"".join(pieces)))
    assert archive.testzip() is None
    assert [i.file_size for i in archive.infolist()] == [256 * 1024] * 3
    # Written to a pipe that cannot seek: sizes follow each member in a data descriptor.
    assert all(info.flag_bits & 0x08 for info in archive.infolist())


def _zip_peak(size: int) -> int:
    tracemalloc.start()
    try:
        for _piece in streaming.zip_chunks(_members(4, size)):
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_the_zip_takes_the_same_memory_for_bigger_files():
    _zip_peak(128 * 1024)
    small = _zip_peak(512 * 1024)
    big = _zip_peak(5 * 1024 * 1024)
    assert big < 1.5 * small + 256 * 1024, (small, big)


# Values


def test_csv_cells_that_look_like_formulas_stay_text():
    assert streaming.csv_value("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert streaming.csv_value("@SUM(A1)") == "'@SUM(A1)"
    assert streaming.csv_value("-2+3*cmd") == "'-2+3*cmd"
    assert streaming.csv_value("+420 123 456 789") == "+420 123 456 789"
    assert streaming.csv_value(None) == ""


def test_czech_csv_parses_in_czech_excel_terms(coordinator_client, group):
    add_members(group, 3)
    url = reverse("exports:download", args=[group.area.slug, "clenove", "csv"])
    header, *rows = read_csv(b"".join(coordinator_client.get(url).streaming_content))
    assert len(rows) == 3
    assert all(len(row) == len(header) for row in rows)


def test_decimals_are_written_alike_on_every_database():
    from decimal import Decimal

    assert streaming.csv_value(Decimal("1500.00")) == "1500"
    assert streaming.csv_value(Decimal("1500.50")) == "1500,5"
    assert streaming.json_value(Decimal("1500.00")) == 1500
