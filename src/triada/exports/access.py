from django.shortcuts import get_object_or_404

from .models import Job


def get_job_for_user(access, pk: int) -> Job:
    """A job of the user's area (404 for another area's): only its coordinators see it, as it
    may hold everyone's personal data."""
    job = get_object_or_404(Job.objects.select_related("area", "body"), area=access.area, pk=pk)
    access.require(access.is_coordinator)
    return job
