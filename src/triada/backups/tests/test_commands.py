"""The backup and restore commands on a small instance: what the archive holds, and every
refusal of restore leaves the database and the media folder as they were.

The tests that back up or restore are transactional: the commands run outside any transaction
(pg_dump and pg_restore are other processes). Refusals come before the database is touched,
so those tests can run inside one."""

import hashlib
import json
import re
import shutil
import stat
import tarfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings

from triada.areas.models import Area
from triada.backups.services import DATABASE_FILES
from triada.tests import factories

from .inventory import inventory, members_of, write_archive

PDF = b"%PDF-1.7\n% a minutes file\n"
UPLOAD = "archiv/cesky-tesin/2019/zápis-říjen.pdf"


def make_instance():
    """An area with its coordinator and one uploaded file."""
    area = factories.make_area("Český Těšín", slug="cesky-tesin")
    factories.make_coordinator(area, "koordinator")
    default_storage.save(UPLOAD, ContentFile(PDF))


@pytest.fixture(scope="module")
def backup_file(django_db_setup, django_db_blocker, tmp_path_factory):
    """The backup of a small instance, made once. Its rows are committed for pg_dump (another
    process) to see them, and deleted again after."""
    path = tmp_path_factory.mktemp("backups") / "backup.tar.gz"
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        make_instance()
        call_command("backup", output=path, stdout=StringIO())
        call_command("flush", "--no-input", stdout=StringIO())
    return path


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def instance():
    """The instance again, as the target of a restore (tests mark the database they use)."""
    make_instance()


@pytest.fixture
def archive(backup_file, tmp_path):
    """A copy of the backup, for a test to damage."""
    return Path(shutil.copy(backup_file, tmp_path / "backup.tar.gz"))


def restore(archive, *args):
    out = StringIO()
    call_command("restore", str(archive), *args, stdout=out)
    return out.getvalue()


def other_vendor() -> str:
    return "postgresql" if connection.vendor == "sqlite" else "sqlite"


