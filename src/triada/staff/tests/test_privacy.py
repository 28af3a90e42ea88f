"""Inside the staff UI, people see what their role needs and no more."""

from django.urls import reverse

from triada.people.models import Membership
from triada.tests import factories


def test_a_member_does_not_see_co_members_contacts(client, group, member, leader):
    leader.person.email = "vedouci@example.cz"
    leader.person.save()
    url = reverse("structure:body", kwargs={"area_slug": group.area.slug, "pk": group.pk})
    client.force_login(member)
    assert "vedouci@example.cz" not in client.get(url).content.decode()
    client.force_login(leader)
    assert "vedouci@example.cz" in client.get(url).content.decode()


def test_a_leader_sees_representatives_only_in_his_bodies(client, area, group, leader):
    other = factories.make_body(area, "Osoby se zdravotním znevýhodněním")
    club = factories.make_organization(area, side="user", name="Klub")
    hidden = factories.make_person(area, first_name="Skrytá", last_name="Uživatelka")
    shown = factories.make_person(area, first_name="Viditelná", last_name="Členka")
    factories.make_membership(other, hidden, side="user", organization=club)
    factories.make_membership(group, shown, side="user", organization=club)
    client.force_login(leader)
    url = reverse("people:organization", kwargs={"area_slug": area.slug, "pk": club.pk})
    html = client.get(url).content.decode()
    assert "Viditelná" in html
    assert "Skrytá" not in html


def test_a_leader_cannot_appoint_a_leader_or_touch_the_leaders_seat(client, group, leader):
    person = factories.make_person(group.area)
    client.force_login(leader)
    add = reverse(
        "people:membership_add", kwargs={"area_slug": group.area.slug, "body_pk": group.pk}
    )
    response = client.post(
        add,
        {
            "person": person.pk,
            "triad_side": "provider",
            "function": "deputy_leader",
            "start_on": "2019-01-01",
        },
    )
    assert "function" in response.context["form"].errors
    assert not Membership.objects.filter(person=person).exists()
    own = leader.person.memberships.get()
    for name in ("people:membership_edit", "people:membership_end"):
        url = reverse(name, kwargs={"area_slug": group.area.slug, "pk": own.pk})
        assert client.get(url).status_code == 403


def test_dashboard_names_leaders_of_other_groups_only_with_consent(client, area, group, member):
    other = factories.make_body(area, "Jiná skupina")
    secret = factories.make_person(
        area, first_name="Tajná", last_name="Vedoucí", public_consent=False
    )
    factories.make_membership(
        other, secret, side="commissioner", function=Membership.Function.LEADER
    )
    client.force_login(member)
    html = client.get(reverse("staff:dashboard", kwargs={"area_slug": area.slug})).content
    assert "Tajná" not in html.decode()
