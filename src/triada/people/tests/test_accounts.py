"""A coordinator gives a member a sign-in account; the member sets a password by e-mail."""

import re

from django.urls import reverse

from triada.accounts.models import User
from triada.audit.models import AuditEntry
from triada.conftest import client_for
from triada.tests import factories


def test_member_gets_an_account_and_signs_in(coordinator_client, group, mailoutbox):
    person = factories.make_person(
        group.area, first_name="Eva", last_name="Nová", email="eva@example.cz"
    )
    factories.make_membership(group, person)
    url = reverse("people:person_account", kwargs={"area_slug": group.area.slug, "pk": person.pk})
    response = coordinator_client.post(url, {"username": "eva.nova", "email": "eva@example.cz"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.user.username == "eva.nova"
    assert not person.user.has_usable_password()
    assert AuditEntry.objects.filter(
        object_type="people.person", object_id=str(person.pk), summary__isnull=False
    ).exists()

    (email,) = mailoutbox
    assert email.to == ["eva@example.cz"]
    link = re.search(r"http://testserver(/ucet/nove-heslo/\S+)", email.body).group(1)
    browser = client_for(None)
    form_url = browser.get(link).url  # Django redirects to a URL without the token
    response = browser.post(
        form_url,
        {"new_password1": "Třikrát měř, jednou řež", "new_password2": "Třikrát měř, jednou řež"},
    )
    assert response.status_code == 302
    signed_in = browser.post(
        reverse("accounts:login"),
        {"username": "eva.nova", "password": "Třikrát měř, jednou řež"},
    )
    assert signed_in.status_code == 302
    body_url = reverse("structure:body", kwargs={"area_slug": group.area.slug, "pk": group.pk})
    assert browser.get(body_url).status_code == 200


def test_a_taken_user_name_is_refused_and_nothing_changes(coordinator_client, group, mailoutbox):
    factories.make_user("obsazeno")
    person = factories.make_person(group.area)
    url = reverse("people:person_account", kwargs={"area_slug": group.area.slug, "pk": person.pk})
    response = coordinator_client.post(url, {"username": "Obsazeno", "email": "x@example.cz"})
    assert response.status_code == 200
    assert response.context["form"].errors["username"]
    person.refresh_from_db()
    assert person.user is None
    assert User.objects.filter(username__iexact="obsazeno").count() == 1
    assert not mailoutbox


def test_a_failed_e_mail_keeps_the_account_and_the_link_can_be_sent_again(
    coordinator_client, group, mailoutbox, monkeypatch
):
    import smtplib

    from triada.accounts import emails

    person = factories.make_person(group.area, email="eva@example.cz")
    url = reverse("people:person_account", kwargs={"area_slug": group.area.slug, "pk": person.pk})

    def broken(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("down")

    monkeypatch.setattr(emails, "send_mail", broken)
    response = coordinator_client.post(
        url, {"username": "eva", "email": "eva@example.cz"}, follow=True
    )
    assert "nepodařilo odeslat" in response.content.decode()
    person.refresh_from_db()
    assert person.user.username == "eva"
    monkeypatch.undo()
    again = reverse(
        "people:person_account_link", kwargs={"area_slug": group.area.slug, "pk": person.pk}
    )
    assert coordinator_client.post(again).status_code == 302
    assert [m.to for m in mailoutbox] == [["eva@example.cz"]]
