"""The permission matrix: every URL pattern of the project × every role, from one table.

A new URL that is missing from the table fails `test_every_url_is_in_the_table`, so no view
ships without a stated access rule. The admin site's URLs follow one rule (staff only), checked
for its index and every registered model by `test_the_admin_site_is_for_superusers_only`."""

import datetime

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from triada.audit.models import AuditEntry
from triada.conftest import client_for
from triada.documents.tests.test_extraction import make_pdf
from triada.exports import services as export_services
from triada.exports.models import Job
from triada.meetings import services as meeting_services
from triada.minutes import services as minutes_services
from triada.minutes.models import Section
from triada.minutes.uploads import uploaded_minutes_add
from triada.needs import services as needs_services
from triada.people.models import Membership
from triada.planning import services as planning_services
from triada.planning.models import PlanItem, PlanVersion
from triada.structure.models import Body
from triada.tests import factories

ROLES = [
    "anonymous",
    "member",
    "leader",
    "minute_taker",
    "coordinator",
    "other_coordinator",
    "superuser",
]

OK, LOGIN, FORBIDDEN, NOT_FOUND, NOT_ALLOWED = 200, 302, 403, 404, 405


def row(member, leader, coordinator, other=FORBIDDEN, superuser=None, anonymous=LOGIN, taker=None):
    """Expected statuses; the minute taker of the group sees what a member sees unless told."""
    return {
        "anonymous": anonymous,
        "member": member,
        "leader": leader,
        "minute_taker": member if taker is None else taker,
        "coordinator": coordinator,
        "other_coordinator": other,
        "superuser": coordinator if superuser is None else superuser,
    }


def everyone(status):
    return dict.fromkeys(ROLES, status)


def signed_in(status, anonymous=LOGIN):
    return {**everyone(status), "anonymous": anonymous}


POST_ONLY = everyone(NOT_ALLOWED)


