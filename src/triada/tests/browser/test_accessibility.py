"""Accessibility (zákon č. 99/2019 Sb., EN 301 549 = WCAG 2.1 AA) of every page type of the
portal and the staff UI, in Czech and in English, on the demo data: axe-core finds no
violation, the page has one <h1> and the right `lang`, the skip link comes first and moves the
focus to the content, the focus is visible; and a form works with the keyboard alone.

axe-core comes from the npm registry (package.json; `make test` runs `npm ci`). Without it
the tests skip, unless TRIADA_REQUIRE_BROWSER=1 (as in CI).

The demo takes half a minute, so it is built once for the module. `live_server` would flush
the database after every test (it makes each test transactional), so the module runs its own
server over the data it built, and flushes at the end."""

import datetime
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.test.utils import modify_settings
from django.urls import get_resolver, resolve, reverse
from django.utils import timezone
from pytest_django.live_server_helper import LiveServer

from triada.accounts.models import User
from triada.areas.models import Area
from triada.conftest import sign_in
from triada.exports.models import Job
from triada.exports.services import export_start, roster_import_start
from triada.meetings.models import Meeting
from triada.meetings.services import meeting_create
from triada.minutes.models import Task
from triada.minutes.services import minutes_start
from triada.needs.models import Need
from triada.people.models import Membership, Organization
from triada.planning.models import Comment, PlanItem, PlanVersion
from triada.planning.services import version_new
from triada.structure.models import Body

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[4] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LANGUAGES = ["cs", "en"]
COORDINATOR = "koordinatorka.tesin"

# One page of each URL pattern that answers GET with HTML (downloads, feeds and POST-only
# actions aside). The names are resolved to URLs with the demo's objects in `site`.
PORTAL_PAGES = [
    "index",
    "area",
    "structure",
    "structure_bad_date",
    "body",
    "meeting",
    "minutes_archive",
    "plan",
    "plan_none_in_force",
    "plans",
    "plan_version",
    "action_plan",
    "plan_evaluation",
    "plan_comments",
    "plan_comments_open",
    "needs",
    "open_data",
    "search",
    "search_error",
    "accessibility",
    "not_found",
    "login",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
]
STAFF_PAGES = [
    "home",
    "dashboard",
    "audit_log",
    "my_page",
    "password_change",
    "password_change_done",
    "account",
    "two_factor_setup",
    "two_factor_verify",
    "forbidden",
    "bodies",
    "body_create",
    "body",
    "body_edit",
    "overview",
    "change_create",
    "organizations",
    "organization_create",
    "organization",
    "organization_edit",
    "persons",
    "person_create",
    "person",
    "person_edit",
    "person_account",
    "person_erase",
    "membership_add",
    "membership_edit",
    "membership_end",
    "election_create",
    "meetings",
    "duties",
    "body_attendance",
    "meeting_create",
    "meeting",
    "meeting_planned",
    "meeting_edit",
    "agenda",
    "guests",
    "documents",
    "attendance",
    "invitation",
    "minutes",
    "minutes_edit",
    "task_close",
    "upload",
    "plans",
    "plan_create",
    "version",
    "version_draft",
    "version_edit",
    "compare",
    "item_create",
    "item",
    "item_evaluate",
    "plan_comments",
    "comment_settle",
    "action_plan",
    "evaluation",
    "needs",
    "need_create",
    "need_edit",
    "exports",
    "export_job",
    "import_job",
    "roster_import",
]


# Files, feeds and POST-only actions: no page to check.
NOT_PAGES = {
    "portal:body_calendar",
    "portal:area_calendar",
    "portal:minutes_feed",
    "portal:minutes_pdf",
    "portal:uploaded_pdf",
    "portal:plan_download",
    "portal:action_plan_download",
    "portal:plan_evaluation_download",
    "accounts:logout",
    "accounts:recovery_codes",
    "accounts:two_factor_disable",
    "my_data",
    "meetings:attendance_sheet",
    "meetings:document",
    "minutes:start",
    "minutes:resolution_add",
    "minutes:resolution_delete",
    "minutes:task_add",
    "minutes:comment",
    "minutes:send",
    "minutes:approve",
    "minutes:publish",
    "people:person_account_link",
    "people:person_export",
    "people:membership_delete",
    "planning:download",
    "planning:download_year",
    "planning:step_delete",
    "planning:item_shift",
    "planning:item_delete",
    "open_data:download",
    "exports:download",
    "exports:start",
    "exports:job_download",
}


