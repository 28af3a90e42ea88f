"""Sign-in events into the audit log, and what the new session still owes."""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.utils.translation import gettext_noop

from triada.audit.models import AuditEntry
from triada.audit.services import security_record

from . import two_factor


@receiver(user_logged_in)
def signed_in(sender, request, user, **kwargs):
    owed = two_factor.state_at_sign_in(user)
    if owed is not None:
        request.session[two_factor.SESSION_STATE] = owed
    security_record(
        action=AuditEntry.Action.SIGN_IN,
        request=request,
        user=user,
        summary=gettext_noop("second factor owed") if owed else "",
    )


@receiver(user_logged_out)
def signed_out(sender, request, user, **kwargs):
    if user is not None:
        security_record(action=AuditEntry.Action.SIGN_OUT, request=request, user=user)


@receiver(user_login_failed)
def sign_in_failed(sender, credentials, request=None, **kwargs):
    security_record(
        action=AuditEntry.Action.SIGN_IN_FAILED,
        request=request,
        username=str(credentials.get("username", "")),
    )


@receiver(user_locked_out)
def locked_out(sender, request, username=None, ip_address=None, **kwargs):
    security_record(
        action=AuditEntry.Action.LOCKED_OUT, request=request, username=str(username or "")
    )
