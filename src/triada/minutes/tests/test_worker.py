"""In production the PDF is rendered by the database-backed worker, not in the request."""

import datetime

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from triada.meetings import services as meetings
from triada.minutes import services
from triada.minutes.models import Version
from triada.search.backends import search

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db(transaction=True)
def test_publishing_queues_the_pdf_for_the_worker(group):
    meeting = meetings.meeting_create(
        actor=None,
        body=group,
        starts_at=timezone.now() - datetime.timedelta(days=1),
        agenda=("Odlehčovací služby",),
    )
    record = services.minutes_start(actor=None, meeting=meeting)
    services.minutes_approve(actor=None, minutes=record)
    with override_settings(TASKS=DATABASE_QUEUE):
        version = services.minutes_publish(actor=None, minutes=record)
        version.refresh_from_db()
        assert not version.pdf  # queued, not rendered in the request
        assert not search("odlehcovaci")
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    version = Version.objects.get(pk=version.pk)
    assert version.pdf and version.pdf_size > 0
    assert search("odlehcovaci")


@pytest.mark.django_db(transaction=True)
def test_an_upload_waits_for_the_worker_then_is_read(group):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from triada.documents.tests.test_extraction import make_pdf
    from triada.minutes.models import UploadedMinutes
    from triada.minutes.uploads import uploaded_minutes_add

    with override_settings(TASKS=DATABASE_QUEUE):
        record = uploaded_minutes_add(
            actor=None,
            area=group.area,
            date=datetime.date(2018, 1, 1),
            period="year",
            upload=SimpleUploadedFile("a.pdf", make_pdf("Denní stacionář v Kuníně")),
        )
        assert UploadedMinutes.objects.get(pk=record.pk).status == "pending"
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    record.refresh_from_db()
    assert record.status == "accepted" and "stacionář" in record.text
    assert search("stacionar")
