"""Staff pages of meetings: planning, agenda, guests, invitation and attendance."""

import copy

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from triada.documents.pdf import render_pdf
from triada.structure.models import Body
from triada.ui import sections
from triada.ui.decorators import area_view
from triada.ui.forms import query_int, query_year, run_service, submit, whole_number

from . import services
from .access import get_meeting_for_user
from .forms import (
    AgendaDocumentForm,
    AgendaFormSet,
    AttendanceForm,
    GuestForm,
    MeetingForm,
    NewMeetingForm,
)
from .models import AgendaDocument, Meeting
from .selectors import (
    STOPPED_AFTER,
    attendance_stats,
    attendance_summary,
    invited_memberships,
    meeting_duties,
)


def _detail(meeting):
    return redirect("meetings:meeting", area_slug=meeting.body.area.slug, pk=meeting.pk)


def _public_url(request, meeting) -> str:
    return request.build_absolute_uri(meeting.get_absolute_url())


@area_view
def meeting_list(request, access):
    meetings = Meeting.objects.filter(body__area=access.area).select_related("body")
    if not access.is_coordinator:
        meetings = meetings.filter(body__in=access.member_body_ids)
    bodies = Body.objects.filter(area=access.area, meetings__isnull=False).distinct()
    body_pk, year = query_int(request, "organ"), query_year(request)
    if body_pk is not None:
        meetings = meetings.filter(body_id=body_pk)
    if year is not None:
        meetings = meetings.filter(starts_at__year=year)
    page = Paginator(meetings, 50).get_page(request.GET.get("strana"))
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "page": page,
            "bodies": bodies,
            "body_pk": body_pk,
            "year": year,
        },
    )


@area_view
def meeting_create(request, access, body_pk):
    body = get_object_or_404(Body, area=access.area, pk=body_pk)
    access.require(access.can_manage_meetings(body))
    form = NewMeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        meeting = run_service(
            form, services.meeting_create, actor=request.user, body=body, **form.cleaned_data
        )
        if meeting:
            messages.success(request, _("The meeting was planned."))
            return _detail(meeting)
    return render(
        request,
        "meetings/meeting_form.html",
        {
            "form": form,
            "body": body,
        },
    )


@area_view
def meeting_detail(request, access, pk):
    meeting = get_meeting_for_user(access, pk)
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "agenda": meeting.agenda_items.all(),
            "guests": meeting.guests.all(),
            "summary": attendance_summary(meeting),
            **sections.sections_context(sections.MEETING_PAGE, meeting=meeting),  # open tasks
            "today": timezone.localdate(),
            "can_manage": access.can_manage_meetings(meeting.body),
            "invitation_late": meeting.status == Meeting.Status.PLANNED
            and services.invitation_is_late(meeting),
        },
    )


@area_view
def meeting_edit(request, access, pk):
    meeting = get_meeting_for_user(access, pk, write=True)
    form = MeetingForm(request.POST or None, instance=copy.copy(meeting))
    if submit(request, form, services.meeting_update, actor=request.user, meeting=meeting):
        messages.success(request, _("The changes were saved."))
        return _detail(meeting)
    return render(
        request,
        "meetings/meeting_form.html",
        {
            "form": form,
            "body": meeting.body,
            "meeting": meeting,
        },
    )


@area_view
def agenda_edit(request, access, pk):
    meeting = get_meeting_for_user(access, pk, write=True)
    initial = [
        {
            "id": i.pk,
            "title": i.title,
            "proposer": i.proposer,
            "description": i.description,
            "ORDER": n,
        }
        for n, i in enumerate(meeting.agenda_items.all(), start=1)
    ]
    formset = AgendaFormSet(request.POST or None, initial=initial)
    if request.method == "POST" and formset.is_valid():
        items = [
            {key: form.cleaned_data[key] for key in ("id", "title", "proposer", "description")}
            for form in formset.ordered_forms
            if form.cleaned_data.get("title") and not form.cleaned_data.get("DELETE")
        ]
        try:
            services.agenda_save(actor=request.user, meeting=meeting, items=items)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The agenda was saved."))
            return _detail(meeting)
    return render(
        request,
        "meetings/agenda_form.html",
        {
            "meeting": meeting,
            "formset": formset,
        },
    )


