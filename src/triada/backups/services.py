"""Backups of an instance: the database and the uploaded files in one archive, and the way back.

An archive is a `.tar.gz` with the database copy (`database.sqlite3` made by SQLite's online
backup API, or `database.pgdump` made by `pg_dump --format=custom`), the media tree under
`media/`, and `manifest.json` last: the format, the database vendor, the applied migrations,
the rows of every model and the SHA-256 of every other member. A restore unpacks and checks
everything before it touches the database or the media folder.
"""

import hashlib
import importlib.metadata
import io
import json
import os
import shutil
import tarfile
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from django.utils.translation import gettext as _

from .databases import (
    BackupError,
    database_dump,
    database_restore,
    default_connection,
    live_snapshot,
)

__all__ = ["BackupError", "backup_create", "backup_open", "backup_restore", "instance_contents"]

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media"
MANIFEST_FIELDS = {
    "format": int,
    "vendor": str,
    "database": str,
    "migrations": list,
    "rows": dict,
    "files": dict,
}
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
VENDOR_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
# Rows that `migrate` itself writes: a database holding only these is empty.
MIGRATE_ROWS = {"contenttypes.contenttype", "auth.permission"}


@dataclass(frozen=True)
class Backup:
    """An unpacked archive whose members all match its manifest."""

    directory: Path
    manifest: dict

    @property
    def database(self) -> Path:
        return self.directory / self.manifest["database"]

    @property
    def media(self) -> Path:
        return self.directory / MEDIA


@dataclass(frozen=True)
class RestoreReport:
    """What a restore brought back, to compare with what the manifest lists."""

    expected: dict[str, int]
    restored: dict[str, int]
    files: int
    pending_migrations: int
    unknown_migrations: list[str]

    @property
    def mismatches(self) -> list[str]:
        return [
            label
            for label in sorted(self.expected.keys() | self.restored.keys())
            if self.expected.get(label) != self.restored.get(label)
        ]


def _check_vendor_supported(vendor: str) -> None:
    if vendor not in DATABASE_FILES:
        raise BackupError(
            _("Backups support SQLite and PostgreSQL databases, not %(vendor)s.")
            % {"vendor": vendor}
        )


# The media files


def _media_root() -> Path:
    return Path(settings.MEDIA_ROOT).resolve()


def _media_files(root: Path) -> Iterator[Path]:
    """The regular files under root, in a stable order (links are not followed)."""
    for directory, subdirectories, names in os.walk(root):
        subdirectories.sort()
        for name in sorted(names):
            path = Path(directory, name)
            if path.is_file() and not path.is_symlink():
                yield path


# Writing an archive


class _HashingReader:
    """Hashes a file while tarfile streams it, so that the checksum is of what was saved."""

    def __init__(self, file):
        self.file = file
        self.sha256 = hashlib.sha256()

    def read(self, size=-1):
        data = self.file.read(size)
        self.sha256.update(data)
        return data


def _add_file(tar: tarfile.TarFile, path: Path, name: str) -> dict:
    with path.open("rb") as file:
        info = tar.gettarinfo(arcname=name, fileobj=file)
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        reader = _HashingReader(file)
        tar.addfile(info, reader)
    return {"sha256": reader.sha256.hexdigest(), "size": info.size}


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    info.mode = 0o644
    tar.addfile(info, io.BytesIO(data))


def _app_version() -> str:
    try:
        return importlib.metadata.version("triada")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def default_destination() -> Path:
    name = timezone.localtime().strftime("triada-backup-%Y%m%d-%H%M%S.tar.gz")
    return Path(settings.DATA_DIR) / "backups" / name


def _destination(output: Path | None) -> Path:
    if output is None:
        destination = default_destination()
    elif output.is_dir():
        destination = output / default_destination().name
    else:
        destination = output
    destination = destination.resolve()
    if destination.exists():
        raise BackupError(
            _("%(path)s exists already; a backup never overwrites a file.") % {"path": destination}
        )
    # The media folder may be served to the public; the archive holds personal data.
    if destination.is_relative_to(_media_root()):
        raise BackupError(_("A backup cannot be written into the media folder it backs up."))
    return destination


def backup_create(*, output: Path | None = None) -> tuple[Path, dict]:
    """Write the database and the media files into one archive; return its path and manifest."""
    connection = default_connection()
    vendor = connection.vendor
    _check_vendor_supported(vendor)
    destination = _destination(output)
    destination.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    database_name = DATABASE_FILES[vendor]
    media_root = _media_root()
    # Working files beside the destination: on its file system (so the finished archive is
    # renamed into place, never seen half written) and not in a shared temporary folder.
    with tempfile.TemporaryDirectory(dir=destination.parent, prefix=".triada-backup-") as work:
        database = Path(work) / database_name
        snapshot = database_dump(database)
        partial = Path(work) / "archive.tar.gz"
        files = {}
        with tarfile.open(partial, "w:gz") as tar:
            files[database_name] = _add_file(tar, database, database_name)
            database.unlink()  # no need to keep two copies on the disk
            for path in _media_files(media_root):
                name = f"{MEDIA}/{path.relative_to(media_root).as_posix()}"
                files[name] = _add_file(tar, path, name)
            manifest = {
                "format": FORMAT,
                "created_at": timezone.now().isoformat(timespec="seconds"),
                "vendor": vendor,
                "app_version": _app_version(),
                "database": database_name,
                "migrations": snapshot.migrations,
                "rows": snapshot.rows,
                "files": files,
            }
            _add_bytes(tar, MANIFEST, json.dumps(manifest, indent=1).encode())
        partial.chmod(0o600)
        partial.replace(destination)
    return destination, manifest


