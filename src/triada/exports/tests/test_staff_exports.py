"""The coordinators' exports: full datasets, and the long exports as jobs with progress."""

import csv
import datetime
import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from triada.audit.models import AuditEntry
from triada.conftest import client_for
from triada.exports import jobs, services
from triada.exports.datasets import DATASETS
from triada.exports.models import Job

from .conftest import body_of, read_csv, read_xlsx

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _start(client, area, kind):
    return client.post(reverse("exports:start", args=[area.slug]), {"kind": kind})


def test_the_page_lists_datasets_long_exports_and_bodies(coordinator_client, world):
    response = coordinator_client.get(reverse("exports:index", args=[world.area.slug]))
    assert response.status_code == 200
    html = response.content.decode()
    for dataset in DATASETS:
        assert reverse("exports:download", args=[world.area.slug, dataset, "xlsx"]) in html
    assert reverse("exports:roster_import", args=[world.area.slug, world.group.pk]) in html
    assert html.count('name="kind"') == 2
    assert reverse("exports:index", args=[world.area.slug]) in html  # in the navigation


def test_staff_memberships_have_every_name_and_the_contacts(coordinator_client, coordinator, world):
    url = reverse("exports:download", args=[world.area.slug, "clenove", "csv"])
    response = coordinator_client.get(url)
    assert response["Cache-Control"] == "private, no-store"
    header, *rows = read_csv(body_of(response))
    assert len(header) == len(DATASETS["clenove"].columns(True))
    text = repr(rows)
    assert "Tereza Skrytá" in text and "tereza.skryta@example.cz" in text
    # The audit log records who took the personal data out.
    entry = AuditEntry.objects.filter(action=AuditEntry.Action.DATA_EXPORT).get()
    assert entry.actor == coordinator and entry.area == world.area
    assert entry.summary.endswith("(CSV)")


def test_members_and_leaders_get_no_staff_export(world, member, leader):
    url = reverse("exports:download", args=[world.area.slug, "clenove", "csv"])
    for user in (member, leader):
        assert client_for(user).get(url).status_code == 403


def test_the_area_workbook_job_runs_with_progress_and_is_downloaded(coordinator_client, world):
    response = _start(coordinator_client, world.area, Job.Kind.AREA_XLSX)
    job = Job.objects.get()
    assert response.url == reverse("exports:job", args=[world.area.slug, job.pk])
    assert job.status == Job.Status.DONE  # the tasks run at once in tests
    assert job.total > 0 and job.done == job.total
    assert job.finished_at is not None

    page = coordinator_client.get(response.url)
    assert page.status_code == 200
    download = reverse("exports:job_download", args=[world.area.slug, job.pk])
    assert download in page.content.decode()
    progress = coordinator_client.get(response.url, headers={"Accept": "application/json"})
    assert progress.json() == {
        "status": "done",
        "done": job.total,
        "total": job.total,
        "finished": True,
        "text": job.summary or progress.json()["text"],
    }
    for response in (page, progress):  # one address, two answers, in no shared cache
        assert "Accept" in response["Vary"]
        assert response["Cache-Control"] == "private, no-store"

    file = coordinator_client.get(download)
    assert file.status_code == 200
    assert AuditEntry.objects.filter(action=AuditEntry.Action.DATA_EXPORT).count() == 1
    assert file["Cache-Control"] == "private, no-store"
    assert f"{world.area.slug}-data-" in file["Content-Disposition"]
    content = body_of(file)
    members = read_xlsx(content, sheet=1)
    assert len(members) == 1 + 2  # header and two memberships
    assert "tereza.skryta@example.cz" in repr(members)
    sheets = [read_xlsx(content, sheet=n) for n in range(len(DATASETS))]
    assert sum(len(rows) - 1 for rows in sheets) == job.total


def test_another_areas_coordinator_cannot_see_or_download_the_job(
    coordinator_client, world, other_area, other_coordinator
):
    _start(coordinator_client, world.area, Job.Kind.AREA_XLSX)
    job = Job.objects.get()
    stranger = client_for(other_coordinator)
    for name in ("exports:job", "exports:job_download"):
        assert stranger.get(reverse(name, args=[world.area.slug, job.pk])).status_code == 403
        assert stranger.get(reverse(name, args=[other_area.slug, job.pk])).status_code == 404


