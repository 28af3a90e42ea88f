import datetime
from dataclasses import dataclass

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import Minutes, Task, Version


def open_tasks(*, body=None, responsible=None, area=None):
    """Open tasks, the earliest due first, with what their table shows."""
    tasks = Task.objects.open().select_related("responsible", "minutes__meeting")
    if body is not None:
        tasks = tasks.of_body(body)
    if responsible is not None:
        tasks = tasks.filter(responsible=responsible)
    if area is not None:
        tasks = tasks.filter(minutes__meeting__body__area=area)
    return tasks.order_by("due_on", "pk")


@dataclass(frozen=True)
class ArchiveEntry:
    """One document of the public minutes archive."""

    date: datetime.date
    body: object
    title: str
    url: str
    size: int
    file_type: str = "pdf"


def published_minutes(area, *, body=None, year: int | None = None):
    """Published minutes with their latest version, newest first (three queries)."""
    minutes = (
        Minutes.objects.filter(meeting__body__area=area, status=Minutes.Status.PUBLISHED)
        .select_related("meeting__body")
        .prefetch_related(Prefetch("versions", queryset=Version.objects.defer("html", "text")))
        .order_by("-meeting__starts_at")
    )
    if body is not None:
        minutes = minutes.filter(meeting__body=body)
    if year is not None:
        minutes = minutes.filter(meeting__starts_at__year=year)
    return minutes


def archive_entries(area, *, body=None, year: int | None = None) -> list[ArchiveEntry]:
    entries = []
    for record in published_minutes(area, body=body, year=year):
        latest = record.versions.all()[0]
        meeting = record.meeting
        entries.append(
            ArchiveEntry(
                date=meeting.date,
                body=meeting.body,
                title=str(
                    _("Minutes – %(body)s, %(date)s")
                    % {
                        "body": meeting.body.name,
                        "date": date_format(meeting.date, "SHORT_DATE_FORMAT"),
                    }
                ),
                url=reverse("portal:minutes_pdf", kwargs={"area_slug": area.slug, "pk": latest.pk}),
                size=latest.pdf_size,
            )
        )
    return entries


def archive_years(area) -> list[int]:
    published = Minutes.objects.filter(meeting__body__area=area, status=Minutes.Status.PUBLISHED)
    return [d.year for d in published.datetimes("meeting__starts_at", "year", order="DESC")]