def _portal_urls():
    tesin = Area.objects.get(slug="cesky-tesin")
    jicin = Area.objects.get(slug="novy-jicin")
    in_force = PlanVersion.objects.get(plan__area=tesin, status=PlanVersion.Status.IN_FORCE)
    archived = PlanVersion.objects.filter(plan__area=tesin, status=PlanVersion.Status.ARCHIVED)
    in_comments = PlanVersion.objects.get(plan__area=jicin, status=PlanVersion.Status.IN_COMMENTS)
    body = Body.objects.get(area=tesin, slug="seniori")
    meeting = Meeting.objects.filter(body=body, minutes__status="published").last()
    year = in_force.plan.first_year + 1

    def portal(name, *args, area=tesin):
        return reverse(f"portal:{name}", args=[area.slug, *args])

    return {
        "index": reverse("portal:index"),
        "area": portal("area"),
        "structure": portal("structure"),
        # The date picker's error, tied to its field.
        "structure_bad_date": portal("structure") + "?datum=vcera",
        "body": portal("body", body.slug),
        "meeting": portal("meeting", meeting.pk),
        "minutes_archive": portal("minutes_archive"),
        "plan": portal("plan"),
        "plan_none_in_force": portal("plan", area=jicin),
        "plans": portal("plans"),
        "plan_version": portal("plan_version", archived.first().pk),
        "action_plan": portal("action_plan", in_force.pk, year),
        "plan_evaluation": portal("plan_evaluation", in_force.pk, year),
        "plan_comments": portal("plan_comments", in_force.pk),
        "plan_comments_open": portal("plan_comments", in_comments.pk, area=jicin),
        "needs": portal("needs"),
        "open_data": reverse("open_data:index", args=[tesin.slug]),
        "search": reverse("search") + "?q=senioři&oblast=cesky-tesin",
        "search_error": reverse("search") + "?q=senioři&rok=3000",
        "accessibility": reverse("portal:accessibility"),
        "not_found": "/neexistuje/ani-tohle/",
        "login": reverse("accounts:login"),
        "password_reset": reverse("accounts:password_reset"),
        "password_reset_done": reverse("accounts:password_reset_done"),
        # An invalid link: the page that says so.
        "password_reset_confirm": reverse("accounts:password_reset_confirm", args=["x", "y-z"]),
        "password_reset_complete": reverse("accounts:password_reset_complete"),
    }


