"""The security headers of a public and a staff page under the production settings.

The test settings run without TLS; here the security settings are read from `settings.py` as
production computes them (no DJANGO_DEBUG, HTTPS on) and applied to real requests."""

import os
import runpy
from unittest import mock

import pytest
from django.test import Client, override_settings

from triada.conftest import sign_in

SECURITY_SETTINGS = (
    "SECURE_CSP",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_SSL_REDIRECT",
    "SECURE_REFERRER_POLICY",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "X_FRAME_OPTIONS",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SECURE",
    "LANGUAGE_COOKIE_SECURE",
)


@pytest.fixture
def production_security():
    environment = {"DJANGO_SECRET_KEY": "x" * 50, "DJANGO_ALLOWED_HOSTS": "testserver"}
    with mock.patch.dict(os.environ, environment):
        os.environ.pop("DJANGO_DEBUG", None)
        os.environ.pop("DJANGO_HTTPS", None)
        production = runpy.run_path(os.path.join(os.path.dirname(__file__), "..", "settings.py"))
    assert production["DEBUG"] is False
    with override_settings(**{name: production[name] for name in SECURITY_SETTINGS}):
        yield


def _assert_headers(response):
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    csp = response["Content-Security-Policy"]
    for directive in (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ):
        assert directive in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_public_and_staff_pages_carry_the_security_headers(production_security, area, member):
    client = Client()
    # Plain HTTP is sent to HTTPS.
    insecure = client.get(f"/{area.slug}/")
    assert insecure.status_code == 301
    assert insecure.url == f"https://testserver/{area.slug}/"

    public = client.get(f"/{area.slug}/", secure=True)
    assert public.status_code == 200
    _assert_headers(public)

    signed_in = client.post(
        "/ucet/prihlaseni/",
        {"username": "clen", "password": "correct horse battery"},
        secure=True,
    )
    assert signed_in.status_code == 302
    cookie = signed_in.cookies["sessionid"]
    assert cookie["secure"] and cookie["httponly"]
    staff = client.get(f"/sprava/{area.slug}/", secure=True)
    assert staff.status_code == 200
    _assert_headers(staff)


@pytest.mark.django_db
def test_the_csrf_cookie_is_secure_in_production(production_security, coordinator):
    client = Client(enforce_csrf_checks=True)
    sign_in(client, coordinator)
    response = client.get("/ucet/heslo/", secure=True)
    assert response.status_code == 200
    assert response.cookies["csrftoken"]["secure"]
