"""The issue's test: back up a demo instance, restore it into an empty one, and find everything
there: every row of every model, the people and minutes the demo describes, the uploaded and
generated files byte for byte, the search index and the passwords."""

import datetime
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import override_settings

from triada.accounts.models import User
from triada.areas.models import Area
from triada.demo.builder import DEMO_PASSWORD
from triada.minutes.models import UploadedMinutes, Version
from triada.people.selectors import active_person_count
from triada.planning.models import PlanItem
from triada.search.backends import search

from .inventory import empty_media, inventory, media_files

TODAY = datetime.date(2026, 11, 23)
NOTE = "poznámky/žádost o příspěvek.txt"  # a file of no model, with a Czech name


@pytest.fixture(scope="module")
def media(tmp_path_factory):
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")) as overridden:
        yield overridden


@pytest.fixture(scope="module")
def demo_backup(media, django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo instance (committed, for pg_dump to see it), what it holds, and its backup."""
    archive = tmp_path_factory.mktemp("backups") / "demo.tar.gz"
    with django_db_blocker.unblock():
        call_command("demo", stdout=StringIO())
        default_storage.save(NOTE, ContentFile("Žádost o příspěvek na rok 2020.".encode()))
        call_command("backup", output=archive, stdout=StringIO())
        yield archive, inventory()
        call_command("flush", "--no-input", stdout=StringIO())
        empty_media()


@pytest.mark.django_db(transaction=True)
def test_demo_backup_restored_into_an_empty_instance_has_everything(demo_backup):
    archive, before = demo_backup
    call_command("flush", "--no-input", stdout=StringIO())
    empty_media()
    assert not Area.objects.exists() and not media_files()

    out = StringIO()
    call_command("restore", str(archive), "--no-input", stdout=out)

    assert "Restored; every model has its rows." in out.getvalue()
    assert "Migrations the backup lacks" not in out.getvalue()
    restored = inventory()
    assert restored["rows"] == before["rows"]  # every row of every model, value by value
    assert restored["files"] == before["files"]  # every file, byte by byte
    assert before["rows"]["people.person"][0] > 50 and len(before["files"]) > 20

    tesin = Area.objects.get(slug="cesky-tesin")
    assert active_person_count(tesin, on=TODAY) == 48
    assert Area.objects.get(slug="novy-jicin").municipalities.count() == 3
    assert PlanItem.objects.filter(version__plan__area=tesin).exists()
    uploads = UploadedMinutes.objects.filter(area=tesin)
    assert uploads.count() == 3
    for upload in uploads:
        with upload.file.open("rb") as file:
            assert file.read(5) == b"%PDF-"
    versions = Version.objects.exclude(pdf="")
    assert versions.exists()
    assert all(default_storage.exists(v.pdf.name) for v in versions)
    assert default_storage.open(NOTE).read().decode() == "Žádost o příspěvek na rok 2020."
    assert search("senioři")  # the full-text index came back with its tables
    assert User.objects.get(username="admin").check_password(DEMO_PASSWORD)
