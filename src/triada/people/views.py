"""Staff pages of people: organizations, persons, memberships and leader elections."""

import copy
import logging
import smtplib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from triada.accounts.emails import send_password_set_link
from triada.structure.access import get_body_for_roster_change, get_body_for_user
from triada.ui.decorators import area_view
from triada.ui.forms import query_int, query_text, run_service, submit

from . import personal_data, selectors, services
from .access import get_membership_for_user, get_organization_for_user, get_person_for_user
from .forms import (
    AccountForm,
    ErasureForm,
    LeaderElectionForm,
    MembershipEndForm,
    MembershipForm,
    OrganizationForm,
    PersonForm,
)
from .models import Membership, Organization, TriadSide

PAGE_SIZE = 50
logger = logging.getLogger(__name__)


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("strana"))


# Organizations ---------------------------------------------------------------------------


@area_view
def organization_list(request, access):
    access.require(access.can_manage_people)
    query = query_text(request)
    side = request.GET.get("strana_triady", "")
    organizations = (
        Organization.objects.filter(area=access.area)
        .annotate(
            representatives=Count(
                "memberships__person",
                distinct=True,
                filter=Q(memberships__in=Membership.objects.active_on(timezone.localdate())),
            )
        )
        .order_by("name")
    )
    if query:
        organizations = organizations.filter(Q(name__icontains=query) | Q(ico=query))
    if side in TriadSide.values:
        organizations = organizations.filter(usual_side=side)
    return render(
        request,
        "people/organization_list.html",
        {
            "page": _page(request, organizations),
            "query": query,
            "side": side,
            "sides": TriadSide.choices,
        },
    )


@area_view
def organization_create(request, access):
    access.require(access.can_manage_people)
    form = OrganizationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organization = run_service(
            form,
            services.organization_create,
            actor=request.user,
            area=access.area,
            **form.cleaned_data,
        )
        if organization:
            messages.success(
                request, _("The organization %(name)s was added.") % {"name": organization}
            )
            return redirect("people:organization", area_slug=access.area.slug, pk=organization.pk)
    return render(
        request,
        "people/organization_form.html",
        {
            "form": form,
        },
    )


@area_view
def organization_detail(request, access, pk):
    organization = get_organization_for_user(access, pk)
    memberships = organization.memberships.select_related("person", "body").order_by("-start_on")
    if not access.is_coordinator:  # a leader sees the representatives in his or her bodies only
        memberships = memberships.filter(body__in=access.member_body_ids)
    return render(
        request,
        "people/organization_detail.html",
        {
            "organization": organization,
            "memberships": memberships,
            "today": timezone.localdate(),
        },
    )


@area_view
def organization_edit(request, access, pk):
    organization = get_organization_for_user(access, pk, write=True)
    form = OrganizationForm(request.POST or None, instance=copy.copy(organization))
    if submit(
        request, form, services.organization_update, actor=request.user, organization=organization
    ):
        messages.success(request, _("The changes were saved."))
        return redirect("people:organization", area_slug=access.area.slug, pk=pk)
    return render(
        request,
        "people/organization_form.html",
        {
            "form": form,
            "organization": organization,
        },
    )


# Persons ---------------------------------------------------------------------------------


@area_view
def person_list(request, access):
    access.require(access.is_coordinator)
    query = query_text(request)
    persons = selectors.persons_in_area(access.area, query=query)
    return render(
        request,
        "people/person_list.html",
        {
            "page": _page(request, persons),
            "query": query,
            "active_count": selectors.active_person_count(access.area, on=timezone.localdate()),
        },
    )


@area_view
def person_create(request, access):
    access.require(access.can_manage_people)
    form = PersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = run_service(
            form, services.person_create, actor=request.user, area=access.area, **form.cleaned_data
        )
        if person:
            messages.success(request, _("%(name)s was added.") % {"name": person})
            next_body = query_int(request, "organ")
            if next_body is not None:
                return redirect(f"{_membership_add_url(access, next_body)}?osoba={person.pk}")
            if access.is_coordinator:
                return redirect("people:person", area_slug=access.area.slug, pk=person.pk)
            return redirect("staff:dashboard", area_slug=access.area.slug)
    return render(
        request,
        "people/person_form.html",
        {
            "form": form,
        },
    )


def _membership_add_url(access, body_pk: int) -> str:
    return reverse(
        "people:membership_add", kwargs={"area_slug": access.area.slug, "body_pk": body_pk}
    )


@area_view
def person_detail(request, access, pk):
    person = get_person_for_user(access, pk)
    return render(
        request,
        "people/person_detail.html",
        {
            "person": person,
            "memberships": person.memberships.select_related("body", "organization").order_by(
                "-start_on"
            ),
            "today": timezone.localdate(),
        },
    )


@area_view
def person_edit(request, access, pk):
    person = get_person_for_user(access, pk, write=True)
    form = PersonForm(request.POST or None, instance=copy.copy(person))
    if submit(request, form, services.person_update, actor=request.user, person=person):
        messages.success(request, _("The changes were saved."))
        return redirect("people:person", area_slug=access.area.slug, pk=pk)
    return render(
        request,
        "people/person_form.html",
        {
            "form": form,
            "person": person,
        },
    )


@area_view
def person_account(request, access, pk):
    person = get_person_for_user(access, pk, write=True)
    form = AccountForm(request.POST or None, initial={"email": person.email})
    if request.method == "POST" and form.is_valid():
        user = run_service(
            form,
            services.person_account_create,
            actor=request.user,
            person=person,
            **form.cleaned_data,
        )
        if user:
            _send_link(request, user)
            return redirect("people:person", area_slug=access.area.slug, pk=pk)
    return render(
        request,
        "people/person_account.html",
        {
            "form": form,
            "person": person,
        },
    )


