"""Running a job, in the task worker (`tasks.run_job`): the area's workbook, the minutes
archive and the roster import, each recording its progress (services.py starts them)."""

import logging
import tempfile

from django.core.files import File
from django.core.files.storage import default_storage
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from triada.minutes.models import UploadedMinutes, Version

from . import importing, streaming
from .datasets import DATASETS, Links
from .models import Job
from .streaming import Column, Sheet, ZipMember

logger = logging.getLogger(__name__)

# Rows (or files) between two progress updates.
ROWS_PER_UPDATE = 250
FILES_PER_UPDATE = 10
IMPORT_ROWS_PER_UPDATE = 50
# At most this many row errors are kept for the job's page.
REPORTED_ERRORS = 200
FILE_CHUNK = 64 * 1024


class Progress:
    """Counts processed rows and stores the count every `every` rows with one UPDATE."""

    def __init__(self, job: Job, every: int):
        self.job_id, self.every = job.pk, every
        self.done = self.saved = 0

    def add(self, count: int = 1) -> None:
        self.done += count
        if self.done - self.saved >= self.every:
            self.save()

    def save(self) -> None:
        Job.objects.filter(pk=self.job_id).update(done=self.done)
        self.saved = self.done

    def counted(self, items):
        for item in items:
            yield item
            self.add()


# Running


def job_run(job_id: int) -> str:
    """Do the job once: a job that is not waiting (done, or taken by another worker) is left
    alone."""
    if not Job.objects.filter(pk=job_id, status=Job.Status.QUEUED).update(
        status=Job.Status.RUNNING
    ):
        return "skipped"
    job = Job.objects.select_related("area", "body", "created_by").get(pk=job_id)
    with translation.override(job.language):
        try:
            RUNNERS[job.kind](job)
        except Exception:
            logger.exception("job %s (%s) failed", job.pk, job.kind)
            _finish(
                job,
                Job.Status.FAILED,
                error=_(
                    "The job failed unexpectedly. Start it again; if it fails again, "
                    "tell the administrator of the system."
                ),
            )
            raise
        finally:
            if job.source:
                job.source.delete(save=False)  # the uploaded file holds personal data
                Job.objects.filter(pk=job.pk).update(source="")
    return Job.objects.values_list("status", flat=True).get(pk=job_id)


def _finish(job: Job, status: str, **fields) -> None:
    """End a running job. One that `jobs_clean` has meanwhile failed as stale stays failed (its
    user was told so), and a file it made is removed rather than left without a job."""
    finished = Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING).update(
        status=status, finished_at=timezone.now(), **fields
    )
    if not finished and fields.get("file"):
        default_storage.delete(fields["file"])


def _store(job: Job, output, filename: str) -> str:
    job.file.save(filename, File(output, name=filename), save=False)
    return job.file.name


def _today() -> str:
    return timezone.localdate().isoformat()


def _area_xlsx(job: Job) -> None:
    """Every dataset of the area, in full, one sheet each."""
    area, links = job.area, Links(job.site_url)
    datasets = list(DATASETS.values())
    total = sum(d.count(area, staff=True) for d in datasets)
    Job.objects.filter(pk=job.pk).update(total=total)
    progress = Progress(job, ROWS_PER_UPDATE)
    sheets = (
        Sheet(
            str(d.title),
            d.columns(True),
            progress.counted(d.rows(area, staff=True, links=links)),
        )
        for d in datasets
    )
    with streaming.xlsx_file(sheets, title=area.name) as output:
        name = _store(job, output, f"{area.slug}-data-{_today()}.xlsx")
    _finish(job, Job.Status.DONE, done=progress.done, file=name)


def _storage_chunks(name: str):
    def chunks():
        with default_storage.open(name, "rb") as stored:
            while chunk := stored.read(FILE_CHUNK):
                yield chunk

    return chunks


def _index_columns() -> list[Column]:
    return [
        Column("file", _("File")),
        Column("source", _("Source")),
        Column("body", _("Body")),
        Column("date", _("Date")),
        Column("title", _("Title")),
        Column("version", _("Version")),
        Column("published_at", _("Published at")),
        Column("url", _("Public page")),
    ]