def _staff_urls(coordinator):
    """The coordinator's pages; the demo is all history, so a planned meeting, draft minutes
    and a draft plan version are added the way the staff UI adds them."""
    area = Area.objects.get(slug="cesky-tesin")
    body = Body.objects.get(area=area, slug="seniori")
    held = Meeting.objects.filter(body=body, minutes__status="published").last()
    unrecorded = Meeting.objects.get(body__area=area, minutes__isnull=True)
    draft_minutes = minutes_start(actor=coordinator, meeting=unrecorded)
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=20)
    planned = meeting_create(
        actor=coordinator,
        body=body,
        agenda=("Zahájení", "Potřeby seniorů"),
        title="Setkání pracovní skupiny",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        place="Městský úřad, zasedací místnost",
    )
    in_force = PlanVersion.objects.get(plan__area=area, status=PlanVersion.Status.IN_FORCE)
    draft = version_new(actor=coordinator, version=in_force)
    year = in_force.plan.first_year + 1
    action = next(i for i in PlanItem.objects.filter(version=in_force) if i.is_action)
    membership = Membership.objects.filter(body=body, end_on__isnull=True).first()
    person = membership.person
    organization = Organization.objects.filter(area=area).first()
    export_job = export_start(
        actor=coordinator, area=area, kind=Job.Kind.AREA_XLSX, language="cs", site_url=""
    )
    # An import with a wrong row: the page lists the rows to correct.
    import_job = roster_import_start(
        actor=coordinator,
        body=body,
        name="clenove.csv",
        data="jméno;příjmení;strana triády;od\nJana;Nová;xyz;5. 1. 2026\n".encode(),
        rows=1,
        language="cs",
    )

    def staff(name, *args):
        return reverse(name, args=[area.slug, *args])

    return {
        # The superuser's list of areas (a coordinator of one area goes to its dashboard).
        "home": reverse("staff:home"),
        "dashboard": staff("staff:dashboard"),
        "audit_log": staff("staff:audit_log"),
        "my_page": staff("staff:my_page"),
        "password_change": reverse("accounts:password_change"),
        "password_change_done": reverse("accounts:password_change_done"),
        "account": reverse("accounts:account"),
        "two_factor_setup": reverse("accounts:two_factor_setup"),
        "two_factor_verify": reverse("accounts:two_factor_verify"),
        # Another area's dashboard: the page that refuses.
        "forbidden": reverse("staff:dashboard", args=["novy-jicin"]),
        "bodies": staff("structure:bodies"),
        "body_create": staff("structure:body_create"),
        "body": staff("structure:body", body.pk),
        "body_edit": staff("structure:body_edit", body.pk),
        "overview": staff("structure:overview"),
        "change_create": staff("structure:change_create"),
        "organizations": staff("people:organizations"),
        "organization_create": staff("people:organization_create"),
        "organization": staff("people:organization", organization.pk),
        "organization_edit": staff("people:organization_edit", organization.pk),
        "persons": staff("people:persons"),
        "person_create": staff("people:person_create"),
        "person": staff("people:person", person.pk),
        "person_edit": staff("people:person_edit", person.pk),
        "person_account": staff("people:person_account", person.pk),
        "person_erase": staff("people:person_erase", person.pk),
        "membership_add": staff("people:membership_add", body.pk),
        "membership_edit": staff("people:membership_edit", membership.pk),
        "membership_end": staff("people:membership_end", membership.pk),
        "election_create": staff("people:election_create", body.pk),
        "meetings": staff("meetings:meetings"),
        "duties": staff("meetings:duties"),
        "body_attendance": staff("meetings:body_attendance", body.pk),
        "meeting_create": staff("meetings:meeting_create", body.pk),
        "meeting": staff("meetings:meeting", held.pk),
        "meeting_planned": staff("meetings:meeting", planned.pk),
        "meeting_edit": staff("meetings:meeting_edit", planned.pk),
        "agenda": staff("meetings:agenda", planned.pk),
        "guests": staff("meetings:guests", planned.pk),
        "documents": staff("meetings:documents", planned.pk),
        "attendance": staff("meetings:attendance", held.pk),
        "invitation": staff("meetings:invitation", planned.pk),
        "minutes": staff("minutes:detail", held.pk),
        "minutes_edit": staff("minutes:edit", draft_minutes.meeting_id),
        "task_close": staff("minutes:task_close", Task.objects.of_body(body).open().first().pk),
        "upload": staff("minutes:upload"),
        "plans": staff("planning:plans"),
        "plan_create": staff("planning:plan_create"),
        "version": staff("planning:version", in_force.pk),
        "version_draft": staff("planning:version", draft.pk),
        "version_edit": staff("planning:version_edit", draft.pk),
        "compare": staff("planning:compare", draft.pk),
        "item_create": staff("planning:item_create", draft.pk),
        "item": staff("planning:item", action.pk),
        "item_evaluate": staff("planning:item_evaluate", action.pk, year),
        "plan_comments": staff("planning:comments", in_force.pk),
        "comment_settle": staff(
            "planning:comment_settle", Comment.objects.filter(version=in_force).first().pk
        ),
        "action_plan": staff("planning:action_plan", in_force.pk, year),
        "evaluation": staff("planning:evaluation", in_force.pk, year),
        "needs": staff("needs:needs"),
        "need_create": staff("needs:need_create"),
        "need_edit": staff("needs:need_edit", Need.objects.filter(area=area).first().pk),
        "exports": staff("exports:index"),
        "export_job": staff("exports:job", export_job.pk),
        "import_job": staff("exports:job", import_job.pk),
        "roster_import": staff("exports:roster_import", body.pk),
    }