@require_POST
@area_view
def person_account_link(request, access, pk):
    """Send the link to set a password again, e.g. after the first e-mail got lost."""
    person = get_person_for_user(access, pk, write=True)
    if person.user is None or not person.user.email:
        raise Http404
    _send_link(request, person.user)
    return redirect("people:person", area_slug=access.area.slug, pk=pk)


def _send_link(request, user) -> None:
    try:
        send_password_set_link(request, user)
    except (OSError, smtplib.SMTPException):
        logger.exception("The link to set a password could not be sent to user %s", user.pk)
        messages.error(
            request,
            _(
                "The e-mail to %(email)s could not be sent. Check the address "
                "and send the link again later."
            )
            % {"email": user.email},
        )
    else:
        messages.success(
            request, _("A link to set the password was sent to %(email)s.") % {"email": user.email}
        )


# Memberships -----------------------------------------------------------------------------


@area_view
def membership_add(request, access, body_pk):
    body = get_body_for_roster_change(access, body_pk)
    initial = {"start_on": timezone.localdate()}
    person_pk = query_int(request, "osoba")
    if person_pk is not None:
        initial["person"] = person_pk
    form = MembershipForm(
        request.POST or None, area=access.area, initial=initial, may_lead=access.is_coordinator
    )
    if request.method == "POST" and form.is_valid():
        membership = run_service(
            form, services.membership_create, actor=request.user, body=body, **form.cleaned_data
        )
        if membership:
            messages.success(
                request,
                _("%(person)s is now a member of %(body)s.")
                % {"person": membership.person, "body": body},
            )
            return redirect("structure:body", area_slug=access.area.slug, pk=body.pk)
    return render(
        request,
        "people/membership_form.html",
        {
            "form": form,
            "body": body,
        },
    )


@area_view
def membership_edit(request, access, pk):
    membership = get_membership_for_user(access, pk, write=True)
    form = MembershipForm(
        request.POST or None,
        instance=copy.copy(membership),
        area=access.area,
        may_lead=access.is_coordinator,
    )
    if submit(request, form, services.membership_update, actor=request.user, membership=membership):
        messages.success(request, _("The changes were saved."))
        return redirect("structure:body", area_slug=access.area.slug, pk=membership.body_id)
    return render(
        request,
        "people/membership_form.html",
        {
            "form": form,
            "body": membership.body,
            "membership": membership,
        },
    )


@area_view
def membership_end(request, access, pk):
    membership = get_membership_for_user(access, pk, write=True)
    form = MembershipEndForm(
        request.POST or None, initial={"end_on": membership.end_on or timezone.localdate()}
    )
    if submit(request, form, services.membership_end, actor=request.user, membership=membership):
        messages.success(request, _("The membership was ended."))
        return redirect("structure:body", area_slug=access.area.slug, pk=membership.body_id)
    return render(
        request,
        "people/membership_end.html",
        {
            "form": form,
            "membership": membership,
        },
    )


@require_POST
@area_view
def membership_delete(request, access, pk):
    membership = get_membership_for_user(access, pk, write=True)
    body_pk = membership.body_id
    try:
        services.membership_delete(actor=request.user, membership=membership)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        messages.success(request, _("The membership was deleted."))
    return redirect("structure:body", area_slug=access.area.slug, pk=body_pk)


# Leader elections ------------------------------------------------------------------------


@area_view
def election_create(request, access, body_pk):
    body = get_body_for_user(access, body_pk, write=True)
    form = LeaderElectionForm(
        request.POST or None, body=body, initial={"held_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        election = run_service(
            form,
            services.leader_election_record,
            actor=request.user,
            body=body,
            held_on=data["held_on"],
            elected=data["elected"],
            voters=data["voters"],
            coordinator_voted=data["coordinator_voted"],
            votes_for=data["votes_for"],
            votes_against=data["votes_against"],
            votes_abstained=data["votes_abstained"],
            organization=data["organization"],
            triad_side=data["triad_side"] or None,
            note=data["note"],
        )
        if election:
            messages.success(
                request,
                _("%(person)s leads %(body)s from %(date)s.")
                % {
                    "person": election.elected,
                    "body": body,
                    "date": date_format(election.held_on, "SHORT_DATE_FORMAT"),
                },
            )
            return redirect("structure:body", area_slug=access.area.slug, pk=body.pk)
    return render(
        request,
        "people/election_form.html",
        {
            "form": form,
            "body": body,
        },
    )


@area_view
def person_export(request, access, pk):
    """The person's data as JSON, for a request under GDPR art. 15 or 20."""
    person = get_person_for_user(access, pk)
    if request.method != "GET":  # after the access check: a download, never a form target
        return HttpResponseNotAllowed(["GET"])
    return personal_data.export_response(
        personal_data.person_export(person), actor=request.user, subject=person
    )


@area_view
def person_erase(request, access, pk):
    person = get_person_for_user(access, pk, write=True)
    if person.erased_at:
        raise Http404
    form = ErasureForm(request.POST if request.method == "POST" else None)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(form, personal_data.person_erase, actor=request.user, person=person)
    ):
        messages.success(request, _("The personal data were erased."))
        return redirect("people:person", area_slug=access.area.slug, pk=pk)
    return render(request, "people/person_erase.html", {"form": form, "person": person})


@require_GET
@login_required
def my_data(request):
    """The signed-in user's own personal data as JSON (GDPR art. 15 and 20), linked from the
    account page."""
    person = getattr(request.user, "person", None)
    if person is not None:
        data = personal_data.person_export(person)
    else:
        data = {"format": personal_data.EXPORT_FORMAT, "account": None}
        data["account"] = personal_data.account_export(request.user)
    return personal_data.export_response(data, actor=request.user, subject=person or request.user)
