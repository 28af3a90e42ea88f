from django.shortcuts import get_object_or_404

from triada.meetings.access import get_meeting_for_user

from .models import Minutes, Task


def get_minutes_for_user(access, meeting_pk: int, *, write: bool = False) -> Minutes:
    """The minutes of a meeting: the body's members read them, its leaders, minute takers and
    the coordinators write them."""
    meeting = get_meeting_for_user(access, meeting_pk, write=write)
    return get_object_or_404(Minutes.objects.select_related("meeting__body__area"), meeting=meeting)


def get_task_for_user(access, pk: int, *, write: bool = False) -> Task:
    task = get_object_or_404(
        Task.objects.select_related("minutes__meeting__body__area"),
        minutes__meeting__body__area=access.area,
        pk=pk,
    )
    body = task.minutes.meeting.body
    access.require(access.can_manage_meetings(body) if write else access.can_view_body(body))
    return task
