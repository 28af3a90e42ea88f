"""Staff pages of the needs register: the list with its filters, recording a need and the
coordinator's moderation and decision."""

import copy

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from triada.ui.decorators import area_view
from triada.ui.forms import run_service, submit

from . import services
from .access import get_need_for_user
from .forms import NeedForm
from .models import Need


@area_view
def need_list(request, access):
    needs = Need.objects.filter(area=access.area).select_related("body", "meeting")
    status = request.GET.get("stav", "")
    if status in Need.Status.values:
        needs = needs.filter(status=status)
    moderation = bool(request.GET.get("moderace"))
    without_measure = bool(request.GET.get("bez_opatreni"))
    if moderation:
        needs = needs.filter(published=False)
    if without_measure:
        needs = needs.without_measure()
    page = Paginator(needs, 50).get_page(request.GET.get("strana"))
    return render(
        request,
        "needs/need_list.html",
        {
            "page": page,
            "status": status,
            "statuses": Need.Status.choices,
            "moderation": moderation,
            "without_measure": without_measure,
        },
    )


@area_view
def need_create(request, access):
    access.require(access.is_coordinator or bool(access.leading_body_ids))
    form = NeedForm(request.POST or None, area=access.area, decides=access.is_coordinator)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        body = data["body"]
        if not (access.is_coordinator or body.pk in access.leading_body_ids):
            form.add_error("body", _("You can record needs of the groups you lead."))
        elif run_service(form, services.need_create, actor=request.user, area=access.area, **data):
            messages.success(request, _("The need was recorded."))
            return redirect("needs:needs", area_slug=access.area.slug)
    return render(request, "needs/need_form.html", {"form": form})


@area_view
def need_edit(request, access, pk):
    need = get_need_for_user(access, pk, write=True)
    form = NeedForm(request.POST or None, instance=copy.copy(need), area=access.area, decides=True)
    if submit(request, form, services.need_update, actor=request.user, need=need):
        messages.success(request, _("The changes were saved."))
        return redirect("needs:needs", area_slug=access.area.slug)
    return render(request, "needs/need_form.html", {"form": form, "need": need})
