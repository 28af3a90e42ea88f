"""Personas shared by the tests: one area with a working group, its leader and a member, and
a second area with its own coordinator."""

import datetime

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.utils import translation
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from triada.accounts import two_factor
from triada.people.models import Membership, TriadSide
from triada.tests import factories


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty page cache: rows of an earlier test are gone."""
    cache.clear()


@pytest.fixture(autouse=True)
def czech_first():
    """Each test starts in Czech: a request in English leaves English active in the thread."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def area(db):
    return factories.make_area("Český Těšín", slug="cesky-tesin")


@pytest.fixture
def other_area(db):
    return factories.make_area("Nový Jičín", slug="novy-jicin")


@pytest.fixture
def group(area):
    return factories.make_body(area, "Senioři", established_on=datetime.date(2015, 1, 1))


@pytest.fixture
def coordinator(area):
    return factories.make_coordinator(area, "koordinator")


@pytest.fixture
def other_coordinator(other_area):
    return factories.make_coordinator(other_area, "cizi-koordinator")


@pytest.fixture
def leader(group):
    user = factories.make_user("vedouci")
    person = factories.make_person(group.area, user=user, first_name="Petr", last_name="Vedoucí")
    factories.make_membership(
        group, person, side=TriadSide.COMMISSIONER, function=Membership.Function.LEADER
    )
    return user


@pytest.fixture
def member(group):
    user = factories.make_user("clen")
    person = factories.make_person(group.area, user=user, first_name="Eva", last_name="Členová")
    factories.make_membership(group, person, side=TriadSide.USER)
    return user


def sign_in(client: Client, user) -> None:
    """Sign the client in as the user, past the second factor where one is required (the
    sign-in itself is tested in accounts/tests)."""
    client.force_login(user)
    if client.session.get(two_factor.SESSION_STATE):
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
        session = client.session
        session.pop(two_factor.SESSION_STATE)
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        sign_in(client, user)
    return client


@pytest.fixture
def coordinator_client(coordinator):
    return client_for(coordinator)
