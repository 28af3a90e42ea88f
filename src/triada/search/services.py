"""Keeping the search index true: the services that publish, upload or change what the
public can read call these."""

from django.urls import reverse

from .models import SearchDocument

K = SearchDocument.Kind


def _upsert(kind: str, object_id: int, **fields) -> None:
    SearchDocument.objects.update_or_create(kind=kind, object_id=object_id, defaults=fields)


def index_minutes(minutes) -> None:
    """The latest published version of written minutes."""
    version = minutes.versions.order_by("-number").first()
    if version is None:
        return
    meeting = minutes.meeting
    _upsert(
        K.MINUTES,
        minutes.pk,
        area=meeting.body.area,
        body=meeting.body,
        title=str(meeting),
        text=version.text,
        date=meeting.date,
        url=reverse(
            "portal:meeting", kwargs={"area_slug": meeting.body.area.slug, "pk": meeting.pk}
        ),
    )


def index_upload(upload) -> None:
    _upsert(
        K.UPLOAD,
        upload.pk,
        area=upload.area,
        body=upload.body,
        title=upload.title,
        text=upload.text,
        date=upload.date,
        url=reverse("portal:uploaded_pdf", kwargs={"area_slug": upload.area.slug, "pk": upload.pk}),
    )


def index_body(body) -> None:
    _upsert(
        K.BODY,
        body.pk,
        area=body.area,
        body=body,
        title=body.name,
        text=f"{body.description}\n{body.target_groups}",
        date=None,
        url=reverse("portal:body", kwargs={"area_slug": body.area.slug, "body_slug": body.slug}),
    )


def reindex_all() -> int:
    """Build the whole index anew (after a restore or an upgrade)."""
    # Imported here: the minutes and structure services import this module.
    from triada.minutes.models import Minutes, UploadedMinutes
    from triada.structure.models import Body

    SearchDocument.objects.all().delete()
    for body in Body.objects.select_related("area"):
        index_body(body)
    for upload in UploadedMinutes.objects.filter(
        status=UploadedMinutes.Status.ACCEPTED
    ).select_related("area", "body"):
        index_upload(upload)
    for minutes in Minutes.objects.filter(status=Minutes.Status.PUBLISHED).select_related(
        "meeting__body__area"
    ):
        index_minutes(minutes)
    return SearchDocument.objects.count()
