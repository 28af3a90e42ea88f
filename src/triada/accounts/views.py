"""The user's own account: two-factor sign-in and its recovery codes, and the sign-in pause
after failures."""

from axes.helpers import get_cool_off
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from triada.audit.models import AuditEntry

from . import two_factor
from .forms import CodeForm

RECENT_EVENTS = 10


def _next_or(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


@login_required
def account(request):
    user = request.user
    return render(
        request,
        "accounts/account.html",
        {
            "two_factor_enabled": two_factor.is_enabled(user),
            "two_factor_required": two_factor.is_required(user),
            "recovery_codes_left": two_factor.remaining_recovery_codes(user),
            "events": AuditEntry.objects.filter(
                object_type="accounts.user", object_id=str(user.pk), area=None
            )[:RECENT_EVENTS],
        },
    )


@login_required
def two_factor_setup(request):
    device = two_factor.pending_device(request.user)
    form = CodeForm(
        request.POST or None, check=lambda code: two_factor.confirm_setup(request, device, code)
    )
    form.fields["code"].help_text = _("The six digits the authenticator app shows.")
    if request.method == "POST" and form.is_valid():
        codes = two_factor.new_recovery_codes(request.user)
        messages.success(request, _("Two-factor sign-in is on."))
        return render(
            request,
            "accounts/recovery_codes.html",
            {"codes": codes, "next": _next_or(request, reverse("accounts:account"))},
        )
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_code": two_factor.qr_code_data_uri(device),
            "secret": two_factor.secret_for_typing(device),
            "required": two_factor.is_required(request.user),
            "next": _next_or(request, ""),
        },
    )


@login_required
def two_factor_verify(request):
    form = CodeForm(request.POST or None, check=lambda code: two_factor.verify(request, code))
    if request.method == "POST" and form.is_valid():
        return redirect(_next_or(request, reverse("staff:home")))
    return render(
        request, "accounts/two_factor_verify.html", {"form": form, "next": _next_or(request, "")}
    )


@require_POST
@login_required
def recovery_codes(request):
    if not two_factor.is_enabled(request.user):
        return redirect("accounts:account")
    codes = two_factor.new_recovery_codes(request.user)
    return render(
        request,
        "accounts/recovery_codes.html",
        {"codes": codes, "next": reverse("accounts:account")},
    )


@require_POST
@login_required
def two_factor_disable(request):
    if two_factor.is_required(request.user):
        messages.error(request, _("Coordinators and administrators must keep two-factor sign-in."))
    else:
        two_factor.disable(request, request.user)
        messages.success(request, _("Two-factor sign-in is off."))
    return redirect("accounts:account")


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a paused user name and address: the sign-in form again, with the
    reason and the wait, and status 429."""
    minutes = int(get_cool_off(request).total_seconds() // 60)
    paused = _(
        "Too many failed sign-ins with this user name from this address. Signing in is "
        "paused for %(minutes)d minutes; then try again, or reset your password."
    ) % {"minutes": minutes}
    form = AuthenticationForm(request, initial={"username": request.POST.get("username", "")})
    return render(request, "accounts/login.html", {"form": form, "paused": paused}, status=429)