def test_the_minutes_archive_is_a_zip_of_the_pdfs_with_an_index(coordinator_client, world):
    _start(coordinator_client, world.area, Job.Kind.MINUTES_ZIP)
    job = Job.objects.get()
    assert job.status == Job.Status.DONE and job.done == job.total == 2
    response = coordinator_client.get(
        reverse("exports:job_download", args=[world.area.slug, job.pk])
    )
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(body_of(response)))
    assert archive.testzip() is None
    names = archive.namelist()
    pdfs = [n for n in names if n.endswith(".pdf")]
    assert pdfs == [
        f"zapisy/2019/2019-03-14-seniori-{world.meeting.pk}-v1.pdf",
        f"archiv/2016/2016-03-01-{world.upload.pk}-zapis-2016.pdf",
    ]
    assert all(archive.read(n).startswith(b"%PDF") for n in pdfs)
    (index_name,) = [n for n in names if n.endswith(".csv")]
    index = archive.read(index_name)
    assert index.startswith(b"\xef\xbb\xbf")
    _header, *rows = list(csv.reader(io.StringIO(index.decode("utf-8-sig")), delimiter=";"))
    assert [row[0] for row in rows] == pdfs
    assert rows[0][3] == "2019-03-14" and rows[0][-1].endswith(f"/jednani/{world.meeting.pk}/")


def test_a_file_lost_from_the_storage_is_named_in_the_index(coordinator_client, world):
    world.upload.file.storage.delete(world.upload.file.name)
    _start(coordinator_client, world.area, Job.Kind.MINUTES_ZIP)
    job = Job.objects.get()
    assert job.status == Job.Status.DONE
    response = coordinator_client.get(
        reverse("exports:job_download", args=[world.area.slug, job.pk])
    )
    archive = zipfile.ZipFile(io.BytesIO(body_of(response)))
    assert [n for n in archive.namelist() if n.endswith(".pdf")] == [
        f"zapisy/2019/2019-03-14-seniori-{world.meeting.pk}-v1.pdf"
    ]
    (index_name,) = [n for n in archive.namelist() if n.endswith(".csv")]
    index = archive.read(index_name).decode("utf-8-sig")
    assert f"{world.upload.pk}-zapis-2016.pdf (" in index


def test_a_second_click_does_not_start_a_second_export(coordinator, world):
    with override_settings(TASKS=DATABASE_QUEUE):
        first = services.export_start(
            actor=coordinator, area=world.area, kind=Job.Kind.AREA_XLSX, language="cs", site_url=""
        )
        second = services.export_start(
            actor=coordinator, area=world.area, kind=Job.Kind.AREA_XLSX, language="cs", site_url=""
        )
    assert first == second and first.status == Job.Status.QUEUED


def test_an_invalid_start_changes_nothing(coordinator_client, area):
    response = coordinator_client.post(reverse("exports:start", args=[area.slug]), {"kind": "x"})
    assert response.url == reverse("exports:index", args=[area.slug])
    assert not Job.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_worker_does_the_job_while_the_page_waits(group, coordinator):
    """In production the job waits for `db_worker`; its page says so and asks again."""
    client = client_for(coordinator)
    with override_settings(TASKS=DATABASE_QUEUE):
        response = _start(client, group.area, Job.Kind.AREA_XLSX)
        job = Job.objects.get()
        assert job.status == Job.Status.QUEUED
        page = client.get(response.url).content.decode()
        assert "<progress" in page and "triada/job.js" in page and 'data-running="1"' in page
        assert (
            client.get(response.url, headers={"Accept": "application/json"}).json()["finished"]
            is False
        )
        download = reverse("exports:job_download", args=[group.area.slug, job.pk])
        assert client.get(download).status_code == 404  # nothing to download yet
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    job.refresh_from_db()
    assert job.status == Job.Status.DONE
    assert client.get(download).status_code == 200


