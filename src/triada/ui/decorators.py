from functools import wraps

from django.contrib.auth.decorators import login_required

from triada.accounts.access import get_area_access


def area_view(view):
    """A staff view of one area: signs the user in, resolves the area and the user's access
    to it (404 for an unknown area, 403 without a role) and passes that access on."""

    @login_required
    @wraps(view)
    def wrapped(request, area_slug, **kwargs):
        access = get_area_access(request.user, area_slug)
        request.area_access = access
        return view(request, access, **kwargs)

    return wrapped
