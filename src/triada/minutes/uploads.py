"""Uploading minutes from a town's archive: each file checked, read and stored on its own,
so one bad file never costs the others."""

import datetime
import tempfile
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from triada.audit.models import AuditEntry
from triada.audit.services import audit_record
from triada.documents.extraction import UploadRejected, check_upload, extract_text
from triada.search.services import index_upload

from .models import UploadedMinutes


@transaction.atomic
def uploaded_minutes_add(
    *, actor, area, upload, date: datetime.date, period: str, body=None, title: str = ""
) -> UploadedMinutes:
    """Check, read and store one uploaded PDF; ValidationError naming the file otherwise."""
    if body is not None and body.area_id != area.pk:
        raise ValidationError({"body": _("The body belongs to another planning area.")})
    name = Path(upload.name).name
    try:
        upload.seek(0)
        check_upload(name, upload.read(1024), upload.size)
        with tempfile.NamedTemporaryFile(suffix=".pdf") as copy:
            upload.seek(0)
            for chunk in upload.chunks():
                copy.write(chunk)
            copy.flush()
            extracted = extract_text(copy.name, name)
    except UploadRejected as error:
        raise ValidationError(str(error)) from error
    record = UploadedMinutes(
        area=area,
        body=body,
        title=title.strip() or Path(name).stem.replace("_", " "),
        date=date,
        period=period,
        original_name=name,
        size=upload.size,
        pages=extracted.pages,
        text=extracted.text,
        has_text=not extracted.is_scan,
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
    index_upload(record)
    audit_record(
        actor=actor, area=area, action=AuditEntry.Action.CREATE, instance=record, summary=name
    )
    return record
