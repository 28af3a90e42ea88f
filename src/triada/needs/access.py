"""Who may read and change the needs register: everyone with access to the area reads it; the
coordinator moderates and decides (a body's leader records the needs the body raised: the
view checks that)."""

from django.shortcuts import get_object_or_404

from .models import Need


def get_need_for_user(access, pk: int, *, write: bool = False) -> Need:
    need = get_object_or_404(
        Need.objects.select_related("area", "body", "meeting"), area=access.area, pk=pk
    )
    access.require(access.is_coordinator or not write)
    return need