def _minutes_members(job: Job, index, progress: Progress):
    """The PDFs of the published minutes (every version) and of the archive, each with its
    line in the index, then the index itself (kept in a temporary file meanwhile)."""
    area, links = job.area, Links(job.site_url)
    written, uploaded = _("minutes in Triáda"), _("archive")
    writer = streaming.csv_writer()
    index.write(streaming.csv_header(writer, _index_columns()).encode())

    def add_to_index(row):
        index.write(streaming.csv_row(writer, row).encode())

    versions = (
        Version.objects.filter(minutes__meeting__body__area=area)
        .exclude(pdf="")
        .order_by("minutes__meeting__starts_at", "pk")
        .values_list(
            "pdf",
            "number",
            "published_at",
            "minutes__meeting_id",
            "minutes__meeting__title",
            "minutes__meeting__starts_at",
            "minutes__meeting__body__name",
        )
        .iterator(chunk_size=streaming.CHUNK_SIZE)
    )
    # A file lost from the storage is named in the index instead of failing the archive.
    missing = _("(the file is missing from the storage)")

    for pdf, number, published, meeting_id, title, starts, body in versions:
        day = streaming.local(starts).date()
        name = f"zapisy/{day:%Y}/{day.isoformat()}-{slugify(body)[:40]}-{meeting_id}-v{number}.pdf"
        if default_storage.exists(pdf):
            yield ZipMember(name, published, _storage_chunks(pdf))
        else:
            name = f"{name} {missing}"
        url = links.to("portal:meeting", area_slug=area.slug, pk=meeting_id)
        add_to_index((name, written, body, day, title or body, number, published, url))
        progress.add()
    uploads = (
        UploadedMinutes.objects.filter(area=area, status=UploadedMinutes.Status.ACCEPTED)
        .exclude(file="")
        .order_by("date", "pk")
        .values_list("pk", "file", "original_name", "title", "date", "uploaded_at", "body__name")
        .iterator(chunk_size=streaming.CHUNK_SIZE)
    )
    for pk, file, original, title, day, uploaded_at, body in uploads:
        stem = slugify(original.rsplit(".", 1)[0])[:60] or "zapis"
        name = f"archiv/{day:%Y}/{day.isoformat()}-{pk}-{stem}.pdf"
        if default_storage.exists(file):
            yield ZipMember(name, uploaded_at, _storage_chunks(file))
        else:
            name = f"{name} {missing}"
        add_to_index((name, uploaded, body or "", day, title, None, uploaded_at, ""))
        progress.add()
    index.flush()
    index.seek(0)

    def index_chunks():
        while chunk := index.read(FILE_CHUNK):
            yield chunk

    yield ZipMember(_("index") + ".csv", timezone.now(), index_chunks)


def _minutes_zip(job: Job) -> None:
    area = job.area
    total = (
        Version.objects.filter(minutes__meeting__body__area=area).exclude(pdf="").count()
        + UploadedMinutes.objects.filter(area=area, status=UploadedMinutes.Status.ACCEPTED)
        .exclude(file="")
        .count()
    )
    Job.objects.filter(pk=job.pk).update(total=total)
    progress = Progress(job, FILES_PER_UPDATE)
    with tempfile.TemporaryFile() as index, tempfile.TemporaryFile() as output:
        for chunk in streaming.zip_chunks(_minutes_members(job, index, progress)):
            output.write(chunk)
        output.seek(0)
        name = _store(job, output, f"{area.slug}-zapisy-{_today()}.zip")
    _finish(job, Job.Status.DONE, done=progress.done, file=name)


def _refuse_rows(job: Job, errors: list[str], done: int) -> None:
    reported = errors[:REPORTED_ERRORS]
    if len(errors) > REPORTED_ERRORS:
        more = len(errors) - REPORTED_ERRORS
        reported.append(
            ngettext("… and %(count)d more error.", "… and %(count)d more errors.", more)
            % {"count": more}
        )
    _finish(
        job,
        Job.Status.FAILED,
        done=done,
        error=_("Nothing was imported. Correct these rows in the file and import it again."),
        row_errors=reported,
    )


def _roster_import(job: Job) -> None:
    area = job.area
    with job.source.open("rb") as source:
        data = source.read()
    try:
        table = importing.read_table(data, job.source_name)
    except importing.ImportRefused as error:
        _finish(job, Job.Status.FAILED, error=str(error))
        return
    Job.objects.filter(pk=job.pk).update(total=len(table.rows))
    checker = importing.RowChecker(area, table.columns)
    checked = importing.Checked()
    progress = Progress(job, IMPORT_ROWS_PER_UPDATE)
    for number, cells in table.rows:
        try:
            checked.rows.append(checker.check(number, cells))
        except importing.RowError as error:
            importing.add_error(checked, number, str(error))
        progress.add()
    progress.save()
    importing.match_existing(area, checked)  # also with wrong rows: all errors at once
    if checked.errors:
        _refuse_rows(job, importing.error_messages(checked), progress.done)
        return
    try:
        saved = importing.save_rows(actor=job.created_by, body=job.body, checked=checked)
    except importing.RowsRefused as refused:
        _refuse_rows(job, refused.errors, progress.done)
        return
    summary = ngettext(
        "%(count)d membership added",
        "%(count)d memberships added",
        saved.memberships,
    ) % {"count": saved.memberships}
    summary += "; " + _("new persons: %(persons)d, new organizations: %(organizations)d.") % {
        "persons": saved.persons,
        "organizations": saved.organizations,
    }
    _finish(job, Job.Status.DONE, done=progress.done, summary=summary)


RUNNERS = {
    Job.Kind.AREA_XLSX: _area_xlsx,
    Job.Kind.MINUTES_ZIP: _minutes_zip,
    Job.Kind.ROSTER_IMPORT: _roster_import,
}
