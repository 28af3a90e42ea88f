"""Staff pages of the structure: bodies, their rosters and the dated changes."""

import copy

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from triada.ui import sections
from triada.ui.decorators import area_view
from triada.ui.forms import DateQueryForm, run_service, submit

from . import selectors, services
from .access import get_body_for_user
from .forms import BodyFilterForm, BodyForm, StructureChangeForm
from .models import Body


@area_view
def body_list(request, access):
    filters = BodyFilterForm(request.GET or None)
    bodies = Body.objects.filter(area=access.area)
    if filters.is_valid():
        if filters.cleaned_data["kind"]:
            bodies = bodies.filter(kind=filters.cleaned_data["kind"])
        state = filters.cleaned_data["state"] or "active"
    else:
        state = "active"
    if state == "active":
        bodies = bodies.active_on(timezone.localdate())
    elif state == "dissolved":
        bodies = bodies.filter(dissolved_on__lt=timezone.localdate())
    return render(
        request,
        "structure/body_list.html",
        {
            "filters": filters,
            "bodies": bodies,
        },
    )


@area_view
def body_create(request, access):
    access.require(access.is_coordinator)
    form = BodyForm(request.POST or None, area=access.area)
    if request.method == "POST" and form.is_valid():
        body = run_service(
            form, services.body_create, actor=request.user, area=access.area, **form.cleaned_data
        )
        if body:
            messages.success(request, _("The body %(name)s was created.") % {"name": body})
            return redirect("structure:body", area_slug=access.area.slug, pk=body.pk)
    return render(
        request,
        "structure/body_form.html",
        {
            "form": form,
        },
    )


@area_view
def body_edit(request, access, pk):
    body = get_body_for_user(access, pk, write=True)
    form = BodyForm(request.POST or None, instance=copy.copy(body), area=access.area)
    if submit(request, form, services.body_update, actor=request.user, body=body):
        messages.success(request, _("The changes were saved."))
        return redirect("structure:body", area_slug=access.area.slug, pk=body.pk)
    return render(
        request,
        "structure/body_form.html",
        {
            "form": form,
            "body": body,
        },
    )


@area_view
def body_detail(request, access, pk):
    body = get_body_for_user(access, pk)
    today = timezone.localdate()
    date_form = DateQueryForm(request.GET or None)
    on, year = date_form.on_and_year(today)
    return render(
        request,
        "structure/body_detail.html",
        {
            "body": body,
            "on": on,
            "year": year,
            "today": today,
            "date_form": date_form,
            "relations": selectors.relations_of(body),
            "ended_by": body.ended_by_changes.prefetch_related("successors"),
            "started_by": body.started_by_changes.prefetch_related("predecessors"),
            "can_manage_members": access.can_manage_members(body),
            "can_manage_meetings": access.can_manage_meetings(body),
            # The roster and elections (people), meetings (meetings), open tasks (minutes).
            **sections.sections_context(sections.BODY_PAGE, body=body, on=on, year=year),
        },
    )


@area_view
def structure_overview(request, access):
    date_form = DateQueryForm(request.GET or None)
    on, _year = date_form.on_and_year(timezone.localdate())
    on = on or timezone.localdate()
    return render(
        request,
        "structure/structure.html",
        {
            "date_form": date_form,
            "structure": selectors.structure_on(access.area, on),
            "changes": selectors.structure_history(access.area),
        },
    )


@area_view
def structure_change_create(request, access):
    access.require(access.is_coordinator)
    form = StructureChangeForm(request.POST or None, area=access.area)
    if request.method == "POST" and form.is_valid():
        change = run_service(
            form,
            services.structure_change_record,
            actor=request.user,
            area=access.area,
            **form.cleaned_data,
        )
        if change:
            messages.success(request, _("The structure change was recorded."))
            return redirect("structure:overview", area_slug=access.area.slug)
    return render(
        request,
        "structure/change_form.html",
        {
            "form": form,
        },
    )
