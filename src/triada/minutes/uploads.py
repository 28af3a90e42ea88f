"""Uploading minutes from a town's archive: each file checked, read and stored on its own,
so one bad file never costs the others."""

import datetime
import hashlib
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.tasks import task
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from triada import events
from triada.audit.models import AuditEntry
from triada.audit.services import audit_record
from triada.documents.extraction import UploadRejected, check_upload, extract_text

from .models import UploadedMinutes


def _check_date(body, date: datetime.date, period: str) -> None:
    """Minutes are of a day that has come, within the body's life (for a month's or a year's
    file: the body existed at some time in it)."""
    if date > timezone.localdate():
        raise ValidationError({"date": _("Minutes cannot be dated in the future.")})
    if body is None:
        return
    first, last = date, date
    if period == UploadedMinutes.Period.MONTH:
        first = date.replace(day=1)
        last = (first + datetime.timedelta(days=31)).replace(day=1) - datetime.timedelta(days=1)
    elif period == UploadedMinutes.Period.YEAR:
        first, last = datetime.date(date.year, 1, 1), datetime.date(date.year, 12, 31)
    if (body.established_on and body.established_on > last) or (
        body.dissolved_on and body.dissolved_on < first
    ):
        raise ValidationError({"date": _("The body did not exist then.")})


def _sha256(upload) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    return digest.hexdigest()


@transaction.atomic
def uploaded_minutes_add(
    *, actor, area, upload, date: datetime.date, period: str, body=None, title: str = ""
) -> UploadedMinutes:
    """Check one uploaded file and store it; its text is read by a background task.

    What is plainly not an acceptable PDF (signature, size) is refused here with a
    ValidationError naming the file; an encrypted or damaged PDF is found by the task."""
    if body is not None and body.area_id != area.pk:
        raise ValidationError({"body": _("The body belongs to another planning area.")})
    _check_date(body, date, period)
    name = Path(upload.name).name
    try:
        upload.seek(0)
        check_upload(name, upload.read(1024), upload.size)
    except UploadRejected as error:
        raise ValidationError(str(error)) from error
    digest = _sha256(upload)
    same = UploadedMinutes.objects.filter(
        area=area, sha256=digest, status=UploadedMinutes.Status.ACCEPTED
    ).first()
    if same is not None:
        raise ValidationError(
            _("%(file)s is the same file as „%(title)s“ of %(date)s, uploaded already.")
            % {"file": name, "title": same.title, "date": date_format(same.date)}
        )
    record = UploadedMinutes(
        area=area,
        body=body,
        title=title.strip() or Path(name).stem.replace("_", " "),
        date=date,
        period=period,
        original_name=name,
        size=upload.size,
        sha256=digest,
        uploaded_by=actor if actor and actor.is_authenticated else None,
    )
    record.full_clean(exclude=["file"])
    upload.seek(0)
    record.file.save(name, upload, save=False)
    try:
        record.save()
    except Exception:
        record.file.delete(save=False)  # no orphan file when the row is not written
        raise
    audit_record(
        actor=actor, area=area, action=AuditEntry.Action.CREATE, instance=record, summary=name
    )
    read_uploaded_minutes.enqueue(record.pk)
    return record


def uploaded_minutes_read(record: UploadedMinutes) -> UploadedMinutes:
    """Read the stored PDF in a limited child process: accept it with its text (or as a
    scan), or refuse it with the reason and remove the file."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as copy, record.file.open("rb") as stored:
        for chunk in stored.chunks():
            copy.write(chunk)
        copy.flush()
        try:
            extracted = extract_text(copy.name, record.original_name)
        except UploadRejected as error:
            record.status, record.refusal = UploadedMinutes.Status.REFUSED, str(error)[:300]
            record.file.delete(save=False)
            record.save(update_fields=["status", "refusal", "file"])
            return record
    record.status = UploadedMinutes.Status.ACCEPTED
    record.text, record.pages = extracted.text, extracted.pages
    record.has_text = not extracted.is_scan
    record.save(update_fields=["status", "text", "pages", "has_text"])
    events.upload_read.send(sender=UploadedMinutes, upload=record)
    return record


@task
def read_uploaded_minutes(upload_id: int) -> str:
    with translation.override(settings.LANGUAGE_CODE):  # the reason is read by Czech staff
        return uploaded_minutes_read(UploadedMinutes.objects.get(pk=upload_id)).status
