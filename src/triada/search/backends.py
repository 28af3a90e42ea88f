"""One search interface, two backends: SQLite FTS5 (the default database) and PostgreSQL
full text. Both fold diacritics ("socialni" finds "sociální"), match word prefixes, and
return a snippet with the matches marked."""

import re
from dataclasses import dataclass

from django.db import connection
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import SearchDocument

# Markers that cannot occur in text, put around matches by the database, turned into
# <mark> after the snippet is escaped.
START, STOP = "\ue000", "\ue001"
MAX_TERMS = 8


@dataclass(frozen=True)
class Hit:
    document: SearchDocument
    snippet: SafeString


def terms(query: str) -> list[str]:
    """The words of a query; everything else (operators, quotes) is dropped."""
    return re.findall(r"\w+", query.lower())[:MAX_TERMS]


def _marked(snippet: str) -> SafeString:
    return mark_safe(escape(snippet).replace(START, "<mark>").replace(STOP, "</mark>"))


def _filters(area, body, year) -> tuple[str, list]:
    sql, params = [], []
    for column, value in (("d.area_id", area), ("d.body_id", body)):
        if value is not None:
            sql.append(f"AND {column} = %s")
            params.append(value.pk)
    if year is not None:
        sql.append("AND d.date BETWEEN %s AND %s")
        params += [f"{year}-01-01", f"{year}-12-31"]
    return " ".join(sql), params


class SqliteBackend:
    def search(self, query, *, area=None, body=None, year=None, limit=50):
        words = terms(query)
        if not words:
            return []
        # The words are looked for in the title and the text; the area and the body are words
        # of the `scope` column ("a12 b34", search migration 0004), so that the index itself
        # keeps only the matches of the area instead of a filter reading every match's row.
        match = "{title text} : (" + " ".join(f'"{word}"*' for word in words) + ")"
        for prefix, value in (("a", area), ("b", body)):
            if value is not None:
                match += f" AND scope : {prefix}{value.pk}"
        where, params = _filters(None, None, year)
        sql = f"""
            SELECT d.id, snippet(search_fts, 1, %s, %s, '…', 24)
            FROM search_fts JOIN search_searchdocument d ON d.id = search_fts.rowid
            WHERE search_fts MATCH %s {where}
            ORDER BY rank LIMIT %s"""
        with connection.cursor() as cursor:
            cursor.execute(sql, [START, STOP, match, *params, limit])
            rows = cursor.fetchall()
        return _hits(rows)


class PostgresBackend:
    OPTIONS = f"StartSel={START}, StopSel={STOP}, MaxWords=30, MinWords=12, MaxFragments=1"
    RANKED = 500

    def search(self, query, *, area=None, body=None, year=None, limit=50):
        words = terms(query)
        if not words:
            return []
        tsquery = " & ".join(f"{word}:*" for word in words)
        where, params = _filters(area, body, year)
        # `words` is the stored tsvector (search migration 0003). Ranking still reads each
        # match's words, so only the newest RANKED matches are ranked: a common word matches
        # most of a national instance.
        sql = f"""
            WITH q AS (SELECT to_tsquery('triada_cs', %s) AS q),
            matches AS (
                SELECT d.id, d.text, d.date, d.words FROM search_searchdocument d, q
                WHERE d.words @@ q.q {where}
                ORDER BY d.date DESC NULLS LAST LIMIT %s),
            best AS (
                SELECT m.id, m.text, m.date, ts_rank(m.words, q.q) AS rank
                FROM matches m, q ORDER BY rank DESC, m.date DESC NULLS LAST LIMIT %s)
            SELECT b.id, ts_headline('triada_cs', b.text, q.q, %s)
            FROM best b, q ORDER BY b.rank DESC, b.date DESC NULLS LAST"""
        with connection.cursor() as cursor:
            cursor.execute(sql, [tsquery, *params, self.RANKED, limit, self.OPTIONS])
            rows = cursor.fetchall()
        return _hits(rows)


def _hits(rows) -> list[Hit]:
    documents = SearchDocument.objects.select_related("body", "area").in_bulk(
        [pk for pk, _snippet in rows]
    )
    return [Hit(documents[pk], _marked(snippet)) for pk, snippet in rows if pk in documents]


def backend():
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()


def search(query: str, **filters) -> list[Hit]:
    return backend().search(query, **filters)
