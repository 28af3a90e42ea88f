from django.shortcuts import get_object_or_404

from .models import Body


def get_body_for_user(access, pk: int, *, write: bool = False) -> Body:
    """A body of the user's area: members read it, coordinators change it."""
    body = get_object_or_404(Body.objects.select_related("area"), area=access.area, pk=pk)
    access.require(access.is_coordinator if write else access.can_view_body(body))
    return body


def get_body_for_roster_change(access, pk: int) -> Body:
    """A body whose roster the user manages: coordinators and the body's leaders."""
    body = get_object_or_404(Body.objects.select_related("area"), area=access.area, pk=pk)
    access.require(access.can_manage_members(body))
    return body
