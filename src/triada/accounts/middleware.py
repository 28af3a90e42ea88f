"""Guards of a signed-in session, on every request: the inactivity timeout and the second
factor still owed after the password."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _

from triada.audit.models import AuditEntry
from triada.audit.services import security_record

from . import two_factor

LAST_SEEN = "triada_last_seen"
# Write the time of the last request at most this often, not on every request.
LAST_SEEN_RESOLUTION_SECONDS = 60
# A page that asks for progress on its own (static/triada/job.js) sends this header: its
# requests are not activity, or an open job page would keep a session alive for ever.
POLL_HEADER = "X-Triada-Poll"
# Pages a session that owes its second factor may still open.
OPEN_WHILE_PENDING = {
    two_factor.VERIFY: ("accounts:two_factor_verify", "accounts:logout", "set_language"),
    two_factor.SET_UP: ("accounts:two_factor_setup", "accounts:logout", "set_language"),
}


class SignInGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            response = self._expire_idle(request) or self._require_second_factor(request)
            if response is not None:
                return response
        return self.get_response(request)

    def _expire_idle(self, request):
        now = int(time.time())
        last_seen = request.session.get(LAST_SEEN, now)
        if now - last_seen > settings.TRIADA_SESSION_IDLE_MINUTES * 60:
            security_record(
                action=AuditEntry.Action.SESSION_EXPIRED, request=request, user=request.user
            )
            # Not logout(): its "signed out" event would log this sign-out twice.
            request.session.flush()
            request.user = AnonymousUser()
            messages.info(
                request,
                _("You were signed out after %(minutes)d minutes without activity.")
                % {"minutes": settings.TRIADA_SESSION_IDLE_MINUTES},
            )
            if request.headers.get(POLL_HEADER):
                # Not the sign-in page, which would show the message to nobody: the page
                # that asked reloads and is sent there with the message.
                return HttpResponse(status=401)
            return redirect(f"{reverse('accounts:login')}?{urlencode({'next': _next(request)})}")
        if request.headers.get(POLL_HEADER) and LAST_SEEN in request.session:
            return None
        if now - last_seen >= LAST_SEEN_RESOLUTION_SECONDS or LAST_SEEN not in request.session:
            request.session[LAST_SEEN] = now
        return None

    def _require_second_factor(self, request):
        owed = request.session.get(two_factor.SESSION_STATE)
        if owed is None:
            return None
        try:
            view_name = resolve(request.path_info).view_name
        except Resolver404:
            view_name = None
        if view_name in OPEN_WHILE_PENDING[owed]:
            return None
        target = OPEN_WHILE_PENDING[owed][0]
        return redirect(f"{reverse(target)}?{urlencode({'next': _next(request)})}")


def _next(request) -> str:
    """Where to go after signing in again: this page for a GET, else the staff home."""
    path = request.get_full_path()
    if request.method == "GET" and url_has_allowed_host_and_scheme(path, allowed_hosts=None):
        return path
    return reverse("staff:home")
