from .models import Task


def open_tasks(*, body=None, responsible=None, area=None):
    """Open tasks, the earliest due first, with what their table shows."""
    tasks = Task.objects.open().select_related("responsible", "minutes__meeting")
    if body is not None:
        tasks = tasks.of_body(body)
    if responsible is not None:
        tasks = tasks.filter(responsible=responsible)
    if area is not None:
        tasks = tasks.filter(minutes__meeting__body__area=area)
    return tasks.order_by("due_on", "pk")
