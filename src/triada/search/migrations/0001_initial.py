import django.db.models.deletion
from django.db import migrations, models

SQLITE = [
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
]
SQLITE_REVERSE = ["DROP TRIGGER search_fts_update", "DROP TRIGGER search_fts_delete",
                  "DROP TRIGGER search_fts_insert", "DROP TABLE search_fts"]

# A configuration that folds diacritics, so that "socialni" finds "sociální" and the
# headline still shows the text as written.
POSTGRESQL = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE TEXT SEARCH CONFIGURATION triada_cs (COPY = simple)",
    """ALTER TEXT SEARCH CONFIGURATION triada_cs
        ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple""",
    """CREATE INDEX search_document_fts ON search_searchdocument
        USING gin (to_tsvector('triada_cs', title || ' ' || text))""",
]
POSTGRESQL_REVERSE = ["DROP INDEX search_document_fts",
                      "DROP TEXT SEARCH CONFIGURATION triada_cs"]


def forwards(apps, schema_editor):
    statements = {"sqlite": SQLITE, "postgresql": POSTGRESQL}[schema_editor.connection.vendor]
    for statement in statements:
        schema_editor.execute(statement)


def backwards(apps, schema_editor):
    reverse = {"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}
    for statement in reverse[schema_editor.connection.vendor]:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("areas", "0002_area_notice_days"),
        ("structure", "0002_body_quorum_percent"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True,
                                           serialize=False, verbose_name="ID")),
                ("kind", models.CharField(choices=[("minutes", "minutes"),
                                                   ("upload", "minutes from the archive"),
                                                   ("body", "body")], max_length=20)),
                ("object_id", models.PositiveBigIntegerField()),
                ("title", models.CharField(max_length=300)),
                ("text", models.TextField()),
                ("date", models.DateField(null=True)),
                ("url", models.CharField(max_length=300)),
                ("area", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE,
                                           related_name="+", to="areas.area")),
                ("body", models.ForeignKey(null=True,
                                           on_delete=django.db.models.deletion.CASCADE,
                                           related_name="+", to="structure.body")),
            ],
            options={
                "indexes": [models.Index(fields=["area", "date"],
                                         name="search_sear_area_id_0b5508_idx")],
                "constraints": [models.UniqueConstraint(fields=("kind", "object_id"),
                                                        name="searchdocument_unique")],
            },
        ),
        migrations.RunPython(forwards, backwards),
    ]
