import datetime
from dataclasses import dataclass

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import Minutes, Task, UploadedMinutes, Version


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
    whole_year: bool
    title: str
    url: str
    size: int
    file_type: str = "pdf"
    no_text: bool = False

    @property
    def period(self) -> str:
        """The heading it stands under: the month, or the whole year."""
        if self.whole_year:
            return str(_("The whole year %(year)d") % {"year": self.date.year})
        return date_format(self.date, "YEAR_MONTH_FORMAT").capitalize()

    @property
    def order(self) -> tuple:
        return (self.date.year, 0 if self.whole_year else self.date.month, self.date)


def published_minutes(area, *, body=None, year: int | None = None):
    """Published minutes with their latest version, newest first (two queries)."""
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
    """Minutes written in Triáda and uploaded from the archive, newest first."""
    entries = []
    for record in published_minutes(area, body=body, year=year):
        latest = record.versions.all()[0]
        if not latest.pdf:
            continue  # listed once its PDF is rendered
        meeting = record.meeting
        entries.append(
            ArchiveEntry(
                date=meeting.date,
                whole_year=False,
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
    uploads = UploadedMinutes.objects.filter(
        area=area, status=UploadedMinutes.Status.ACCEPTED
    ).defer("text")
    if body is not None:
        uploads = uploads.filter(body=body)
    if year is not None:
        uploads = uploads.filter(date__year=year)
    for upload in uploads:
        entries.append(
            ArchiveEntry(
                date=upload.date,
                whole_year=upload.period == UploadedMinutes.Period.YEAR,
                title=upload.title,
                url=reverse(
                    "portal:uploaded_pdf", kwargs={"area_slug": area.slug, "pk": upload.pk}
                ),
                size=upload.size,
                no_text=not upload.has_text,
            )
        )
    return sorted(entries, key=lambda e: e.order, reverse=True)


def archive_years(area) -> list[int]:
    published = Minutes.objects.filter(meeting__body__area=area, status=Minutes.Status.PUBLISHED)
    years = {d.year for d in published.datetimes("meeting__starts_at", "year")}
    uploads = UploadedMinutes.objects.filter(area=area, status=UploadedMinutes.Status.ACCEPTED)
    years |= {d.year for d in uploads.dates("date", "year")}
    return sorted(years, reverse=True)


def body_page(*, body, **objects) -> dict:
    """The open tasks on a body's page (ui.sections)."""
    return {"open_tasks": open_tasks(body=body)}


def meeting_page(*, meeting, **objects) -> dict:
    """The open tasks on a meeting's page, to be closed there (ui.sections)."""
    return {"open_tasks": open_tasks(body=meeting.body)}
