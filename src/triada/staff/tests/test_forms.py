"""Staff forms: bad input gets a clear Czech message on its field and changes nothing."""

from django.urls import reverse

from triada.audit.models import AuditEntry
from triada.people.models import LeaderElection, Membership, Organization
from triada.structure.models import Body, StructureChange
from triada.tests import factories


def _errors(response, field):
    return [str(e) for e in response.context["form"].errors[field]]


def test_membership_form_takes_the_side_from_the_organization(coordinator_client, group):
    club = factories.make_organization(group.area, side="user", name="Klub")
    person = factories.make_person(group.area)
    url = reverse(
        "people:membership_add", kwargs={"area_slug": group.area.slug, "body_pk": group.pk}
    )
    base = {"person": person.pk, "function": "member", "start_on": "2019-01-01"}
    response = coordinator_client.post(url, base)  # no organization, no side
    assert "triad_side" in response.context["form"].errors
    assert not Membership.objects.filter(person=person).exists()
    coordinator_client.post(url, {**base, "organization": club.pk})
    assert Membership.objects.get(person=person).triad_side == "user"


def test_bad_ico_is_refused_in_czech(coordinator_client, area):
    url = reverse("people:organization_create", kwargs={"area_slug": area.slug})
    before = AuditEntry.objects.count()
    response = coordinator_client.post(url, {"name": "Spolek", "ico": "00297535"})
    assert _errors(response, "ico") == ["00297535 není platné IČO: nesouhlasí kontrolní číslice."]
    assert not Organization.objects.filter(name="Spolek").exists()
    assert AuditEntry.objects.count() == before


def test_ico_with_spaces_is_accepted(coordinator_client, area):
    url = reverse("people:organization_create", kwargs={"area_slug": area.slug})
    coordinator_client.post(url, {"name": "Obec", "ico": "002 97 534"})
    assert Organization.objects.get(name="Obec").ico == "00297534"


def test_body_dissolved_before_established_is_refused(coordinator_client, area):
    url = reverse("structure:body_create", kwargs={"area_slug": area.slug})
    response = coordinator_client.post(
        url,
        {
            "name": "Pracovní skupina Bydlení",
            "kind": "working_group",
            "position": 0,
            "established_on": "2020-01-01",
            "dissolved_on": "2019-12-31",
        },
    )
    assert _errors(response, "dissolved_on") == ["Orgán nemůže zaniknout dříve, než vznikl."]
    assert not Body.objects.filter(name="Pracovní skupina Bydlení").exists()


def test_body_created_through_the_form_gets_the_usual_meeting_duty(coordinator_client, area):
    url = reverse("structure:body_create", kwargs={"area_slug": area.slug})
    coordinator_client.post(url, {"name": "Fórum", "kind": "discussion_forum", "position": 0})
    assert Body.objects.get(name="Fórum").min_meetings_per_year == 4


def test_split_through_the_form(coordinator_client, group):
    factories.make_membership(group)
    url = reverse("structure:change_create", kwargs={"area_slug": group.area.slug})
    response = coordinator_client.post(
        url,
        {
            "kind": "split",
            "effective_on": "2018-04-01",
            "predecessors": [group.pk],
            "new_names": "Senioři A\nSenioři B\n",
        },
    )
    assert response.status_code == 302
    change = StructureChange.objects.get()
    assert sorted(b.name for b in change.successors.all()) == ["Senioři A", "Senioři B"]
    group.refresh_from_db()
    assert str(group.dissolved_on) == "2018-03-31"


def test_split_into_one_body_is_refused(coordinator_client, group):
    url = reverse("structure:change_create", kwargs={"area_slug": group.area.slug})
    response = coordinator_client.post(
        url,
        {
            "kind": "split",
            "effective_on": "2018-04-01",
            "predecessors": [group.pk],
            "new_names": "Jen jedna",
        },
    )
    assert _errors(response, "new_names") == ["Rozdělením musí vzniknout nejméně dva nové orgány."]
    assert not StructureChange.objects.exists()
    group.refresh_from_db()
    assert group.dissolved_on is None


def test_election_without_a_majority_is_refused(coordinator_client, group, leader, member):
    url = reverse(
        "people:election_create", kwargs={"area_slug": group.area.slug, "body_pk": group.pk}
    )
    candidate = member.person
    response = coordinator_client.post(
        url,
        {
            "held_on": "2019-05-01",
            "elected": candidate.pk,
            "coordinator_voted": "on",
            "votes_for": 1,
            "votes_against": 1,
            "votes_abstained": 0,
        },
    )
    assert _errors(response, "votes_for")
    assert not LeaderElection.objects.exists()
    assert Membership.objects.get(person=candidate).function == "member"


def test_second_leader_through_the_form_is_refused(coordinator_client, group, leader):
    person = factories.make_person(group.area)
    url = reverse(
        "people:membership_add", kwargs={"area_slug": group.area.slug, "body_pk": group.pk}
    )
    response = coordinator_client.post(
        url,
        {
            "person": person.pk,
            "triad_side": "provider",
            "function": "leader",
            "start_on": "2019-01-01",
        },
    )
    assert "jednoho vedoucího" in _errors(response, "function")[0]
    assert not Membership.objects.filter(person=person).exists()
