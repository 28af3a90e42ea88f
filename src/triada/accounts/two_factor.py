"""Two-factor sign-in: an authenticator app (TOTP) and one-time recovery codes (django-otp).

Everyone may turn it on; coordinators and superusers must (`is_required`). Whether a
signed-in session still owes its second factor is kept in the session at sign-in, so that
ordinary requests cost no query (accounts.middleware).
"""

import base64

import segno
from django.db import transaction
from django.utils.translation import gettext_noop
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from triada.audit.models import AuditEntry
from triada.audit.services import security_record

from .models import AreaRole

RECOVERY_CODE_COUNT = 10
# Session keys: what the signed-in session still owes (set at sign-in, cleared on success).
SESSION_STATE = "triada_two_factor"
VERIFY, SET_UP = "verify", "set_up"


def is_required(user) -> bool:
    return (
        user.is_superuser
        or AreaRole.objects.filter(user=user, role=AreaRole.Role.COORDINATOR).exists()
    )


def is_enabled(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def state_at_sign_in(user) -> str | None:
    """What the session owes right after the password: a code, a set-up, or nothing."""
    if user_has_device(user):
        return VERIFY
    if is_required(user):
        return SET_UP
    return None


def pending_device(user) -> TOTPDevice:
    """The authenticator being set up: one unconfirmed device per user, kept across reloads
    of the set-up page so the QR code does not change under the user's phone."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def qr_code_data_uri(device: TOTPDevice) -> str:
    """The otpauth:// address as an SVG data URI (the CSP allows data: images only)."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5)


def secret_for_typing(device: TOTPDevice) -> str:
    """The key in base32 groups of four, for apps without a camera."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def _clean(token: str) -> str:
    return "".join(token.split()).lower()


@transaction.atomic
def confirm_setup(request, device: TOTPDevice, token: str) -> bool:
    """Confirm the authenticator with a code from it (False when the code is wrong). Any
    earlier authenticator of the user is replaced; the caller hands out recovery codes."""
    if not device.verify_token(_clean(token)):
        return False
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    otp_login(request, device)
    request.session.pop(SESSION_STATE, None)
    security_record(
        action=AuditEntry.Action.TWO_FACTOR,
        request=request,
        user=device.user,
        summary=gettext_noop("authenticator set up"),
    )
    return True


@transaction.atomic
def new_recovery_codes(user) -> list[str]:
    """Ten fresh one-time codes; the earlier ones stop working."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name="recovery", defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def verify(request, token: str) -> bool:
    """Check a code from the authenticator or a recovery code; on success the session is
    verified. django-otp slows down repeated failures per device (throttling)."""
    user = request.user
    token = _clean(token)
    with transaction.atomic():
        for device in devices_for_user(user, for_verify=True):
            if device.verify_token(token):
                break
        else:
            device = None
    if device is None:
        security_record(
            action=AuditEntry.Action.TWO_FACTOR,
            request=request,
            user=user,
            summary=gettext_noop("wrong code"),
        )
        return False
    otp_login(request, device)
    request.session.pop(SESSION_STATE, None)
    security_record(
        action=AuditEntry.Action.TWO_FACTOR,
        request=request,
        user=user,
        summary=gettext_noop("recovery code used")
        if isinstance(device, StaticDevice)
        else gettext_noop("code accepted"),
    )
    return True


def remaining_recovery_codes(user) -> int:
    return StaticToken.objects.filter(device__user=user).count()


@transaction.atomic
def disable(request, user) -> None:
    """Remove the authenticator and the recovery codes (refused where it is required)."""
    if is_required(user):
        raise PermissionError("two-factor sign-in is required for this user")
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    request.session.pop("otp_device_id", None)
    security_record(
        action=AuditEntry.Action.TWO_FACTOR,
        request=request,
        user=user,
        summary=gettext_noop("turned off"),
    )