# (url name, object the URL names, method) → expected status per role.
# Objects: "group" is the body where `member` and `leader` sit; "steering" is a body of the
# same area where they do not sit.
MATRIX = {
    ("staff:home", None, "get"): row(LOGIN, LOGIN, LOGIN, other=LOGIN, superuser=OK),
    ("staff:dashboard", "area", "get"): row(OK, OK, OK),
    ("staff:audit_log", "area", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    ("structure:bodies", "area", "get"): row(OK, OK, OK),
    ("structure:body_create", "area", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    ("structure:body", "group", "get"): row(OK, OK, OK),
    ("structure:body", "steering", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    ("structure:body_edit", "group", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    ("structure:overview", "area", "get"): row(OK, OK, OK),
    ("structure:change_create", "area", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    ("people:organizations", "area", "get"): row(FORBIDDEN, OK, OK),
    ("people:organization_create", "area", "get"): row(FORBIDDEN, OK, OK),
    ("people:organization", "organization", "get"): row(FORBIDDEN, OK, OK),
    ("people:organization_edit", "organization", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    ("people:persons", "area", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    ("people:person_create", "area", "get"): row(FORBIDDEN, OK, OK),
    ("people:person", "person", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    ("people:person_edit", "person", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    ("people:person_account", "person", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    ("people:person_account_link", "person", "get"): row(
        NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, other=NOT_ALLOWED, anonymous=NOT_ALLOWED
    ),
    ("people:person_account_link", "person", "post"): row(FORBIDDEN, FORBIDDEN, NOT_FOUND),
    ("people:membership_add", "group_roster", "get"): row(FORBIDDEN, OK, OK),
    ("people:membership_add", "steering_roster", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    ("people:election_create", "group_roster", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    ("people:membership_edit", "membership", "get"): row(FORBIDDEN, OK, OK),
    ("people:membership_end", "membership", "get"): row(FORBIDDEN, OK, OK),
    ("people:membership_delete", "membership", "get"): row(
        NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, other=NOT_ALLOWED, anonymous=NOT_ALLOWED
    ),
    ("people:membership_delete", "membership", "post"): row(FORBIDDEN, LOGIN, LOGIN),
    ("meetings:meetings", "area", "get"): row(OK, OK, OK),
    ("meetings:meeting_create", "group_roster", "get"): row(FORBIDDEN, OK, OK, taker=OK),
    ("meetings:meeting_create", "steering_roster", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    ("meetings:meeting", "group_meeting", "get"): row(OK, OK, OK),
    ("meetings:meeting", "steering_meeting", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    ("meetings:meeting_edit", "group_meeting", "get"): row(FORBIDDEN, OK, OK, taker=OK),
    ("meetings:agenda", "group_meeting", "get"): row(FORBIDDEN, OK, OK, taker=OK),
    ("meetings:guests", "group_meeting", "get"): row(FORBIDDEN, OK, OK, taker=OK),
    ("meetings:attendance", "group_meeting", "get"): row(FORBIDDEN, OK, OK, taker=OK),
    ("meetings:invitation", "group_meeting", "get"): row(FORBIDDEN, OK, OK, taker=OK),
    ("meetings:invitation", "steering_meeting", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    ("staff:my_page", "area", "get"): row(OK, OK, OK),
    ("meetings:documents", "group_meeting", "get"): row(OK, OK, OK),
    ("meetings:documents", "steering_meeting", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    ("meetings:documents", "group_meeting", "post"): row(FORBIDDEN, OK, OK, taker=OK),
    ("meetings:document", "group_document", "get"): row(OK, OK, OK),
    ("minutes:upload", "area", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    ("meetings:duties", "area", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    ("meetings:body_attendance", "group_roster", "get"): row(FORBIDDEN, OK, OK),
    ("meetings:body_attendance", "steering_roster", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    ("meetings:attendance_sheet", "group_meeting", "get"): row(OK, OK, OK),
    ("meetings:attendance_sheet", "steering_meeting", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    ("minutes:detail", "group_meeting", "get"): row(OK, OK, OK),
    ("minutes:detail", "steering_meeting", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    ("minutes:edit", "group_meeting", "get"): row(FORBIDDEN, OK, OK, taker=OK),
    ("minutes:edit", "steering_meeting", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    ("minutes:task_close", "task", "get"): row(FORBIDDEN, OK, OK, taker=OK),
    **{
        (f"minutes:{name}", "group_meeting", "get"): row(
            NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, other=NOT_ALLOWED, anonymous=NOT_ALLOWED
        )
        for name in ("start", "send", "approve", "publish", "comment")
    },
    **{
        (f"minutes:{name}", "group_section", "get"): row(
            NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, other=NOT_ALLOWED, anonymous=NOT_ALLOWED
        )
        for name in ("resolution_add", "task_add")
    },
    ("minutes:resolution_delete", "group_resolution", "get"): row(
        NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, other=NOT_ALLOWED, anonymous=NOT_ALLOWED
    ),
    ("minutes:send", "steering_meeting", "post"): row(FORBIDDEN, FORBIDDEN, LOGIN),
    ("minutes:approve", "steering_meeting", "post"): row(FORBIDDEN, FORBIDDEN, LOGIN),
    ("minutes:publish", "steering_meeting", "post"): row(FORBIDDEN, FORBIDDEN, LOGIN),
    ("minutes:resolution_add", "steering_section", "post"): row(FORBIDDEN, FORBIDDEN, LOGIN),
    ("minutes:task_add", "steering_section", "post"): row(FORBIDDEN, FORBIDDEN, LOGIN),
    ("minutes:comment", "steering_meeting", "post"): row(FORBIDDEN, FORBIDDEN, LOGIN),
    # The plan: "draft" is owned by the group that `leader` leads; "in_force" too.
    ("planning:plans", "area", "get"): row(OK, OK, OK),
    ("planning:plan_create", "area", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    ("planning:version", "draft", "get"): row(OK, OK, OK),
    ("planning:version", "draft", "post"): row(FORBIDDEN, FORBIDDEN, OK),
    ("planning:version_edit", "draft", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    ("planning:compare", "draft", "get"): row(OK, OK, OK),
    ("planning:item_create", "draft", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    ("planning:comments", "draft", "get"): row(OK, OK, OK),
    ("planning:action_plan", "draft_year", "get"): row(OK, OK, OK),
    ("planning:evaluation", "in_force_year", "get"): row(OK, OK, OK),
    ("planning:download", "draft_docx", "get"): row(OK, OK, OK),
    ("planning:download_year", "in_force_xlsx", "get"): row(OK, OK, OK),
    ("planning:item", "owned_item", "get"): row(OK, OK, OK),
    ("planning:item", "owned_item", "post"): row(FORBIDDEN, OK, OK),
    ("planning:item", "unowned_item", "post"): row(FORBIDDEN, FORBIDDEN, OK),
    **{
        (f"planning:{name}", obj, "get"): row(
            NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, other=NOT_ALLOWED, anonymous=NOT_ALLOWED
        )
        for name, obj in [
            ("item_shift", "owned_item"),
            ("item_delete", "spare_item"),
            ("step_delete", "step"),
        ]
    },
    ("planning:item_shift", "owned_item", "post"): row(FORBIDDEN, LOGIN, LOGIN),
    ("planning:item_delete", "spare_item", "post"): row(FORBIDDEN, FORBIDDEN, LOGIN),
    ("planning:step_delete", "step", "post"): row(FORBIDDEN, FORBIDDEN, LOGIN),
    ("planning:item_evaluate", "in_force_measure", "get"): row(FORBIDDEN, OK, OK),
    ("planning:comment_settle", "comment", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    ("needs:needs", "area", "get"): row(OK, OK, OK),
    ("needs:need_create", "area", "get"): row(FORBIDDEN, OK, OK),
    ("needs:need_edit", "need", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    ("people:person_export", "person", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    # Exports hold everyone's personal data: coordinators only. The roster import reaches the
    # persons of the whole area (matched by e-mail) and may seat leaders: coordinators only.
    ("exports:index", "area", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    ("exports:download", "export_xlsx", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    ("exports:start", "area", "get"): row(
        NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, other=NOT_ALLOWED, anonymous=NOT_ALLOWED
    ),
    ("exports:start", "area", "post"): row(FORBIDDEN, FORBIDDEN, LOGIN),
    ("exports:job", "export_job", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    ("exports:job_download", "export_job", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    ("exports:roster_import", "group_roster", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    ("exports:roster_import", "steering_roster", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    ("people:person_erase", "person", "get"): row(FORBIDDEN, FORBIDDEN, OK),
    # The public portal: open to everyone, drafts and unknown objects to nobody.
    ("portal:index", None, "get"): everyone(OK),
    ("portal:area", "area", "get"): everyone(OK),
    ("portal:structure", "area", "get"): everyone(OK),
    ("portal:body", "public_body", "get"): everyone(OK),
    ("portal:body_calendar", "public_body", "get"): everyone(OK),
    ("portal:area_calendar", "area", "get"): everyone(OK),
    ("portal:meeting", "public_meeting", "get"): everyone(OK),
    ("portal:minutes_archive", "area", "get"): everyone(OK),
    ("portal:minutes_feed", "area", "get"): everyone(OK),
    ("portal:minutes_pdf", "public_version", "get"): everyone(OK),
    ("portal:uploaded_pdf", "public_upload", "get"): everyone(OK),
    ("portal:plan", "area", "get"): everyone(OK),
    ("portal:plans", "area", "get"): everyone(OK),
    ("portal:plan_version", "in_force", "get"): everyone(OK),
    ("portal:plan_version", "draft", "get"): everyone(NOT_FOUND),
    ("portal:plan_download", "in_force_docx", "get"): everyone(OK),
    ("portal:plan_download", "draft_public_docx", "get"): everyone(NOT_FOUND),
    ("portal:action_plan", "in_force_year", "get"): everyone(OK),
    ("portal:action_plan", "draft_year", "get"): everyone(NOT_FOUND),
    ("portal:action_plan_download", "in_force_year_xlsx", "get"): everyone(OK),
    ("portal:plan_evaluation", "in_force_year", "get"): everyone(OK),
    ("portal:plan_evaluation_download", "in_force_year_xlsx", "get"): everyone(OK),
    ("portal:plan_comments", "in_force", "get"): everyone(OK),
    ("portal:plan_comments", "draft", "get"): everyone(NOT_FOUND),
    ("portal:needs", "area", "get"): everyone(OK),
    ("open_data:index", "area", "get"): everyone(OK),
    ("open_data:download", "open_data_csv", "get"): everyone(OK),
    ("portal:accessibility", None, "get"): everyone(OK),
    ("search", None, "get"): everyone(OK),
    # Language switch: a redirect back for everyone.
    ("set_language", None, "get"): everyone(LOGIN),
    ("set_language", None, "post"): everyone(LOGIN),
    # The user's own account.
    ("accounts:login", None, "get"): {**everyone(LOGIN), "anonymous": OK},
    ("accounts:logout", None, "get"): POST_ONLY,
    ("accounts:password_change", None, "get"): signed_in(OK),
    ("accounts:password_change_done", None, "get"): signed_in(OK),
    ("accounts:password_reset", None, "get"): everyone(OK),
    ("accounts:password_reset_done", None, "get"): everyone(OK),
    ("accounts:password_reset_confirm", "reset_token", "get"): everyone(OK),
    ("accounts:password_reset_complete", None, "get"): everyone(OK),
    ("accounts:account", None, "get"): signed_in(OK),
    ("my_data", None, "get"): signed_in(OK),
    ("accounts:two_factor_setup", None, "get"): signed_in(OK),
    ("accounts:two_factor_verify", None, "get"): signed_in(OK),
    ("accounts:recovery_codes", None, "get"): POST_ONLY,
    ("accounts:two_factor_disable", None, "get"): POST_ONLY,
    # New codes for those who have two-factor sign-in on (coordinators, superusers); the others
    # are sent to their account page.
    ("accounts:recovery_codes", None, "post"): {
        **signed_in(LOGIN),
        "coordinator": OK,
        "other_coordinator": OK,
        "superuser": OK,
    },
}
STAFF_NAMESPACES = {
    "staff",
    "structure",
    "people",
    "meetings",
    "minutes",
    "needs",
    "planning",
    "exports",
}


@pytest.fixture
def world(area, group, member, leader, coordinator, other_coordinator):
    steering = factories.make_body(area, "Řídící skupina", kind=Body.Kind.STEERING_GROUP)
    organization = factories.make_organization(area)
    person = factories.make_person(area)
    membership = factories.make_membership(group, person, organization=organization)
    factories.make_membership(steering, side="commissioner")
    superuser = factories.make_user("root", is_superuser=True, is_staff=True)
    when = datetime.datetime(2019, 3, 14, 15, tzinfo=datetime.UTC)
    group_meeting = meeting_services.meeting_create(actor=None, body=group, starts_at=when)
    steering_meeting = meeting_services.meeting_create(actor=None, body=steering, starts_at=when)
    group_minutes = minutes_services.minutes_start(actor=None, meeting=group_meeting)
    steering_minutes = minutes_services.minutes_start(actor=None, meeting=steering_meeting)
    group_section = Section.objects.create(minutes=group_minutes, title="Bod")
    steering_section = Section.objects.create(minutes=steering_minutes, title="Bod")
    resolution = minutes_services.resolution_add(
        actor=None, section=group_section, text="Usnesení", adoption="consensus"
    )
    document = meeting_services.agenda_document_add(
        actor=None,
        item=group_meeting.agenda_items.create(title="Bod"),
        upload=SimpleUploadedFile("podklad.txt", b"Podklad"),
    )
    task = minutes_services.task_add(actor=None, minutes=group_minutes, section=None, text="Úkol")
    export_job = export_services.export_start(
        actor=coordinator, area=area, kind=Job.Kind.AREA_XLSX, language="cs", site_url=""
    )
    plan = _plan_objects(area, group)
    public = _public_objects(area, group)
    minute_taker = factories.make_user("zapisovatel")
    factories.make_membership(
        group,
        factories.make_person(area, user=minute_taker),
        function=Membership.Function.MINUTE_TAKER,
    )
    users = {
        "anonymous": None,
        "member": member,
        "leader": leader,
        "minute_taker": minute_taker,
        "coordinator": coordinator,
        "other_coordinator": other_coordinator,
        "superuser": superuser,
    }
    slug = area.slug
    kwargs = {
        None: {},
        "area": {"area_slug": slug},
        "group": {"area_slug": slug, "pk": group.pk},
        "steering": {"area_slug": slug, "pk": steering.pk},
        "group_roster": {"area_slug": slug, "body_pk": group.pk},
        "steering_roster": {"area_slug": slug, "body_pk": steering.pk},
        "organization": {"area_slug": slug, "pk": organization.pk},
        "person": {"area_slug": slug, "pk": person.pk},
        "membership": {"area_slug": slug, "pk": membership.pk},
        "group_meeting": {"area_slug": slug, "pk": group_meeting.pk},
        "steering_meeting": {"area_slug": slug, "pk": steering_meeting.pk},
        "group_section": {
            "area_slug": slug,
            "pk": group_meeting.pk,
            "section_pk": group_section.pk,
        },
        "steering_section": {
            "area_slug": slug,
            "pk": steering_meeting.pk,
            "section_pk": steering_section.pk,
        },
        "group_resolution": {
            "area_slug": slug,
            "pk": group_meeting.pk,
            "resolution_pk": resolution.pk,
        },
        "task": {"area_slug": slug, "pk": task.pk},
        "group_document": {"area_slug": slug, "pk": group_meeting.pk, "document_pk": document.pk},
        **{name: {"area_slug": slug, **values} for name, values in plan.items()},
        **{name: {"area_slug": slug, **values} for name, values in public.items()},
        "reset_token": {"uidb64": "MQ", "token": "set-password"},
        "export_job": {"area_slug": slug, "pk": export_job.pk},
        "export_xlsx": {"area_slug": slug, "dataset": "clenove", "fmt": "xlsx"},
        "open_data_csv": {"area_slug": slug, "dataset": "clenove", "fmt": "csv"},
    }
    return users, kwargs, membership


def _public_objects(area, group) -> dict[str, dict]:
    """The public portal's objects: published minutes and an accepted upload."""
    meeting = meeting_services.meeting_create(
        actor=None, body=group, starts_at=datetime.datetime(2019, 6, 13, 15, tzinfo=datetime.UTC)
    )
    record = minutes_services.minutes_start(actor=None, meeting=meeting)
    minutes_services.minutes_approve(actor=None, minutes=record)
    version = minutes_services.minutes_publish(actor=None, minutes=record)
    upload = uploaded_minutes_add(
        actor=None,
        area=area,
        upload=SimpleUploadedFile("zapis.pdf", make_pdf(), content_type="application/pdf"),
        date=datetime.date(2016, 3, 1),
        period="year",
        body=group,
    )
    return {
        "public_body": {"body_slug": group.slug},
        "public_meeting": {"pk": meeting.pk},
        "public_version": {"pk": version.pk},
        "public_upload": {"pk": upload.pk},
    }


def _plan_objects(area, group) -> dict[str, dict]:
    """The plan's objects of the matrix, as the URL arguments that name them."""
    draft = factories.make_plan(area, owner=group)
    unowned = planning_services.item_create(actor=None, version=draft, title="Bez skupiny")
    spare = planning_services.item_create(actor=None, version=draft, title="Navíc")
    in_force = factories.make_plan(area, owner=group)
    factories.advance_plan(in_force, PlanVersion.Status.IN_FORCE)
    in_comments = factories.make_plan(area, owner=group)
    factories.advance_plan(in_comments, PlanVersion.Status.IN_COMMENTS)
    comment = planning_services.comment_submit(
        version=in_comments, item=None, section="", text="Připomínka"
    )
    need = needs_services.need_submit(area=area, text="Potřeba")
    measure = in_force.items.get(kind=PlanItem.Kind.MEASURE)
    return {
        "draft": {"pk": draft.pk},
        "draft_year": {"pk": draft.pk, "year": 2018},
        "draft_docx": {"pk": draft.pk, "document": "plan", "fmt": "docx"},
        "draft_public_docx": {"pk": draft.pk, "fmt": "docx"},
        "in_force": {"pk": in_force.pk},
        "in_force_docx": {"pk": in_force.pk, "fmt": "docx"},
        "in_force_year": {"pk": in_force.pk, "year": 2018},
        "in_force_year_xlsx": {"pk": in_force.pk, "year": 2018, "fmt": "xlsx"},
        "in_force_xlsx": {
            "pk": in_force.pk,
            "document": "vyhodnoceni",
            "year": 2018,
            "fmt": "xlsx",
        },
        "owned_item": {"pk": draft.items.get(kind=PlanItem.Kind.SUPPORT_AREA, owner=group).pk},
        "unowned_item": {"pk": unowned.pk},
        "spare_item": {"pk": spare.pk},
        "in_force_measure": {"pk": measure.pk, "year": 2018},
        "step": {"pk": in_force.approval_steps.get().pk},
        "comment": {"pk": comment.pk},
        "need": {"pk": need.pk},
    }


def _url_names() -> set[str]:
    """Every named URL pattern of the project but the admin site's."""
    names = set()

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace != "admin":
                    walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern):
                assert pattern.name, f"unnamed URL pattern {pattern.pattern}"
                names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver().url_patterns, None)
    return names


def test_every_url_is_in_the_table():
    assert _url_names() == {name for name, _obj, _method in MATRIX}


@pytest.mark.parametrize("role", ROLES)
def test_the_admin_site_is_for_superusers_only(world, role):
    users, _kwargs, _membership = world
    client = client_for(users[role])
    urls = [reverse("admin:index")] + [
        reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        for model in admin.site._registry
    ]
    assert len(urls) > 10
    expected = OK if role == "superuser" else LOGIN
    failures = [url for url in urls if client.get(url).status_code != expected]
    assert not failures, failures


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(world, role):
    users, kwargs, membership = world
    client = client_for(users[role])
    failures = []
    for (name, obj, method), expected in MATRIX.items():
        url = reverse(name, kwargs=kwargs[obj])
        response = getattr(client, method)(url)
        if response.status_code != expected[role]:
            failures.append(
                f"{method.upper()} {url}: {response.status_code}, expected {expected[role]}"
            )
    assert not failures, "\n".join(failures)
    # The table's one deletion (of a membership, by those who may) happened, or did not.
    still_there = Membership.objects.filter(pk=membership.pk).exists()
    assert still_there == (role not in ("leader", "coordinator", "superuser"))


def test_objects_of_another_area_are_not_found(coordinator_client, area, other_area):
    """Every staff URL that names an object answers 404 for another area's object, to GET and
    POST alike, and changes nothing."""
    foreign_body = factories.make_body(other_area)
    foreign_person = factories.make_person(other_area)
    foreign_membership = factories.make_membership(foreign_body, foreign_person)
    foreign_meeting = meeting_services.meeting_create(
        actor=None, body=foreign_body, starts_at=datetime.datetime(2019, 3, 14, tzinfo=datetime.UTC)
    )
    foreign = {
        "group": {"pk": foreign_body.pk},
        "steering": {"pk": foreign_body.pk},
        "group_roster": {"body_pk": foreign_body.pk},
        "steering_roster": {"body_pk": foreign_body.pk},
        "organization": {"pk": factories.make_organization(other_area).pk},
        "person": {"pk": foreign_person.pk},
        "membership": {"pk": foreign_membership.pk},
        "group_meeting": {"pk": foreign_meeting.pk},
        "steering_meeting": {"pk": foreign_meeting.pk},
        **_plan_objects(other_area, foreign_body),
    }
    entries_before = AuditEntry.objects.count()
    checked = set()
    for (name, obj, method), expected in MATRIX.items():
        if obj not in foreign or (name, method) in checked:
            continue
        checked.add((name, method))
        url = reverse(name, kwargs={"area_slug": area.slug, **foreign[obj]})
        if expected["coordinator"] != NOT_ALLOWED:
            response = getattr(coordinator_client, method)(url, {"name": "x"})
            assert response.status_code == 404, f"{method.upper()} {url}"
    assert len(checked) > 35
    assert AuditEntry.objects.count() == entries_before
    assert Membership.objects.filter(pk=foreign_membership.pk).exists()


def test_a_foreign_person_in_a_form_is_refused(coordinator_client, area, group, other_area):
    foreign_person = factories.make_person(other_area)
    url = reverse("people:membership_add", kwargs={"area_slug": area.slug, "body_pk": group.pk})
    response = coordinator_client.post(
        url,
        {
            "person": foreign_person.pk,
            "triad_side": "provider",
            "function": "member",
            "start_on": "2020-01-01",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["person"]
    assert not Membership.objects.filter(person=foreign_person).exists()


def test_access_follows_the_roster(client, group, member):
    """A member whose membership ends loses access to the group's internal pages at once."""
    client.force_login(member)
    url = reverse("structure:body", kwargs={"area_slug": group.area.slug, "pk": group.pk})
    assert client.get(url).status_code == 200
    membership = member.person.memberships.get()
    membership.end_on = membership.start_on
    membership.save()
    assert client.get(url).status_code == 403


# An empty POST is refused where a GET is refused, and changes nothing where it is allowed
# (the form shows its errors; the invitation explains that nobody has an e-mail address).
POST_INSTEAD_OF_OK = {
    "meetings:invitation": LOGIN,
    "people:person_export": NOT_ALLOWED,
    # Pages and downloads of exports, never form targets.
    **dict.fromkeys(
        ("exports:index", "exports:download", "exports:job", "exports:job_download"), NOT_ALLOWED
    ),
}


@pytest.mark.parametrize("role", ROLES)
def test_empty_posts_follow_the_same_rules_and_write_nothing(world, role):
    users, kwargs, _membership = world
    client = client_for(users[role])
    entries_before = AuditEntry.objects.count()
    failures = []
    stated = {(name, obj) for name, obj, method in MATRIX if method == "post"}
    for (name, obj, method), expected in MATRIX.items():
        if (
            method != "get"
            or expected[role] == NOT_ALLOWED
            or (name, obj) in stated
            or name.split(":")[0] not in STAFF_NAMESPACES
        ):
            continue  # POST-only views, views whose POST has a row of its own, public pages
        status = expected[role]
        if status == OK:
            status = POST_INSTEAD_OF_OK.get(name, OK)
        url = reverse(name, kwargs=kwargs[obj])
        response = client.post(url, {})
        if response.status_code != status:
            failures.append(f"POST {url}: {response.status_code}, expected {status}")
    assert not failures, "\n".join(failures)
    assert AuditEntry.objects.count() == entries_before
