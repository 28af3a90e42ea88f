"""Playwright with Debian's Chromium (`playwright install` cannot download browsers here).

Without Chromium the browser tests are skipped, unless TRIADA_REQUIRE_BROWSER=1 (as in CI),
which turns the skip into a failure. A failing test leaves a screenshot in test-artifacts/.

The user journeys run on the demo data (`manage.py demo`): `demo_snapshot` builds it once per
session and keeps its rows; the `demo` fixture puts them back before each test (a fraction of
a second), and the transactional flush after the test clears them again. `sign_in` goes through
the real sign-in form, including the second factor."""

import os
import shutil
import time
from pathlib import Path
from unittest import mock
from urllib.parse import urlsplit

import pytest

from triada.demo.builder import DEMO_PASSWORD

CHROMIUM = os.environ.get("TRIADA_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[4] / "test-artifacts"

# Playwright's sync API runs an event loop in the test thread; the ORM calls of the test's
# own set-up happen outside it, so Django's async guard does not apply here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        if os.environ.get("TRIADA_REQUIRE_BROWSER") == "1":
            pytest.fail(f"Chromium not found at {CHROMIUM}")
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call" and report.failed and "page" in item.funcargs:
        ARTIFACTS.mkdir(exist_ok=True)
        item.funcargs["page"].screenshot(path=ARTIFACTS / f"{item.name}.png", full_page=True)
    return report


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="cs-CZ", base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


# --- The demo data ------------------------------------------------------------------------

# A blank one-page PDF (PDF readers open it) that stands in for the PDFs of the demo's ~90
# published minutes while the demo is built: WeasyPrint would take most of the build (28 s
# with them, 7 s without on SQLite; 28 s and 13 s on PostgreSQL), and no journey opens an
# old minutes' PDF. Minutes published during a test are rendered for real.
PLACEHOLDER_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def _rows_of_every_table() -> list[tuple[type, list]]:
    """Every row of every table (including many-to-many tables), model by model."""
    from django.apps import apps

    return [
        (model, list(model._base_manager.order_by("pk")))
        for model in apps.get_models(include_auto_created=True)
        if not model._meta.proxy and model._meta.managed
    ]


def _insert_rows(snapshot: list[tuple[type, list]]) -> None:
    """Put the rows back exactly as they were: plain INSERTs, so no save(), no signals, and
    no auto_now stamping. Foreign keys are checked at the commit, so the order does not
    matter. The search index (FTS5 triggers on SQLite, a generated column on PostgreSQL)
    follows the inserted rows by itself."""
    from django.core.management.color import no_style
    from django.db import connection, transaction

    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        for model, objects in snapshot:
            if not objects:
                continue
            fields = model._meta.local_concrete_fields
            sql = "INSERT INTO {} ({}) VALUES ({})".format(
                quote(model._meta.db_table),
                ", ".join(quote(field.column) for field in fields),
                ", ".join(["%s"] * len(fields)),
            )
            cursor.executemany(
                sql,
                [
                    [
                        field.get_db_prep_save(getattr(obj, field.attname), connection)
                        for field in fields
                    ]
                    for obj in objects
                ],
            )
        # New rows of the test must not take the ids of the restored ones (PostgreSQL).
        for statement in connection.ops.sequence_reset_sql(
            no_style(), [model for model, _objects in snapshot]
        ):
            cursor.execute(statement)


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker):
    """The demo, built once per session through the `demo` command; its rows are kept in
    memory and the database is emptied again for the tests that do not use it."""
    from django.core.management import call_command

    with django_db_blocker.unblock():
        with mock.patch("triada.minutes.tasks.render_pdf", return_value=PLACEHOLDER_PDF):
            call_command("demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
        snapshot = _rows_of_every_table()
        call_command("flush", interactive=False, verbosity=0)
    return snapshot


@pytest.fixture
def demo(demo_snapshot, transactional_db, django_db_blocker):
    """The demo data in the test database, as the `demo` command leaves it."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command

    with django_db_blocker.unblock():
        # The flush after the previous test recreated the content types and permissions
        # (post_migrate); the snapshot brings its own, with the ids the demo refers to.
        call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
        _insert_rows(demo_snapshot)
        ContentType.objects.clear_cache()


# --- Signing in ---------------------------------------------------------------------------


def sign_in(page, username: str, password: str = DEMO_PASSWORD) -> None:
    """Sign in through the sign-in form, as the user would; where the account needs a second
    factor, answer it as the user's authenticator app would: on the set-up page with the new
    key (then past the recovery codes), on the code page with the key set up before. Ends on
    the page the sign-in leads to."""
    from django.urls import reverse

    page.goto(reverse("accounts:login"))
    page.get_by_label("Uživatelské jméno").fill(username)
    page.get_by_label("Heslo").fill(password)
    page.get_by_role("button", name="Přihlásit se").click()
    page.wait_for_load_state()
    path = urlsplit(page.url).path
    assert path != reverse("accounts:login"), f"{username} was not signed in"
    setting_up = path == reverse("accounts:two_factor_setup")
    if not setting_up and path != reverse("accounts:two_factor_verify"):
        return
    # The two-factor pages are new and their Czech wording is not settled yet: the code
    # field and the buttons are found by their place in the form, not by their names.
    code = _authenticator_code(username, confirmed=not setting_up)
    page.locator("main form input[name=code]").fill(code)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    if setting_up:  # the recovery codes, shown once, with a link onwards
        page.locator("main .recovery-codes").wait_for()
        page.locator("main a.button").click()
        page.wait_for_load_state()
    assert urlsplit(page.url).path not in (
        reverse("accounts:two_factor_setup"),
        reverse("accounts:two_factor_verify"),
    ), f"the second factor of {username} was refused"


def _authenticator_code(username: str, *, confirmed: bool) -> str:
    """The current code of the user's authenticator key (TOTP). A code is accepted once:
    if this time step's code was used already, wait for the next step."""
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user__username=username, confirmed=confirmed).latest("pk")
    step = int((time.time() - device.t0) // device.step)
    if device.last_t is not None and device.last_t >= step:
        time.sleep(device.step - (time.time() - device.t0) % device.step + 0.1)
    code = totp(
        device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift
    )
    return f"{code:0{device.digits}d}"
