"""Keeping the search index true: `receivers.py` calls these when the services that publish,
upload or change what the public can read say so (triada.events)."""

from django.urls import reverse

from triada.minutes.models import Minutes, UploadedMinutes
from triada.needs.models import Need
from triada.planning.models import Plan, PlanItem, PlanVersion
from triada.planning.selectors import plan_tree
from triada.structure.models import Body

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


def index_plan(plan) -> None:
    """The items of the version the portal shows for the plan: the one in force, or else the
    newest public one. Another version's items leave the index."""
    # Everything of the area's plan items but the other plans' (deleted items have no row left
    # to find their entries by).
    others = PlanItem.objects.filter(version__plan__area_id=plan.area_id).exclude(
        version__plan=plan
    )
    SearchDocument.objects.filter(kind=K.PLAN_ITEM, area_id=plan.area_id).exclude(
        object_id__in=others.values("pk")
    ).delete()
    versions = plan.versions.filter(status__in=PlanVersion.PUBLIC).exclude(
        status=PlanVersion.Status.ARCHIVED
    )
    version = versions.filter(status=PlanVersion.Status.IN_FORCE).first() or versions.first()
    if version is None:
        return
    url = version.get_absolute_url()
    documents = []
    for node in plan_tree(version, details=False):
        item = node.item
        root = node
        while root.parent is not None:
            root = root.parent
        documents.append(
            SearchDocument(
                kind=K.PLAN_ITEM,
                object_id=item.pk,
                area_id=plan.area_id,
                body_id=root.item.owner_id,
                title=f"{node.number} {item.title}"[:300],
                text="\n".join(
                    part
                    for part in (
                        item.description,
                        item.target_group,
                        item.profile,
                        item.problem_areas,
                    )
                    if part
                ),
                date=None,
                url=f"{url}#polozka-{item.pk}",
            )
        )
    SearchDocument.objects.bulk_create(documents)


def index_need(need) -> None:
    """A published need; one taken back from the public leaves the index."""
    if not need.published:
        SearchDocument.objects.filter(kind=K.NEED, object_id=need.pk).delete()
        return
    _upsert(
        K.NEED,
        need.pk,
        area=need.area,
        body=need.body,
        title=str(need)[:300],
        text=f"{need.text}\n{need.target_group}",
        date=need.created_at.date(),
        # The register is paged: ?potreba= opens the page the need is on.
        url=reverse("portal:needs", kwargs={"area_slug": need.area.slug})
        + f"?potreba={need.pk}#potreba-{need.pk}",
    )


def reindex_all() -> int:
    """Build the whole index anew (after a restore or an upgrade)."""
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
    for plan in Plan.objects.select_related("area"):
        index_plan(plan)
    for need in Need.objects.published().select_related("area", "body"):
        index_need(need)
    return SearchDocument.objects.count()
