"""Staff pages of minutes: writing, resolutions and tasks, comments, approval, publication."""

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, SuspiciousFileOperation, ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from triada.meetings.access import get_meeting_for_user
from triada.ui.decorators import area_view
from triada.ui.forms import run_service

from . import services
from .access import get_minutes_for_user, get_task_for_user
from .forms import (
    CommentForm,
    MinutesForm,
    PublishForm,
    ResolutionForm,
    TaskCloseForm,
    TaskForm,
    UploadForm,
    task_candidates,
)
from .models import Minutes, Resolution, Section, UploadedMinutes
from .render import document_context
from .uploads import uploaded_minutes_add


def _to_minutes(minutes, anchor=""):
    meeting = minutes.meeting
    url = reverse("minutes:detail", kwargs={"area_slug": meeting.body.area.slug, "pk": meeting.pk})
    return redirect(url + anchor)


def _refused(request, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


def _errors(form) -> str:
    """All the form's error messages as one line, for a message or a JSON answer."""
    return " ".join(e for errors in form.errors.values() for e in errors)


def _add_to_section(request, access, pk, form, service, *, section, done, failed, **kwargs):
    """The common end of adding a resolution or a task to an agenda item of the minutes."""
    if form.is_valid() and run_service(
        form, service, actor=request.user, section=section, **form.cleaned_data, **kwargs
    ):
        messages.success(request, done)
    else:
        messages.error(request, failed % {"errors": _errors(form)})
    return redirect(
        reverse("minutes:edit", kwargs={"area_slug": access.area.slug, "pk": pk})
        + f"#section-{section.pk}"
    )


@area_view
def minutes_detail(request, access, pk):
    meeting = get_meeting_for_user(access, pk)
    try:
        minutes = meeting.minutes  # the reverse accessor reuses the meeting already loaded
    except Minutes.DoesNotExist:
        minutes = None
    can_edit = access.can_manage_meetings(meeting.body)
    context = {
        "meeting": meeting,
        "minutes": minutes,
        "can_edit": can_edit,
    }
    if minutes is not None:
        context.update(document_context(minutes))
        context.update(
            {
                "versions": minutes.versions.all(),
                "comments": minutes.comments.select_related("author"),
                "may_comment": services.may_comment(request.user, minutes, context["summary"]),
                "comment_form": CommentForm(),
                "publish_form": PublishForm(),
            }
        )
    return render(request, "minutes/minutes_detail.html", context)


@require_POST
@area_view
def minutes_start(request, access, pk):
    meeting = get_meeting_for_user(access, pk, write=True)
    try:
        minutes = services.minutes_start(actor=request.user, meeting=meeting)
    except ValidationError as error:
        _refused(request, error)
        return redirect("meetings:meeting", area_slug=access.area.slug, pk=pk)
    return redirect("minutes:edit", area_slug=access.area.slug, pk=minutes.meeting_id)


@area_view
def minutes_edit(request, access, pk):
    minutes = get_minutes_for_user(access, pk, write=True)
    form = MinutesForm(request.POST or None, minutes=minutes)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            form,
            services.minutes_update,
            actor=request.user,
            minutes=minutes,
            **form.service_data(),
        )
    ):
        messages.success(request, _("The minutes were saved."))
        return redirect("minutes:edit", area_slug=access.area.slug, pk=pk)
    if form.has_error(NON_FIELD_ERRORS, services.EDIT_CONFLICT):
        minutes.refresh_from_db()
        form.show_saved_version(minutes)
    persons = task_candidates(minutes.meeting.body)
    sections = []
    for section in minutes.sections.prefetch_related("resolutions", "tasks__responsible"):
        sections.append(
            {
                "section": section,
                "resolution_form": ResolutionForm(prefix=f"r{section.pk}"),
                "task_form": TaskForm(prefix=f"t{section.pk}", persons=persons),
            }
        )
    return render(
        request,
        "minutes/minutes_edit.html",
        {
            "minutes": minutes,
            "meeting": minutes.meeting,
            "form": form,
            "sections": sections,
        },
    )


@require_POST
@area_view
def resolution_add(request, access, pk, section_pk):
    minutes = get_minutes_for_user(access, pk, write=True)
    section = get_object_or_404(Section, minutes=minutes, pk=section_pk)
    form = ResolutionForm(request.POST, prefix=f"r{section.pk}")
    return _add_to_section(
        request,
        access,
        pk,
        form,
        services.resolution_add,
        section=section,
        done=_("The resolution was added."),
        failed=_("The resolution was not added: %(errors)s"),
    )


@require_POST
@area_view
def resolution_delete(request, access, pk, resolution_pk):
    minutes = get_minutes_for_user(access, pk, write=True)
    resolution = get_object_or_404(Resolution, section__minutes=minutes, pk=resolution_pk)
    services.resolution_delete(actor=request.user, resolution=resolution)
    messages.success(request, _("The resolution was deleted."))
    return redirect("minutes:edit", area_slug=access.area.slug, pk=pk)