def _signed_in_cookie(user) -> str:
    """The session of a full sign-in, second factor included (as the other tests sign in):
    the browser gets its cookie instead of typing a password and a code for every page."""
    client = Client()
    sign_in(client, user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


@pytest.fixture(scope="module")
def site(browser, django_db_setup, django_db_blocker):
    if not AXE.exists():
        message = f"axe-core not found at {AXE} (run `npm ci`)"
        if os.environ.get("TRIADA_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    with django_db_blocker.unblock():
        try:
            call_command("demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
            coordinator = User.objects.get(username=COORDINATOR)
            site = {
                "portal": {name: (url, None) for name, url in _portal_urls().items()},
                "staff": {
                    name: (url, _signed_in_cookie(coordinator))
                    for name, url in _staff_urls(coordinator).items()
                },
            }
            admin = _signed_in_cookie(User.objects.get(username="admin"))
            site["staff"]["home"] = (site["staff"]["home"][0], admin)
            with modify_settings(ALLOWED_HOSTS={"append": "localhost"}):
                server = LiveServer("localhost")
                try:
                    site["url"] = server.url
                    yield site
                finally:
                    server.stop()
        finally:
            call_command("flush", "--no-input", stdout=open(os.devnull, "w"))  # noqa: SIM115


@pytest.fixture
def page(browser, site):
    context = browser.new_context(locale="cs-CZ", base_url=site["url"])
    # Injected as an init script: it runs outside the page's Content-Security-Policy, which
    # allows no inline script (add_script_tag would be refused).
    context.add_init_script(path=AXE)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def _open(page, site, lang, url, session):
    cookies = [{"name": settings.LANGUAGE_COOKIE_NAME, "value": lang, "url": site["url"]}]
    if session:
        cookies.append({"name": settings.SESSION_COOKIE_NAME, "value": session, "url": site["url"]})
    page.context.add_cookies(cookies)
    return page.goto(url)


def _axe_violations(page) -> list[str]:
    result = page.evaluate(
        """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})""", WCAG_21_AA
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']}\n"
        + "\n".join(f"    {' '.join(map(str, node['target']))}" for node in v["nodes"])
        for v in result["violations"]
    ]


def _focused(page) -> dict:
    return page.evaluate(
        """() => {
            const el = document.activeElement, style = getComputedStyle(el);
            return {tag: el.tagName, id: el.id, cls: el.className, href: el.getAttribute('href'),
                    text: el.textContent.trim().slice(0, 40), outline: style.outlineStyle,
                    shadow: style.boxShadow};
        }"""
    )


# The error pages among the page types, and their status.
ERROR_STATUS = {"portal:not_found": 404, "staff:forbidden": 403}


def _check_page(page, site, lang, name, url, session):
    response = _open(page, site, lang, url, session)
    where = f"{name} {url} ({lang})"
    expected = ERROR_STATUS.get(name, 200)
    assert response.status == expected, f"{where}: HTTP {response.status}"
    if session:
        # A redirect here means the sign-in asks for more than the session carries.
        assert page.url == site["url"] + url, f"{where}: redirected to {page.url}"

    violations = _axe_violations(page)
    assert not violations, f"{where}: axe found\n" + "\n".join(violations)
    # axe only "needs review" a description that points nowhere; an error must not.
    dangling = page.evaluate(
        """() => [...document.querySelectorAll('[aria-describedby], [aria-labelledby]')]
            .flatMap(el => ['aria-describedby', 'aria-labelledby'].flatMap(name =>
                (el.getAttribute(name) || '').split(/\\s+/)
                    .filter(id => id && !document.getElementById(id))
                    .map(id => `${el.tagName.toLowerCase()}#${el.id} ${name}=${id}`)))"""
    )
    assert not dangling, f"{where}: references to no element: {dangling}"
    assert page.locator("html").get_attribute("lang") == lang, where
    assert page.locator("h1").count() == 1, f"{where}: {page.locator('h1').all_inner_texts()}"
    assert page.title().split("·")[0].strip(), f"{where}: the title names no page"

    # Keyboard: the first Tab reaches the skip link, visibly; Enter moves to the content.
    # (A sign-in form puts the focus in its first field; start from the top all the same.)
    page.evaluate(
        """() => { const root = document.documentElement; root.tabIndex = -1; root.focus();
                   root.removeAttribute('tabindex'); }"""
    )
    page.keyboard.press("Tab")
    skip = _focused(page)
    assert skip["cls"] == "skip-link" and skip["href"] == "#main", f"{where}: first Tab {skip}"
    assert page.locator(".skip-link").is_visible()
    assert skip["outline"] != "none", f"{where}: no focus indicator on the skip link"
    page.keyboard.press("Enter")
    assert _focused(page)["id"] == "main", f"{where}: the skip link did not move the focus"
    # The next Tab lands on the content's first control (or the footer's), visibly focused.
    page.keyboard.press("Tab")
    focused = _focused(page)
    assert focused["tag"] != "BODY", f"{where}: Tab after the skip link went nowhere"
    assert focused["outline"] != "none" or focused["shadow"] != "none", (
        f"{where}: no visible focus on {focused}"
    )


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", PORTAL_PAGES)
def test_portal_page(page, site, lang, name):
    url, session = site["portal"][name]
    _check_page(page, site, lang, f"portal:{name}", url, session)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", STAFF_PAGES)
def test_staff_page(page, site, lang, name):
    url, session = site["staff"][name]
    _check_page(page, site, lang, f"staff:{name}", url, session)


def test_every_page_type_is_listed(site):
    """A new URL pattern fails here until it is in the lists above (or among the non-pages)."""

    def names(resolver, prefix=""):
        for pattern in resolver.url_patterns:
            if hasattr(pattern, "url_patterns"):
                namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
                if pattern.namespace != "admin":
                    yield from names(pattern, namespace)
            elif pattern.name and prefix + pattern.name != "set_language":
                yield prefix + pattern.name

    visited = {
        resolve(url.split("?")[0]).view_name
        for pages in (site["portal"], site["staff"])
        for url, _session in pages.values()
        if not url.startswith("/neexistuje/")
    }
    assert set(names(get_resolver())) - visited == NOT_PAGES


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_form_with_the_keyboard_alone(page, site, lang):
    """A coordinator adds an organization without a mouse: Tab to the name, Tab on to the
    IČO, type a wrong one, Enter. The errors are announced and tied to their fields."""
    url, session = site["staff"]["organization_create"]
    _open(page, site, lang, url, session)
    for _ in range(40):
        page.keyboard.press("Tab")
        if _focused(page)["id"] == "id_name":
            break
    else:
        pytest.fail("Tab never reached the name field")
    page.keyboard.press("Tab")
    assert _focused(page)["id"] == "id_ico"
    page.keyboard.type("12345678")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.locator("#form-errors[role=alert]").is_visible()
    for field in ("name", "ico"):
        control = page.locator(f"#id_{field}")
        assert control.get_attribute("aria-invalid") == "true", field
        described_by = control.get_attribute("aria-describedby").split()
        assert f"id_{field}_error" in described_by, field
        error = page.locator(f"#id_{field}_error")
        assert error.is_visible() and error.inner_text().strip(), field
    assert "12345678" in page.locator("#id_ico_error").inner_text()
    assert _axe_violations(page) == []