# Reading an archive


def _allowed_member(member: tarfile.TarInfo) -> bool:
    path = PurePosixPath(member.name)
    if path.is_absolute() or ".." in path.parts or not (member.isfile() or member.isdir()):
        return False
    return member.name in {MANIFEST, *DATABASE_FILES.values()} or path.parts[0] == MEDIA


def _damaged(detail: str) -> BackupError:
    return BackupError(
        _("The backup is damaged or is not a backup of Triáda: %(detail)s") % {"detail": detail}
    )


def _unpack(path: Path, directory: Path) -> None:
    try:
        with tarfile.open(path, "r:gz") as tar:
            for member in tar:
                if not _allowed_member(member):
                    raise _damaged(
                        _("it holds an unexpected entry %(name)s.") % {"name": member.name}
                    )
                # The "data" filter refuses paths outside the folder, links and devices.
                tar.extract(member, directory, filter="data")
    except (tarfile.TarError, EOFError, zlib.error, OSError) as error:
        raise _damaged(str(error)) from error


def _read_manifest(directory: Path) -> dict:
    try:
        manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
        if not all(isinstance(manifest.get(key), kind) for key, kind in MANIFEST_FIELDS.items()):
            raise ValueError("a field is missing")
        if not all(isinstance(name, str) for name in manifest["migrations"]) or not all(
            isinstance(count, int) for count in manifest["rows"].values()
        ):
            raise ValueError("a migration or a count is malformed")
    except (OSError, ValueError, AttributeError) as error:
        raise _damaged(_("its manifest is missing or unreadable.")) from error
    if manifest["format"] != FORMAT:
        raise BackupError(
            _("The backup is in format %(found)s; this version of Triáda reads format %(known)s.")
            % {"found": manifest["format"], "known": FORMAT}
        )
    if DATABASE_FILES.get(manifest["vendor"]) != manifest["database"]:
        raise _damaged(_("its manifest names no database."))
    return manifest


def _check_vendor(manifest: dict) -> None:
    target = default_connection().vendor
    if manifest["vendor"] != target:
        raise BackupError(
            _(
                "This is a backup of a %(backup)s database; it cannot be restored into the "
                "%(target)s database configured here."
            )
            % {
                "backup": VENDOR_NAMES.get(manifest["vendor"], manifest["vendor"]),
                "target": VENDOR_NAMES.get(target, target),
            }
        )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def _check_files(directory: Path, manifest: dict) -> None:
    present = {
        path.relative_to(directory).as_posix() for path in directory.rglob("*") if path.is_file()
    } - {MANIFEST}
    listed = set(manifest["files"])
    if present != listed:
        name = sorted(present ^ listed)[0]
        raise _damaged(_("%(name)s is not as its manifest lists it.") % {"name": name})
    for name, entry in sorted(manifest["files"].items()):
        if not isinstance(entry, dict) or _sha256(directory / name) != entry.get("sha256"):
            raise _damaged(_("%(name)s does not match its checksum.") % {"name": name})


@contextmanager
def backup_open(path: Path) -> Iterator[Backup]:
    """Unpack an archive into a temporary folder and check all of it; refuse (BackupError)
    an archive that cannot be restored into this instance. Nothing is changed."""
    if not path.is_file():
        raise BackupError(_("There is no backup file at %(path)s.") % {"path": path})
    with tempfile.TemporaryDirectory(prefix="triada-restore-") as work:
        directory = Path(work)
        _unpack(path, directory)
        manifest = _read_manifest(directory)
        _check_vendor(manifest)
        _check_files(directory, manifest)
        yield Backup(directory=directory, manifest=manifest)


def instance_contents() -> tuple[int, int]:
    """The rows in the database (beyond those `migrate` writes) and the files in the media
    folder: a restore would replace them."""
    rows = live_snapshot().rows
    data_rows = sum(count for label, count in rows.items() if label not in MIGRATE_ROWS)
    return data_rows, sum(1 for _path in _media_files(_media_root()))


def _restore_media(source: Path) -> int:
    root = _media_root()
    count = 0
    for path in _media_files(source):
        target = root / path.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(path, target)
        count += 1
    return count


def _migration_state(applied: list[str]) -> tuple[int, list[str]]:
    """Migrations this code has that the restored database lacks, and those the database has
    that this code does not know (the backup comes from a newer version)."""
    executor = MigrationExecutor(default_connection())
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    known = {f"{app}.{name}" for app, name in executor.loader.disk_migrations}
    unknown = [migration for migration in applied if migration not in known]
    return len(pending), unknown


def backup_restore(backup: Backup) -> RestoreReport:
    """Replace the database with the backup's and write its files into the media folder
    (files of the same name are overwritten, others are left)."""
    database_restore(backup.database)
    # Content type ids may differ in the restored database.
    ContentType.objects.clear_cache()
    files = _restore_media(backup.media)
    pending, unknown = _migration_state(backup.manifest["migrations"])
    return RestoreReport(
        expected=backup.manifest["rows"],
        restored={
            label: count
            for label, count in live_snapshot(backup.manifest["rows"]).rows.items()
            if label in backup.manifest["rows"]
        },
        files=files,
        pending_migrations=pending,
        unknown_migrations=unknown,
    )
