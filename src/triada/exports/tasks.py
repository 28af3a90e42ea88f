"""Background work of exports and imports: one task runs a job (services.job_run)."""

from django.tasks import task


@task
def run_job(job_id: int) -> str:
    from .services import job_run  # services enqueue this task

    return job_run(job_id)
