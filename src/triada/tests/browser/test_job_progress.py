"""A coordinator imports a roster from a file and watches the job: its page says it waits for
its turn, asks for news by itself and shows the result when the worker is done."""

import pytest
from django.test import override_settings

from triada.exports import jobs
from triada.exports.models import Job
from triada.people.models import Membership
from triada.tests import factories

from .conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Jobs wait in the database for a worker (the test plays it) instead of running at once.
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_an_import_waits_for_the_worker_and_the_page_shows_the_result(page, tmp_path):
    area = factories.make_area("Nový Jičín", slug="novy-jicin")
    factories.make_coordinator(area, "koordinator")
    body = factories.make_body(area, "Pracovní skupina Rodina")
    roster = tmp_path / "clenove.csv"
    roster.write_text(
        "Jméno;Příjmení;Strana triády;Od\r\nJana;Nová;poskytovatel;5. 1. 2026\r\n",
        encoding="utf-8",
    )
    sign_in(page, "koordinator", "correct horse battery")
    with override_settings(TASKS=DATABASE_QUEUE):
        page.goto(f"/sprava/novy-jicin/organy/{body.pk}/import/")
        page.set_input_files("input[name=file]", str(roster))
        page.get_by_role("button", name="Importovat").click()
        page.locator("#job-text").filter(has_text="Čeká na řadu").wait_for()
        assert not Membership.objects.filter(body=body).exists()
        jobs.job_run(Job.objects.get().pk)  # the worker takes the job
        # No click: the page asked for news, saw the job finished and loaded the result.
        page.locator("#job-text").filter(has_text="Přidáno 1 členství").wait_for()
    assert Membership.objects.filter(body=body, person__last_name="Nová").exists()
    assert page.get_by_role("link", name="Importovat další soubor").is_visible()