@area_view
def guests_edit(request, access, pk):
    meeting = get_meeting_for_user(access, pk, write=True)
    form = GuestForm(request.POST or None)
    if request.method == "POST":
        remove = request.POST.get("remove", "")
        if remove:
            guest = get_object_or_404(meeting.guests, pk=whole_number(remove) or 0)
            services.guest_remove(actor=request.user, guest=guest)
            messages.success(request, _("The guest was removed."))
            return redirect("meetings:guests", area_slug=access.area.slug, pk=pk)
        if form.is_valid() and run_service(
            form, services.guest_add, actor=request.user, meeting=meeting, **form.cleaned_data
        ):
            messages.success(request, _("The guest was invited."))
            return redirect("meetings:guests", area_slug=access.area.slug, pk=pk)
    return render(
        request,
        "meetings/guests_form.html",
        {
            "meeting": meeting,
            "form": form,
            "guests": meeting.guests.all(),
        },
    )


@area_view
def attendance_edit(request, access, pk):
    meeting = get_meeting_for_user(access, pk, write=True)
    summary = attendance_summary(meeting)
    form = AttendanceForm(request.POST or None, rows=summary.rows, area=access.area)
    saved = (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            form,
            services.attendance_record,
            actor=request.user,
            meeting=meeting,
            entries=form.entries(),
        )
    )
    if saved:
        messages.success(request, _("The attendance list was saved."))
        return _detail(meeting)
    return render(
        request,
        "meetings/attendance_form.html",
        {
            "meeting": meeting,
            "form": form,
            "summary": summary,
        },
    )


@area_view
def invitation_send(request, access, pk):
    meeting = get_meeting_for_user(access, pk, write=True)
    if request.method == "POST":
        try:
            count = services.meeting_invitations_send(
                actor=request.user, meeting=meeting, meeting_url=_public_url(request, meeting)
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("The invitation was sent to %(count)d recipients.") % {"count": count}
            )
        return _detail(meeting)
    return render(
        request,
        "meetings/invitation_confirm.html",
        {
            "meeting": meeting,
            "late": services.invitation_is_late(meeting),
            "now": timezone.now(),
        },
    )


@area_view
def attendance_sheet(request, access, pk):
    """The attendance list to print and sign (PDF): the invited members, guests, spare lines."""
    meeting = get_meeting_for_user(access, pk)
    with translation.override("cs"):
        pdf = render_pdf(
            "meetings/attendance_sheet.html",
            {
                "meeting": meeting,
                "invited": invited_memberships(meeting),
                "guests": meeting.guests.all(),
                "spare_rows": range(5),
            },
        )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="prezencni-listina-{meeting.pk}.pdf"'
    return response


@area_view
def duties(request, access):
    """Per body and year: meetings held against the duty to meet."""
    access.require(access.is_coordinator)
    year = query_year(request) or timezone.localdate().year
    return render(
        request,
        "meetings/duties.html",
        {
            "year": year,
            "rows": meeting_duties(access.area, year),
        },
    )


@area_view
def body_attendance(request, access, body_pk):
    """Who comes to a body's meetings and who stopped coming, per member and organization."""
    body = get_object_or_404(Body, area=access.area, pk=body_pk)
    access.require(access.can_manage_members(body))
    year = query_year(request) or timezone.localdate().year
    people, organizations = attendance_stats(body, year)
    return render(
        request,
        "meetings/body_attendance.html",
        {
            "body": body,
            "year": year,
            "people": people,
            "organizations": organizations,
            "stopped_after": STOPPED_AFTER,
        },
    )


@area_view
def documents(request, access, pk):
    """The documents attached to the agenda items; the body's members download them."""
    meeting = get_meeting_for_user(access, pk)
    can_manage = access.can_manage_meetings(meeting.body)
    # Bound on every POST: one that carries no field (an empty file only) gets the form's
    # errors, not a blank form again.
    posted = request.method == "POST"
    form = AgendaDocumentForm(
        request.POST if posted else None, request.FILES if posted else None, meeting=meeting
    )
    if request.method == "POST":
        access.require(can_manage)
        if form.is_valid() and run_service(
            form,
            services.agenda_document_add,
            actor=request.user,
            item=form.cleaned_data["item"],
            upload=form.cleaned_data["file"],
            title=form.cleaned_data["title"],
        ):
            messages.success(request, _("The document was attached."))
            return redirect("meetings:documents", area_slug=access.area.slug, pk=pk)
    return render(
        request,
        "meetings/documents.html",
        {
            "meeting": meeting,
            "form": form,
            "can_manage": can_manage,
            "items": meeting.agenda_items.prefetch_related("documents"),
        },
    )


@area_view
def document_download(request, access, pk, document_pk):
    meeting = get_meeting_for_user(access, pk)
    document = get_object_or_404(AgendaDocument, item__meeting=meeting, pk=document_pk)
    return FileResponse(
        document.file.open("rb"), filename=document.original_name, as_attachment=True
    )
