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