@pytest.mark.django_db(transaction=True)
def test_backup_writes_a_private_archive_into_the_data_folder(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "data"
    out = StringIO()
    call_command("backup", stdout=out)

    [path] = (tmp_path / "data" / "backups").iterdir()
    assert re.fullmatch(r"triada-backup-\d{8}-\d{6}\.tar\.gz", path.name)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert f"Backup written to {path}" in out.getvalue()
    # No working files are left beside the archive.
    assert [p.name for p in path.parent.iterdir()] == [path.name]

    quiet = StringIO()  # for cron, which mails any output
    call_command("backup", output=tmp_path, verbosity=0, stdout=quiet)
    assert quiet.getvalue() == "" and len(list(tmp_path.glob("triada-backup-*.tar.gz"))) == 1


def test_the_archive_holds_the_database_the_files_and_their_manifest(backup_file):
    database = DATABASE_FILES[connection.vendor]
    with tarfile.open(backup_file) as tar:
        assert tar.getnames() == [database, f"media/{UPLOAD}", "manifest.json"]
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["format"] == 1 and manifest["vendor"] == connection.vendor
    assert manifest["database"] == database
    assert manifest["rows"]["areas.area"] == 1
    assert manifest["rows"]["accounts.user"] == 1
    assert "areas.0001_initial" in manifest["migrations"]
    assert set(manifest["files"]) == {database, f"media/{UPLOAD}"}
    assert manifest["files"][f"media/{UPLOAD}"] == {
        "sha256": hashlib.sha256(PDF).hexdigest(),
        "size": len(PDF),
    }


@pytest.mark.django_db
def test_backup_and_restore_refuse_to_run_inside_a_transaction(archive):
    with pytest.raises(CommandError, match="cannot run inside a database transaction"):
        call_command("backup", output=archive.with_name("other.tar.gz"), stdout=StringIO())
    with pytest.raises(CommandError, match="cannot run inside a database transaction"):
        restore(archive, "--no-input")


@pytest.mark.django_db
def test_backup_never_overwrites_and_stays_out_of_the_media_folder(archive, media_root):
    with pytest.raises(CommandError, match="exists already"):
        call_command("backup", output=archive, stdout=StringIO())
    with pytest.raises(CommandError, match="cannot be written into the media folder"):
        call_command("backup", output=media_root / "backup.tar.gz", stdout=StringIO())
    assert not (media_root / "backup.tar.gz").exists()


@pytest.mark.django_db
def test_restore_refuses_a_missing_archive(tmp_path):
    with pytest.raises(CommandError, match="There is no backup file at"):
        restore(tmp_path / "none.tar.gz", "--no-input")


DAMAGES = {
    "not an archive": lambda data: b"this is not a backup\n" * 10,
    "cut short": lambda data: data[: len(data) // 2],
    "a flipped byte": lambda data: data[:100] + bytes([data[100] ^ 0xFF]) + data[101:],
}


@pytest.mark.django_db
@pytest.mark.parametrize("damage", DAMAGES)
def test_restore_refuses_a_damaged_archive(instance, archive, damage):
    archive.write_bytes(DAMAGES[damage](archive.read_bytes()))
    before = inventory()
    with pytest.raises(CommandError, match="The backup is damaged"):
        restore(archive, "--no-input", "--force")
    assert inventory() == before


@pytest.mark.django_db
@pytest.mark.parametrize("changed", ["media", "database"])
def test_restore_refuses_a_member_changed_after_the_backup(instance, archive, changed):
    members = members_of(archive)
    name = f"media/{UPLOAD}" if changed == "media" else DATABASE_FILES[connection.vendor]
    members[name] = members[name][:-1] + b"!"
    write_archive(archive, members)
    Area.objects.update(name="Changed after the backup")  # so that a restore would show
    before = inventory()
    with pytest.raises(CommandError, match=f"{re.escape(name)} does not match its checksum"):
        restore(archive, "--no-input", "--force")
    assert inventory() == before


@pytest.mark.django_db
def test_restore_refuses_a_file_missing_from_the_archive(instance, archive):
    members = members_of(archive)
    del members[f"media/{UPLOAD}"]
    write_archive(archive, members)
    before = inventory()
    with pytest.raises(CommandError, match="is not as its manifest lists it"):
        restore(archive, "--no-input", "--force")
    assert inventory() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    "member", ["../escaped.txt", "/tmp/triada-escaped.txt", "media/../../escaped.txt", "notes.txt"]
)
def test_restore_refuses_entries_outside_its_folders(instance, archive, tmp_path, member):
    members = members_of(archive)
    write_archive(archive, {member: b"written where it should not be", **members})
    before = inventory()
    with pytest.raises(CommandError, match="unexpected entry"):
        restore(archive, "--no-input", "--force")
    assert inventory() == before
    assert not (tmp_path / "escaped.txt").exists()
    assert not any(p.name == "escaped.txt" for p in tmp_path.parent.iterdir())
    assert not Path("/tmp/triada-escaped.txt").exists()


@pytest.mark.django_db
def test_restore_refuses_links(instance, archive):
    write_archive(archive, members_of(archive), links={"media/passwd": "/etc/passwd"})
    before = inventory()
    with pytest.raises(CommandError, match="unexpected entry media/passwd"):
        restore(archive, "--no-input", "--force")
    assert inventory() == before


def rewrite_manifest(archive, change) -> None:
    members = members_of(archive)
    manifest = json.loads(members["manifest.json"])
    change(manifest, members)
    members["manifest.json"] = json.dumps(manifest).encode()
    write_archive(archive, members)


@pytest.mark.django_db
def test_restore_refuses_a_backup_of_another_database(instance, archive):
    def as_other_vendor(manifest, members):
        old, new = manifest["database"], DATABASE_FILES[other_vendor()]
        members[new] = members.pop(old)
        manifest["files"][new] = manifest["files"].pop(old)
        manifest["vendor"], manifest["database"] = other_vendor(), new

    rewrite_manifest(archive, as_other_vendor)
    before = inventory()
    names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
    expected = (
        f"This is a backup of a {names[other_vendor()]} database; it cannot be restored into "
        f"the {names[connection.vendor]} database configured here."
    )
    with pytest.raises(CommandError, match=re.escape(expected)):
        restore(archive, "--no-input", "--force")
    assert inventory() == before


@pytest.mark.django_db
def test_restore_refuses_an_unknown_format_and_a_broken_manifest(instance, archive):
    rewrite_manifest(archive, lambda manifest, members: manifest.update(format=2))
    before = inventory()
    with pytest.raises(CommandError, match="is in format 2"):
        restore(archive, "--no-input", "--force")
    rewrite_manifest(archive, lambda manifest, members: manifest.pop("rows"))
    with pytest.raises(CommandError, match="its manifest is missing or unreadable"):
        restore(archive, "--no-input", "--force")
    assert inventory() == before


@pytest.mark.django_db(transaction=True)
def test_restore_into_a_database_with_data_needs_force_or_confirmation(
    instance, archive, monkeypatch
):
    factories.make_area("Nový Jičín", slug="novy-jicin")  # written after the backup
    before = inventory()

    with pytest.raises(CommandError, match=r"not empty \(database rows: \d+, media files: 1\)"):
        restore(archive, "--no-input")
    assert inventory() == before

    monkeypatch.setattr("builtins.input", lambda question: "no")
    with pytest.raises(CommandError, match="Restore cancelled; nothing was changed"):
        restore(archive)
    assert inventory() == before

    monkeypatch.setattr("builtins.input", lambda question: "yes")
    out = restore(archive)
    assert "Restored; every model has its rows." in out
    assert list(Area.objects.values_list("slug", flat=True)) == ["cesky-tesin"]


@pytest.mark.django_db(transaction=True)
def test_forced_restore_replaces_the_database_and_the_files(instance, archive, media_root):
    Area.objects.update(name="Renamed after the backup")
    (media_root / UPLOAD).write_bytes(b"changed after the backup")
    out = restore(archive, "--no-input", "--force")
    assert "  areas.area: 1" in out and "Files restored: 1" in out
    assert Area.objects.get().name.startswith("Český Těšín")
    assert (media_root / UPLOAD).read_bytes() == PDF


@pytest.mark.django_db(transaction=True)
def test_restore_fails_when_the_rows_differ_from_the_manifest(instance, archive):
    # The manifest is not checksummed: a count changed in it stands for a restore that lost rows.
    rewrite_manifest(archive, lambda manifest, members: manifest["rows"].update({"areas.area": 2}))
    with pytest.raises(CommandError, match=r"does not hold the rows .*\(models: areas\.area\)"):
        restore(archive, "--no-input", "--force")


@pytest.mark.django_db(transaction=True)
def test_a_backup_from_before_a_model_moved_restores_without_a_false_mismatch(tmp_path):
    # A backup of an older version holds a table whose model has since moved to another app
    # (planning.need became needs.need in a migration): its rows are counted where they are.
    make_instance()
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE former_thing (id integer PRIMARY KEY)")
        cursor.execute("INSERT INTO former_thing (id) VALUES (1), (2)")
    try:
        path = tmp_path / "old.tar.gz"
        call_command("backup", output=path, stdout=StringIO())
        rewrite_manifest(
            path, lambda manifest, members: manifest["rows"].update({"former.thing": 2})
        )
        output = restore(path, "--no-input", "--force")
        assert "former.thing: 2" in output
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS former_thing")
