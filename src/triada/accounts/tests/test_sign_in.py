"""Sign-in security through HTTP: passwords, throttling with a cool-off, two-factor sign-in
with recovery codes, the inactivity timeout and the audit log of every sign-in event."""

import datetime
import re
import time
from urllib.parse import unquote

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from triada.accounts.middleware import LAST_SEEN, POLL_HEADER
from triada.audit.models import AuditEntry
from triada.conftest import client_for

PASSWORD = "correct horse battery"
LOGIN = reverse("accounts:login")


def sign_in_with_password(client, username, password=PASSWORD, address="10.0.0.1", **extra):
    return client.post(
        LOGIN, {"username": username, "password": password, **extra}, REMOTE_ADDR=address
    )


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def events(user=None, username=None):
    entries = AuditEntry.objects.filter(area=None).order_by("pk")
    if user is not None:
        entries = entries.filter(object_id=str(user.pk))
    if username is not None:
        entries = entries.filter(object_repr=username)
    return list(entries.values_list("action", flat=True))


@pytest.mark.django_db
def test_weak_and_common_passwords_are_refused(member):
    client = client_for(member)
    for weak in ("heslo", "password123", "1234567890123"):
        response = client.post(
            reverse("accounts:password_change"),
            {"old_password": PASSWORD, "new_password1": weak, "new_password2": weak},
        )
        assert response.status_code == 200
        assert response.context["form"].errors["new_password2"], weak
    member.refresh_from_db()
    assert member.check_password(PASSWORD)


