"""A long export or a bulk import, done by a background task while the page shows progress."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def result_path(job, filename: str) -> str:
    # A random name: the file is reached only through the job's download view.
    return f"exporty/{job.area.slug}/{uuid.uuid4().hex}-{filename}"


def source_path(job, filename: str) -> str:
    return f"importy/{job.area.slug}/{uuid.uuid4().hex}.{filename.rsplit('.', 1)[-1]}"


class Job(models.Model):
    class Kind(models.TextChoices):
        AREA_XLSX = "area_xlsx", _("all data of the area (XLSX)")
        MINUTES_ZIP = "minutes_zip", _("archive of minutes (ZIP)")
        ROSTER_IMPORT = "roster_import", _("import of members")

    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    FINISHED = (Status.DONE, Status.FAILED)

    area = models.ForeignKey(
        "areas.Area", on_delete=models.CASCADE, related_name="jobs", verbose_name=_("planning area")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    body = models.ForeignKey(
        "structure.Body",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("body"),
        help_text=_("The body whose roster is imported."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    done = models.PositiveIntegerField(_("processed"), default=0)
    total = models.PositiveIntegerField(_("in total"), default=0)
    file = models.FileField(_("file"), upload_to=result_path, blank=True, max_length=300)
    source = models.FileField(_("uploaded file"), upload_to=source_path, blank=True, max_length=300)
    source_name = models.CharField(_("file name"), max_length=255, blank=True)
    # The task runs outside any request: it writes messages in the language of the person who
    # started it, and absolute links with the address the site was reached at.
    language = models.CharField(max_length=10, default="cs")
    site_url = models.CharField(max_length=200, blank=True)
    summary = models.CharField(_("result"), max_length=500, blank=True)
    error = models.TextField(_("error"), blank=True)
    row_errors = models.JSONField(_("errors in rows"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("started by"),
    )
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("export or import")
        verbose_name_plural = _("exports and imports")
        indexes = [models.Index(fields=["area", "created_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in self.FINISHED

    @property
    def percent(self) -> int:
        return min(100, self.done * 100 // self.total) if self.total else 0
