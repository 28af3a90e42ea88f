"""Background work of exports and imports: one task runs a job (jobs.job_run)."""

from django.tasks import task

from .jobs import job_run


@task
def run_job(job_id: int) -> str:
    return job_run(job_id)
