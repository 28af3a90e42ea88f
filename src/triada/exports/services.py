"""Long exports and roster imports as jobs: started in the request, done by a task
(`tasks.run_job`, which runs `jobs.job_run`), watched on the job's page.

A job moves queued → running → done or failed. The task records its progress with one UPDATE
every few rows (never a save of the whole row, which could overwrite the status), and writes
its messages in the language of the person who started it. A finished job's file is kept for
FILES_KEPT and removed when a later job starts; a job that never finished is marked failed
after STALE_AFTER (a worker that was stopped half-way)."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from triada.audit.models import AuditEntry

from .models import Job
from .tasks import run_job

FILES_KEPT = datetime.timedelta(days=7)
STALE_AFTER = datetime.timedelta(hours=12)


# Recording


def export_record(*, actor, area, what: str) -> AuditEntry:
    """The audit log records who took the area's full data (personal data among them) out of
    the system, and what."""
    return AuditEntry.objects.create(
        area=area,
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=AuditEntry.Action.DATA_EXPORT,
        object_type="areas.area",
        object_id=str(area.pk),
        object_repr=str(area)[:300],
        summary=what[:300],
    )


# Starting


def export_start(*, actor, area, kind: str, language: str, site_url: str) -> Job:
    """Start a long export of the area, or return the same export if it is still under way
    (a second click starts nothing new)."""
    jobs_clean()
    under_way = Job.objects.filter(
        area=area, kind=kind, status__in=(Job.Status.QUEUED, Job.Status.RUNNING)
    ).first()
    if under_way is not None:
        return under_way
    job = Job.objects.create(
        area=area, kind=kind, created_by=actor, language=language, site_url=site_url
    )
    run_job.enqueue(job.pk)
    return job


def roster_import_start(
    *, actor, body, name: str, data: bytes, rows: int, language: str, site_url: str = ""
) -> Job:
    """Keep the uploaded file (already checked for its type and columns) and start the task
    that checks its rows and saves them."""
    jobs_clean()
    job = Job(
        area=body.area,
        body=body,
        kind=Job.Kind.ROSTER_IMPORT,
        total=rows,
        source_name=name[:255],
        created_by=actor,
        language=language,
        site_url=site_url,
    )
    job.source.save(name, ContentFile(data), save=False)
    job.save()
    run_job.enqueue(job.pk)
    return job


# Cleaning up


def jobs_clean(now: datetime.datetime | None = None) -> None:
    """Remove the files (and the reported rows) of jobs finished more than FILES_KEPT ago, and
    fail the jobs that have been waiting or running for longer than STALE_AFTER."""
    now = now or timezone.now()
    expired = Job.objects.filter(status__in=Job.FINISHED, finished_at__lt=now - FILES_KEPT)
    for job in expired.exclude(file=""):
        job.file.delete(save=False)
        Job.objects.filter(pk=job.pk).update(file="")
    expired.update(row_errors=[])  # the rows of an import name persons too
    stale = Job.objects.filter(
        status__in=(Job.Status.QUEUED, Job.Status.RUNNING), created_at__lt=now - STALE_AFTER
    )
    for job in stale:
        with translation.override(job.language):
            error = _("The job did not finish in time. Start it again.")
        if job.source:
            job.source.delete(save=False)
        Job.objects.filter(pk=job.pk, status__in=(Job.Status.QUEUED, Job.Status.RUNNING)).update(
            status=Job.Status.FAILED, finished_at=now, error=error, source=""
        )