@require_POST
@area_view
def task_add(request, access, pk, section_pk):
    minutes = get_minutes_for_user(access, pk, write=True)
    section = get_object_or_404(Section, minutes=minutes, pk=section_pk)
    form = TaskForm(
        request.POST, prefix=f"t{section.pk}", persons=task_candidates(minutes.meeting.body)
    )
    return _add_to_section(
        request,
        access,
        pk,
        form,
        services.task_add,
        minutes=minutes,
        section=section,
        done=_("The task was added."),
        failed=_("The task was not added: %(errors)s"),
    )


@area_view
def task_close(request, access, pk):
    task = get_task_for_user(access, pk, write=True)
    form = TaskCloseForm(request.POST or None)
    body = task.minutes.meeting.body
    next_meeting = (
        body.meetings.filter(starts_at__gt=task.minutes.meeting.starts_at, status="held")
        .order_by("-starts_at")
        .first()
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            form,
            services.task_close,
            actor=request.user,
            task=task,
            status=form.cleaned_data["status"],
            note=form.cleaned_data["note"],
            at_meeting=next_meeting,
        )
    ):
        messages.success(request, _("The task was closed."))
        return redirect("structure:body", area_slug=access.area.slug, pk=body.pk)
    return render(
        request,
        "minutes/task_close.html",
        {
            "task": task,
            "form": form,
            "next_meeting": next_meeting,
        },
    )


@require_POST
@area_view
def comment_add(request, access, pk):
    minutes = get_minutes_for_user(access, pk)
    form = CommentForm(request.POST)
    if form.is_valid() and run_service(
        form,
        services.comment_add,
        author=request.user,
        minutes=minutes,
        text=form.cleaned_data["text"],
    ):
        messages.success(request, _("Thank you; your comment was recorded."))
    else:
        messages.error(request, _errors(form))
    return _to_minutes(minutes, "#comments")


@require_POST
@area_view
def minutes_send(request, access, pk):
    minutes = get_minutes_for_user(access, pk, write=True)
    url = request.build_absolute_uri(
        reverse("minutes:detail", kwargs={"area_slug": access.area.slug, "pk": pk})
    )
    try:
        count = services.minutes_send_for_comments(actor=request.user, minutes=minutes, url=url)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(
            request, _("The draft was sent to %(count)d attendees for comments.") % {"count": count}
        )
    return _to_minutes(minutes)


@require_POST
@area_view
def minutes_approve(request, access, pk):
    minutes = get_minutes_for_user(access, pk, write=True)
    try:
        services.minutes_approve(actor=request.user, minutes=minutes)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("The minutes were approved."))
    return _to_minutes(minutes)


@require_POST
@area_view
def minutes_publish(request, access, pk):
    minutes = get_minutes_for_user(access, pk, write=True)
    form = PublishForm(request.POST)
    try:
        note = form.cleaned_data["note"] if form.is_valid() else ""
        version = services.minutes_publish(actor=request.user, minutes=minutes, note=note)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(
            request,
            _("Version %(number)d of the minutes was published.") % {"number": version.number},
        )
    return _to_minutes(minutes)


@area_view
def upload(request, access):
    """Upload archive minutes: one request for all files, or, with JavaScript, one request
    per file so that the page shows the progress; each file succeeds or fails on its own."""
    access.require(access.is_coordinator)
    # Bound on every POST: one that carries no field (an empty file only) gets the form's
    # errors, not a blank form again.
    posted = request.method == "POST"
    form = UploadForm(
        request.POST if posted else None, request.FILES if posted else None, area=access.area
    )
    wants_json = request.headers.get("Accept") == "application/json"
    results: list[tuple[bool, str]] = []  # (not refused, message naming the file)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        for file in data["files"]:
            try:
                record = uploaded_minutes_add(
                    actor=request.user,
                    area=access.area,
                    upload=file,
                    body=data["body"],
                    date=data["date"],
                    period=data["period"],
                    title=data["title"] if len(data["files"]) == 1 else "",
                )
            except ValidationError as error:
                results.append((False, " ".join(error.messages)))
            except SuspiciousFileOperation:
                results.append(
                    (
                        False,
                        _(
                            "%(file)s: the file name cannot be used; rename the "
                            "file and upload it again."
                        )
                        % {"file": file.name[:80]},
                    )
                )
            else:
                record.refresh_from_db()  # the task may have read it already
                results.append(
                    (record.status != UploadedMinutes.Status.REFUSED, _upload_message(record))
                )
        if wants_json:
            ok, message = results[0]
            return JsonResponse({"ok": ok, "message": message}, status=200 if ok else 400)
    elif wants_json and request.method == "POST":
        return JsonResponse(
            {
                "ok": False,
                "message": _errors(form),
            },
            status=400,
        )
    return render(
        request,
        "minutes/upload.html",
        {
            "form": form,
            "results": results,
            "recent": UploadedMinutes.objects.filter(area=access.area).select_related("body")[:20],
        },
    )


def _upload_message(record: UploadedMinutes) -> str:
    if record.status == UploadedMinutes.Status.REFUSED:
        return record.refusal
    if record.status == UploadedMinutes.Status.PENDING:
        return _("%(file)s was received and will be read shortly.") % {"file": record.original_name}
    if not record.has_text:
        return _("%(file)s was accepted, with no text (scan).") % {"file": record.original_name}
    return _("%(file)s was accepted.") % {"file": record.original_name}