def test_progress_is_stored_every_few_rows(area, coordinator):
    job = Job.objects.create(area=area, kind=Job.Kind.AREA_XLSX, status=Job.Status.RUNNING)
    progress = jobs.Progress(job, every=3)
    seen = []
    for _row in progress.counted(range(7)):
        seen.append(Job.objects.get(pk=job.pk).done)
    assert seen == [0, 0, 0, 3, 3, 3, 6]
    progress.save()
    assert Job.objects.get(pk=job.pk).done == 7


def test_the_running_page_shows_the_counts(coordinator_client, area):
    job = Job.objects.create(
        area=area, kind=Job.Kind.AREA_XLSX, status=Job.Status.RUNNING, done=1250, total=4900
    )
    page = coordinator_client.get(reverse("exports:job", args=[area.slug, job.pk]))
    html = page.content.decode()
    assert '<progress id="job-bar" value="1250" max="4900">' in html
    assert "1\xa0250" in html and "4\xa0900" in html  # Czech number format
    assert 'role="status"' in html


def test_a_failed_job_says_so_in_the_users_language(coordinator_client, area, monkeypatch):
    def broken(job):
        raise RuntimeError("disk full")

    monkeypatch.setitem(jobs.RUNNERS, Job.Kind.AREA_XLSX, broken)
    response = _start(coordinator_client, area, Job.Kind.AREA_XLSX)
    job = Job.objects.get()
    assert job.status == Job.Status.FAILED and job.error and "disk" not in job.error
    assert job.error in coordinator_client.get(response.url).content.decode()
    english = client_for(job.created_by)
    english.cookies["django_language"] = "en"
    english_job = Job.objects.get(pk=_start(english, area, Job.Kind.AREA_XLSX).url.split("/")[-2])
    assert english_job.error.startswith("The job failed unexpectedly.")


def test_old_files_are_removed_and_stale_jobs_fail(coordinator_client, area):
    _start(coordinator_client, area, Job.Kind.AREA_XLSX)
    job = Job.objects.get()
    storage, name = job.file.storage, job.file.name
    assert storage.exists(name)
    Job.objects.filter(pk=job.pk).update(row_errors=["Row 2: Jana Nová …"])
    stale = Job.objects.create(area=area, kind=Job.Kind.MINUTES_ZIP, status=Job.Status.RUNNING)
    Job.objects.filter(pk=stale.pk).update(created_at=timezone.now() - datetime.timedelta(days=1))
    services.jobs_clean(now=timezone.now() + datetime.timedelta(days=8))
    job.refresh_from_db()
    stale.refresh_from_db()
    assert not job.file and not storage.exists(name) and job.row_errors == []
    assert stale.status == Job.Status.FAILED and stale.error
    page = coordinator_client.get(reverse("exports:job", args=[area.slug, job.pk]))
    assert reverse("exports:job_download", args=[area.slug, job.pk]) not in page.content.decode()
    assert (
        coordinator_client.get(
            reverse("exports:job_download", args=[area.slug, job.pk])
        ).status_code
        == 404
    )


def test_the_daily_command_removes_a_finished_jobs_file(coordinator_client, area):
    _start(coordinator_client, area, Job.Kind.AREA_XLSX)
    job = Job.objects.get()
    storage, name = job.file.storage, job.file.name
    call_command("jobs_clean")
    assert storage.exists(name)  # still within the week
    Job.objects.filter(pk=job.pk).update(
        finished_at=timezone.now() - datetime.timedelta(days=8), row_errors=["Row 2: Jana Nová"]
    )
    call_command("jobs_clean")
    job.refresh_from_db()
    assert not job.file and not storage.exists(name) and job.row_errors == []


def test_a_job_failed_as_stale_stays_failed_when_it_ends_after_all(area):
    job = Job.objects.create(area=area, kind=Job.Kind.AREA_XLSX, status=Job.Status.RUNNING)
    name = default_storage.save("exporty/pozde.xlsx", ContentFile(b"PK"))
    Job.objects.filter(pk=job.pk).update(created_at=timezone.now() - datetime.timedelta(days=1))
    services.jobs_clean()
    jobs._finish(job, Job.Status.DONE, file=name)
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and not job.file
    assert not default_storage.exists(name)
