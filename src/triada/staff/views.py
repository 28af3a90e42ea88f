"""The staff entry pages: the list of one's areas, an area's dashboard and its audit log."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone

from triada.accounts.access import areas_for_user
from triada.audit import selectors as audit_selectors
from triada.minutes.models import Task
from triada.minutes.selectors import open_tasks
from triada.people import selectors as people_selectors
from triada.people.models import Membership, Organization, Person
from triada.planning.selectors import my_plan_items
from triada.structure.models import Body
from triada.ui.decorators import area_view
from triada.ui.forms import query_text


@login_required
def home(request):
    areas = list(areas_for_user(request.user))
    if len(areas) == 1:
        return redirect("staff:dashboard", area_slug=areas[0].slug)
    return render(request, "staff/home.html", {"areas": areas})


@area_view
def dashboard(request, access):
    today = timezone.localdate()
    groups = list(Body.objects.filter(area=access.area).active_on(today).planning_groups())
    memberships = Membership.objects.active_on(today).with_people().filter(body__in=groups)
    by_body: dict[int, list[Membership]] = {g.pk: [] for g in groups}
    for membership in memberships:
        by_body[membership.body_id].append(membership)
    rows = []
    for group in groups:
        members = by_body[group.pk]
        rows.append(
            {
                "body": group,
                "leaders": [m for m in members if m.function == Membership.Function.LEADER],
                "member_count": len(
                    {m.person_id for m in members if m.function != Membership.Function.GUEST}
                ),
                "balance": people_selectors.triad_balance(members),
                "mine": group.pk in access.member_body_ids,
            }
        )
    overdue = open_tasks(area=access.area).filter(due_on__lt=today)
    if not access.is_coordinator:
        overdue = overdue.filter(minutes__meeting__body__in=access.leading_body_ids)
    recent = []
    if access.is_coordinator:
        recent = audit_selectors.describe(audit_selectors.audit_log(access.area)[:8])
    return render(
        request,
        "staff/dashboard.html",
        {
            "today": today,
            "rows": rows,
            "active_persons": people_selectors.active_person_count(access.area, on=today),
            "organization_count": Organization.objects.filter(area=access.area).count(),
            "recent": recent,
            "overdue": overdue,
        },
    )


@area_view
def audit_log(request, access):
    access.require(access.is_coordinator)
    object_type = query_text(request, "typ")
    entries = audit_selectors.audit_log(access.area, object_type=object_type)
    page = Paginator(entries, 50).get_page(request.GET.get("strana"))
    return render(
        request,
        "staff/audit_log.html",
        {
            "page": page,
            "entries": audit_selectors.describe(page.object_list),
            "object_types": audit_selectors.object_types(access.area),
            "object_type": object_type,
        },
    )


@area_view
def my_page(request, access):
    """A member's own page: his or her groups and the tasks he or she is responsible for."""
    today = timezone.localdate()
    person = Person.objects.filter(user=request.user, area=access.area).first()
    memberships = []
    tasks = Task.objects.none()
    plan_items = None
    if person is not None:
        memberships = person.memberships.active_on(today).select_related("body", "organization")
        tasks = open_tasks(responsible=person)
        plan_items = my_plan_items(access, today)
    return render(
        request,
        "staff/my_page.html",
        {
            "person": person,
            "memberships": memberships,
            "tasks": tasks,
            "plan_items": plan_items,
            "today": today,
        },
    )
