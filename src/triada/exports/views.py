"""Open data of an area for everyone; the coordinators' exports, long exports and roster
imports with their job pages."""

from pathlib import Path

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from triada.areas.models import Area
from triada.structure.models import Body
from triada.ui.decorators import area_view

from . import services, streaming
from .access import get_job_for_user
from .datasets import DATASETS, Links, dataset_filename, shown_plan_version
from .forms import ExportStartForm, RosterImportForm
from .models import Job


def _links(request) -> Links:
    return Links(request.build_absolute_uri("/"))


def _dataset_rows(area, *, staff: bool, url_name: str) -> list[dict]:
    return [
        {
            "dataset": dataset,
            "count": dataset.count(area, staff=staff),
            "downloads": [
                (fmt, reverse(url_name, args=[area.slug, dataset.slug, fmt]))
                for fmt in streaming.FORMATS
            ],
        }
        for dataset in DATASETS.values()
    ]


def _download(request, area, dataset_slug: str, fmt: str, *, staff: bool):
    dataset = DATASETS.get(dataset_slug)
    if dataset is None or fmt not in streaming.FORMATS:
        raise Http404
    rows = dataset.rows(area, staff=staff, links=_links(request))
    filename = dataset_filename(area, dataset, fmt)
    return streaming.streaming_response(fmt, dataset.columns(staff), rows, filename)


# Public


@require_safe
def open_data(request, area_slug):
    area = get_object_or_404(Area, slug=area_slug)
    return render(
        request,
        "exports/open_data.html",
        {
            "area": area,
            "datasets": _dataset_rows(area, staff=False, url_name="open_data:download"),
            "plan_version": shown_plan_version(area),
        },
    )


@require_safe
def open_data_download(request, area_slug, dataset, fmt):
    area = get_object_or_404(Area, slug=area_slug)
    response = _download(request, area, dataset, fmt, staff=False)
    response["Access-Control-Allow-Origin"] = "*"  # open data may be read by any web page
    return response


# Staff


def _refuse_unsafe(request):
    """Pages and downloads, never form targets; refused after the access check, so that a
    POST is refused where a GET would be."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    return None


def _private(response):
    response["Cache-Control"] = "private, no-store"  # personal data stay out of caches
    return response


@area_view
def index(request, access):
    access.require(access.is_coordinator)
    if refused := _refuse_unsafe(request):
        return refused
    area = access.area
    return render(
        request,
        "exports/index.html",
        {
            "datasets": _dataset_rows(area, staff=True, url_name="exports:download"),
            "long_exports": [
                (kind, ExportStartForm(initial={"kind": kind.value}))
                for kind in (Job.Kind.AREA_XLSX, Job.Kind.MINUTES_ZIP)
            ],
            "jobs": Job.objects.filter(area=area).select_related("body", "created_by")[:20],
            "bodies": Body.objects.filter(area=area).current(),
        },
    )


@area_view
def download(request, access, dataset, fmt):
    access.require(access.is_coordinator)
    if refused := _refuse_unsafe(request):
        return refused
    response = _download(request, access.area, dataset, fmt, staff=True)
    what = f"{DATASETS[dataset].title} ({fmt.upper()})"
    services.export_record(actor=request.user, area=access.area, what=what)
    return _private(response)


@require_POST
@area_view
def start(request, access):
    access.require(access.is_coordinator)
    form = ExportStartForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose which export to start."))
        return redirect("exports:index", area_slug=access.area.slug)
    job = services.export_start(
        actor=request.user,
        area=access.area,
        kind=form.cleaned_data["kind"],
        language=request.LANGUAGE_CODE,
        site_url=request.build_absolute_uri("/"),
    )
    return redirect("exports:job", area_slug=access.area.slug, pk=job.pk)


def _number(value: int) -> str:
    return number_format(value, use_l10n=True, force_grouping=True)


def progress_text(job: Job) -> str:
    """What the job is doing, in words: "processed 1 250 of 4 900"."""
    is_import = job.kind == Job.Kind.ROSTER_IMPORT
    if job.status == Job.Status.QUEUED:
        return _("Waiting for its turn…")
    if job.status == Job.Status.RUNNING:
        if not job.total:
            return _("Starting…")
        if job.done < job.total:
            numbers = {"done": _number(job.done), "total": _number(job.total)}
            if is_import:
                return _("Checked %(done)s of %(total)s rows") % numbers
            return _("Processed %(done)s of %(total)s") % numbers
        if is_import:
            return _("All rows are checked; saving the members…")
        return _("Writing the file…")
    if job.status == Job.Status.DONE:
        return job.summary or _("Done.")
    return job.error


@area_view
def job(request, access, pk):
    job = get_job_for_user(access, pk)
    if refused := _refuse_unsafe(request):
        return refused
    text = progress_text(job)
    if request.headers.get("Accept") == "application/json":
        response = JsonResponse(
            {
                "status": job.status,
                "done": job.done,
                "total": job.total,
                "finished": job.is_finished,
                "text": text,
            }
        )
    else:
        response = _job_page(request, job, text)
    # One address, two answers: the back button must not show the progress as the page.
    patch_vary_headers(response, ["Accept"])
    return _private(response)


def _job_page(request, job, text):
    return render(
        request,
        "exports/job.html",
        {
            "job": job,
            "text": text,
            # A bar with a value while rows are counted; without one (busy) otherwise.
            "counting": job.status == Job.Status.RUNNING and job.total > 0 and job.done < job.total,
            "file_expired": job.status == Job.Status.DONE
            and job.kind != Job.Kind.ROSTER_IMPORT
            and not job.file,
            "kept_days": services.FILES_KEPT.days,
        },
    )


@area_view
def job_download(request, access, pk):
    job = get_job_for_user(access, pk)
    if refused := _refuse_unsafe(request):
        return refused
    if job.status != Job.Status.DONE or not job.file:
        raise Http404
    if job.kind == Job.Kind.AREA_XLSX:  # the minutes archive holds only what is public
        services.export_record(actor=request.user, area=access.area, what=job.get_kind_display())
    # Stored as <random>-<name>; the download gets the name.
    filename = Path(job.file.name).name.split("-", 1)[-1]
    content_type = streaming.CONTENT_TYPES.get(filename.rsplit(".", 1)[-1])
    response = FileResponse(
        job.file.open("rb"), as_attachment=True, filename=filename, content_type=content_type
    )
    return _private(response)


@area_view
def roster_import(request, access, body_pk):
    """Coordinators only: the import matches persons of the whole area by e-mail, which only
    the coordinators may see, and may seat leaders, which a leader may not."""
    body = get_object_or_404(Body.objects.select_related("area"), area=access.area, pk=body_pk)
    access.require(access.is_coordinator)
    if request.method == "POST":
        form = RosterImportForm(request.POST, request.FILES)
        if form.is_valid():
            job = services.roster_import_start(
                actor=request.user,
                body=body,
                name=form.cleaned_data["file"].name,
                data=form.content,
                rows=form.row_count,
                language=request.LANGUAGE_CODE,
                site_url=request.build_absolute_uri("/"),
            )
            return redirect("exports:job", area_slug=access.area.slug, pk=job.pk)
    else:
        form = RosterImportForm()
    return render(
        request,
        "exports/roster_import.html",
        {
            "body": body,
            "form": form,
            "jobs": Job.objects.filter(body=body, kind=Job.Kind.ROSTER_IMPORT)[:10],
        },
    )
