"""Background work of search: the entry of newly published minutes."""

from django.tasks import task

from triada.minutes.models import Minutes

from .services import index_minutes


@task
def index_published_minutes(minutes_id: int) -> None:
    index_minutes(Minutes.objects.select_related("meeting__body__area").get(pk=minutes_id))
