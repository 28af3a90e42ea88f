"""PostgreSQL keeps each document's words as a stored, generated tsvector column with the
GIN index on it: ranking then reads the stored words instead of parsing every matching text
again (a common word at national scale: 0.5 s, most of it re-parsing). The column is
PostgreSQL's own; the model does not know it, and SQLite has FTS5 instead."""

from django.db import migrations

FORWARDS = [
    """ALTER TABLE search_searchdocument ADD COLUMN words tsvector
        GENERATED ALWAYS AS (to_tsvector('triada_cs', title || ' ' || text)) STORED""",
    "CREATE INDEX search_document_words ON search_searchdocument USING gin (words)",
    "DROP INDEX search_document_fts",
]
BACKWARDS = [
    """CREATE INDEX search_document_fts ON search_searchdocument
        USING gin (to_tsvector('triada_cs', title || ' ' || text))""",
    "ALTER TABLE search_searchdocument DROP COLUMN words",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0002_plan_kinds")]

    operations = [migrations.RunPython(run(FORWARDS), run(BACKWARDS))]
