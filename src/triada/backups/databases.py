"""Copying a database to a file and back: SQLite through its online backup API, PostgreSQL
through pg_dump and pg_restore. Each copy comes with a snapshot of what it holds."""

import os
import sqlite3
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.utils.translation import gettext as _

# Connection options that libpq also reads from the environment.
PG_OPTION_VARIABLES = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "passfile": "PGPASSFILE",
    "service": "PGSERVICE",
}


class BackupError(Exception):
    """A backup or restore was refused or failed; the message tells the operator why."""


@dataclass(frozen=True)
class Snapshot:
    """What a database held: rows per model and the applied migrations."""

    rows: dict[str, int]
    migrations: list[str]  # app.name


def default_connection():
    return connections[DEFAULT_DB_ALIAS]


def model_tables() -> Iterator[tuple[str, str]]:
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            yield model._meta.label_lower, model._meta.db_table


def _snapshot(cursor, tables: set[str], quote, former_labels=()) -> Snapshot:
    counted = dict(model_tables())
    # Models this code no longer has (a backup from before a migration moved them, like
    # planning.need to needs.need): counted in Django's default table where it still is.
    for label in former_labels:
        counted.setdefault(label, label.replace(".", "_"))
    rows = {}
    for label, table in counted.items():
        if table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
            rows[label] = cursor.fetchone()[0]
    migrations = []
    if "django_migrations" in tables:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        migrations = [f"{app}.{name}" for app, name in cursor.fetchall()]
    return Snapshot(rows=rows, migrations=migrations)


def live_snapshot(former_labels=()) -> Snapshot:
    """What the database holds; `former_labels` are models of a backup's manifest that this
    code may no longer have."""
    connection = default_connection()
    with connection.cursor() as cursor:
        tables = set(connection.introspection.table_names(cursor))
        return _snapshot(cursor, tables, connection.ops.quote_name, former_labels)


def _sqlite_dump(connection, target: Path) -> Snapshot:
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        # The online backup API copies one consistent state even while the app writes, and
        # works with the live connection also when the database is in memory (tests).
        connection.connection.backup(copy)
        # The copy must stand alone, without a write-ahead log beside it.
        copy.execute("PRAGMA journal_mode=DELETE")
        # Counted in the copy, so that the manifest describes exactly what was saved.
        tables = {
            row[0] for row in copy.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        return _snapshot(copy.cursor(), tables, connection.ops.quote_name)
    except sqlite3.Error as error:
        raise BackupError(
            _("The database could not be copied: %(error)s") % {"error": error}
        ) from error
    finally:
        copy.close()


def _pg_environment(settings_dict: dict) -> dict[str, str]:
    """libpq's variables for the configured database; the password never goes on a
    command line, where other users of the server could read it."""
    options = settings_dict.get("OPTIONS") or {}
    values = {
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGDATABASE": settings_dict.get("NAME"),
    }
    values |= {variable: options.get(option) for option, variable in PG_OPTION_VARIABLES.items()}
    return os.environ | {name: str(value) for name, value in values.items() if value}


def _run_pg(connection, command: list[str]) -> None:
    program = command[0]
    try:
        result = subprocess.run(
            command,
            env=_pg_environment(connection.settings_dict),
            capture_output=True,
            text=True,
            check=False,
        )
    except FileNotFoundError as error:
        raise BackupError(
            _(
                "%(program)s was not found: install the PostgreSQL client programs "
                "of the server's version or newer."
            )
            % {"program": program}
        ) from error
    if result.returncode != 0:
        raise BackupError(
            _("%(program)s failed: %(error)s")
            % {"program": program, "error": result.stderr.strip()}
        )


def _postgresql_dump(connection, target: Path) -> Snapshot:
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        # pg_dump reads the snapshot this transaction exports, so the counts in the
        # manifest describe exactly what was dumped, even while the app writes.
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        (snapshot_id,) = cursor.fetchone()
        tables = set(connection.introspection.table_names(cursor))
        snapshot = _snapshot(cursor, tables, connection.ops.quote_name)
        _run_pg(
            connection,
            [
                "pg_dump",
                "--format=custom",
                "--no-password",
                f"--snapshot={snapshot_id}",
                f"--file={target}",
            ],
        )
    return snapshot


def _sqlite_restore(connection, source: Path) -> None:
    backup = sqlite3.connect(source)
    try:
        connection.ensure_connection()
        # Into the live connection, so that also an in-memory database (tests) is replaced.
        backup.backup(connection.connection)
    except sqlite3.Error as error:
        raise BackupError(
            _("The database could not be restored: %(error)s") % {"error": error}
        ) from error
    finally:
        backup.close()
        # The next query reconnects and sets the connection's pragmas again.
        connection.close()


def _postgresql_restore(connection, source: Path) -> None:
    # pg_restore drops the tables: this process must not hold a lock on any of them.
    connection.close()
    _run_pg(
        connection,
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            # All or nothing: a failed restore leaves the database as it was.
            "--single-transaction",
            "--exit-on-error",
            "--no-password",
            f"--dbname={connection.settings_dict['NAME']}",
            str(source),
        ],
    )


def _outside_transaction(connection) -> None:
    # pg_dump and pg_restore are other processes: they would not see this transaction's rows,
    # or wait for its locks forever; SQLite's backup would wait for them too.
    if connection.in_atomic_block:
        raise BackupError(_("A backup or a restore cannot run inside a database transaction."))


def database_dump(target: Path) -> Snapshot:
    """Copy the configured database into the file target, consistently while the app runs."""
    connection = default_connection()
    _outside_transaction(connection)
    dump = {"sqlite": _sqlite_dump, "postgresql": _postgresql_dump}[connection.vendor]
    return dump(connection, target)


def database_restore(source: Path) -> None:
    """Replace the configured database with the copy in the file source."""
    connection = default_connection()
    _outside_transaction(connection)
    restore = {"sqlite": _sqlite_restore, "postgresql": _postgresql_restore}[connection.vendor]
    restore(connection, source)
