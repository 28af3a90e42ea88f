from django.shortcuts import get_object_or_404

from .models import Meeting


def get_meeting_for_user(access, pk: int, *, write: bool = False) -> Meeting:
    """A meeting of the user's area: the body's members read it; coordinators, leaders and
    minute takers of the body change it."""
    meeting = get_object_or_404(
        Meeting.objects.select_related("body__area"), body__area=access.area, pk=pk
    )
    body = meeting.body
    access.require(access.can_manage_meetings(body) if write else access.can_view_body(body))
    return meeting
