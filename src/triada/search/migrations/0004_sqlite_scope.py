"""SQLite: the full-text index also holds each document's area and body as words of a third
column, `scope` ("a12 b34"), so that a search within an area or a body intersects the two in
the index. Filtering the matches by `area_id` afterwards read the row of every match in the
instance (a common word within one area at national scale: about 0.3 s). The column comes
from a view, the index's external content. PostgreSQL is left as it is."""

from django.db import migrations

TRIGGERS = ["search_fts_insert", "search_fts_delete", "search_fts_update"]
SCOPE = "'a' || {row}.area_id || coalesce(' b' || {row}.body_id, '')"


def _insert(row: str) -> str:
    return f"""INSERT INTO search_fts(rowid, title, text, scope)
        VALUES ({row}.id, {row}.title, {row}.text, {SCOPE.format(row=row)});"""


def _delete(row: str) -> str:
    return f"""INSERT INTO search_fts(search_fts, rowid, title, text, scope)
        VALUES ('delete', {row}.id, {row}.title, {row}.text, {SCOPE.format(row=row)});"""


FORWARDS = [
    *(f"DROP TRIGGER {name}" for name in TRIGGERS),
    "DROP TABLE search_fts",
    f"""CREATE VIEW search_fts_source AS
        SELECT id, title, text, {SCOPE.format(row="search_searchdocument")} AS scope
        FROM search_searchdocument""",
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        title, text, scope, content='search_fts_source', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    # The rank weighs the title and the text; the scope only filters.
    "INSERT INTO search_fts(search_fts, rank) VALUES ('rank', 'bm25(1.0, 1.0, 0.0)')",
    f"""CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument BEGIN
        {_insert("new")}
    END""",
    f"""CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN
        {_delete("old")}
    END""",
    f"""CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchdocument BEGIN
        {_delete("old")}
        {_insert("new")}
    END""",
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]

BACKWARDS = [
    *(f"DROP TRIGGER {name}" for name in TRIGGERS),
    "DROP TABLE search_fts",
    "DROP VIEW search_fts_source",
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        title, text, content='search_searchdocument', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
    """CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    END""",
    """CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO search_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0003_stored_words")]

    operations = [migrations.RunPython(run(FORWARDS), run(BACKWARDS))]