@pytest.mark.django_db
def test_failed_sign_ins_pause_the_name_and_address_then_cool_off(member, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = sign_in_with_password(client, "clen", "wrong password")
        assert response.status_code == 200
    assert sign_in_with_password(client, "clen", "wrong password").status_code == 429
    # The limit is reached: even the right password waits, with the reason in Czech.
    paused = sign_in_with_password(client, "clen")
    assert paused.status_code == 429
    assert "přihlášení je pozastaveno" in paused.content.decode().lower()
    assert "_auth_user_id" not in client.session
    # Another address is not paused: one attacker cannot lock the member out.
    elsewhere = sign_in_with_password(Client(), "clen", address="10.0.0.2")
    assert elsewhere.status_code == 302
    # After the cool-off the same address signs in again.
    AccessAttempt.objects.update(
        attempt_time=datetime.datetime.now(datetime.UTC)
        - settings.AXES_COOLOFF_TIME
        - datetime.timedelta(minutes=1)
    )
    assert sign_in_with_password(Client(), "clen").status_code == 302
    logged = events(username="clen")
    assert logged.count(AuditEntry.Action.SIGN_IN_FAILED) >= settings.AXES_FAILURE_LIMIT
    assert AuditEntry.Action.LOCKED_OUT in logged
    assert events(user=member).count(AuditEntry.Action.SIGN_IN) == 2
    assert AuditEntry.objects.filter(ip_address="10.0.0.2").exists()


@pytest.mark.django_db
def test_a_coordinator_must_set_up_two_factor_sign_in(coordinator, area):
    client = Client()
    response = sign_in_with_password(client, "koordinator", next=f"/sprava/{area.slug}/")
    assert response.status_code == 302
    # Every page but the set-up sends the coordinator to the set-up first.
    dashboard = client.get(f"/sprava/{area.slug}/")
    assert dashboard.status_code == 302
    assert dashboard.url.startswith(reverse("accounts:two_factor_setup"))
    setup = client.get(dashboard.url)
    page = setup.content.decode()
    assert "Nastavení dvoufázového přihlášení" in page
    qr_code = unquote(re.search(r'src="(data:image/svg\+xml[^"]+)"', page).group(1))
    # A standalone SVG: without its namespace a browser shows a broken image.
    assert "xmlns='http://www.w3.org/2000/svg'" in qr_code
    device = TOTPDevice.objects.get(user=coordinator, confirmed=False)
    # The same pending key on a reload, so the phone's entry stays valid.
    client.get(dashboard.url)
    assert TOTPDevice.objects.get(user=coordinator).pk == device.pk

    wrong = client.post(reverse("accounts:two_factor_setup"), {"code": "000000"})
    assert wrong.status_code == 200
    assert wrong.context["form"].errors["code"]
    assert not TOTPDevice.objects.filter(user=coordinator, confirmed=True).exists()
    assert client.get(f"/sprava/{area.slug}/").status_code == 302
    device.refresh_from_db()
    device.throttle_reset()  # django-otp makes a retry after a wrong code wait a second

    done = client.post(
        reverse("accounts:two_factor_setup"),
        {"code": current_code(device), "next": f"/sprava/{area.slug}/"},
    )
    assert done.status_code == 200
    codes = re.findall(r"<li><code>(\w+)</code></li>", done.content.decode())
    assert len(codes) == 10
    assert StaticToken.objects.filter(device__user=coordinator).count() == 10
    assert client.get(f"/sprava/{area.slug}/").status_code == 200
    assert AuditEntry.Action.TWO_FACTOR in events(user=coordinator)

    # Next time the password alone is not enough; a recovery code works once.
    client.post(reverse("accounts:logout"))
    client = Client()
    sign_in_with_password(client, "koordinator")
    assert client.get(f"/sprava/{area.slug}/").url.startswith(reverse("accounts:two_factor_verify"))
    used = client.post(reverse("accounts:two_factor_verify"), {"code": codes[0]})
    assert used.status_code == 302
    assert client.get(f"/sprava/{area.slug}/").status_code == 200
    client.post(reverse("accounts:logout"))

    client = Client()
    sign_in_with_password(client, "koordinator")
    again = client.post(reverse("accounts:two_factor_verify"), {"code": codes[0]})
    assert again.status_code == 200
    assert "Kód nesouhlasí" in again.content.decode()
    device.refresh_from_db()
    device.last_t = -1  # the set-up used the current code; django-otp refuses a replay
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    ok = client.post(reverse("accounts:two_factor_verify"), {"code": current_code(device)})
    assert ok.status_code == 302
    assert client.get(f"/sprava/{area.slug}/").status_code == 200
    summaries = list(
        AuditEntry.objects.filter(object_id=str(coordinator.pk), action="two_factor")
        .order_by("pk")
        .values_list("summary", flat=True)
    )
    assert summaries == [
        "authenticator set up",
        "recovery code used",
        "wrong code",
        "code accepted",
    ]


@pytest.mark.django_db
def test_the_coordinator_cannot_turn_it_off_but_a_member_can(coordinator, member):
    coordinator_client = client_for(coordinator)
    coordinator_client.post(reverse("accounts:two_factor_disable"))
    assert TOTPDevice.objects.filter(user=coordinator).exists()

    client = Client()
    sign_in_with_password(client, "clen")
    assert client.get(reverse("accounts:account")).status_code == 200  # not forced
    client.get(reverse("accounts:two_factor_setup"))
    device = TOTPDevice.objects.get(user=member)
    client.post(reverse("accounts:two_factor_setup"), {"code": current_code(device)})
    account = client.get(reverse("accounts:account")).content.decode()
    assert "Zapnuto" in account
    client.post(reverse("accounts:two_factor_disable"))
    assert not TOTPDevice.objects.filter(user=member).exists()
    assert not StaticToken.objects.filter(device__user=member).exists()


@pytest.mark.django_db
def test_an_idle_session_ends(member, area):
    client = Client()
    sign_in_with_password(client, "clen")
    assert client.get(f"/sprava/{area.slug}/").status_code == 200
    session = client.session
    session[LAST_SEEN] = int(time.time()) - 31 * 60
    session.save()
    response = client.get(f"/sprava/{area.slug}/", follow=True)
    assert response.redirect_chain[0][0].startswith(LOGIN)
    assert "po 30 minutách nečinnosti" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert events(user=member) == [
        AuditEntry.Action.SIGN_IN,
        AuditEntry.Action.SESSION_EXPIRED,
    ]


@pytest.mark.django_db
def test_a_page_asking_for_progress_does_not_keep_the_session_alive(member, area):
    client = Client()
    sign_in_with_password(client, "clen")
    idle_since = int(time.time()) - 29 * 60
    session = client.session
    session[LAST_SEEN] = idle_since
    session.save()
    poll = {"headers": {"Accept": "application/json", POLL_HEADER: "1"}}
    assert client.get(f"/sprava/{area.slug}/", **poll).status_code == 200
    assert client.session[LAST_SEEN] == idle_since
    assert client.get(f"/sprava/{area.slug}/").status_code == 200  # a click is activity
    assert client.session[LAST_SEEN] > idle_since
    # Once idle too long, the question gets a 401; the reload then shows why.
    session = client.session
    session[LAST_SEEN] = int(time.time()) - 31 * 60
    session.save()
    assert client.get(f"/sprava/{area.slug}/", **poll).status_code == 401
    page = client.get(f"/sprava/{area.slug}/", follow=True)
    assert page.redirect_chain[0][0].startswith(LOGIN)
    assert "po 30 minutách nečinnosti" in page.content.decode()


@pytest.mark.django_db
def test_sign_in_and_out_are_logged_with_the_address(member):
    client = Client()
    sign_in_with_password(client, "clen", address="192.0.2.7")
    client.post(reverse("accounts:logout"), REMOTE_ADDR="192.0.2.7")
    sign_in_with_password(Client(), "nikdo", "x", address="192.0.2.8")
    sign_in_with_password(client, "clen", address="192.0.2.7")
    assert events(user=member) == [
        AuditEntry.Action.SIGN_IN,
        AuditEntry.Action.SIGN_OUT,
        AuditEntry.Action.SIGN_IN,
    ]
    assert events(username="nikdo") == [AuditEntry.Action.SIGN_IN_FAILED]
    assert set(AuditEntry.objects.filter(area=None).values_list("ip_address", flat=True)) == {
        "192.0.2.7",
        "192.0.2.8",
    }
    account = client.get(reverse("accounts:account")).content.decode()
    assert "192.0.2.7" in account


@pytest.mark.django_db
def test_behind_the_proxy_the_address_is_the_one_the_proxy_added(member, settings):
    settings.TRIADA_BEHIND_PROXY = True
    forged_then_real = {"HTTP_X_FORWARDED_FOR": "203.0.113.66, 198.51.100.9"}
    for _ in range(settings.AXES_FAILURE_LIMIT):
        Client().post(
            LOGIN, {"username": "clen", "password": "x"}, REMOTE_ADDR="10.0.0.1", **forged_then_real
        )
    entries = AuditEntry.objects.filter(action=AuditEntry.Action.SIGN_IN_FAILED)
    assert set(entries.values_list("ip_address", flat=True)) == {"198.51.100.9"}
    # The pause is for that address: another client behind the same proxy still signs in.
    other = {"HTTP_X_FORWARDED_FOR": "198.51.100.10"}
    response = Client().post(LOGIN, {"username": "clen", "password": PASSWORD}, **other)
    assert response.status_code == 302
