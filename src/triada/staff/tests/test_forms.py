"""Staff forms: bad input gets a clear Czech message on its field and changes nothing."""

import datetime

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


def _structure_fixture(area):
    steering = factories.make_body(
        area, "ŘS", kind=Body.Kind.STEERING_GROUP, established_on=datetime.date(2015, 1, 1)
    )
    group = factories.make_body(
        area, "PS 1", reports_to=[steering], established_on=datetime.date(2015, 1, 1)
    )
    return steering, group


def test_rename_through_the_form_relinks_the_bodies_below(coordinator_client, area):
    steering, group = _structure_fixture(area)
    url = reverse("structure:change_create", kwargs={"area_slug": area.slug})
    response = coordinator_client.post(
        url,
        {
            "kind": "rename",
            "effective_on": "2019-01-01",
            "predecessors": [steering.pk],
            "new_names": "Řídící skupina KPSS",
            "carry_over_members": "on",
        },
    )
    assert response.status_code == 302
    new = Body.objects.get(name="Řídící skupina KPSS")
    targets = set(group.outgoing_relations.values_list("target__name", flat=True))
    assert targets == {"ŘS", "Řídící skupina KPSS"}  # the old link stays as history
    assert new.incoming_relations.get().source == group


def test_revision_of_a_group_and_its_steering_group_makes_no_self_links(area):
    from triada.structure import services

    steering, group = _structure_fixture(area)
    group.position = 0
    group.save()
    steering.position = 5
    steering.save()
    council = factories.make_body(area, "Rada", kind=Body.Kind.COUNCIL)
    services.body_update(actor=None, body=steering, reports_to=[council])
    change = services.structure_change_record(
        actor=None,
        area=area,
        kind="revision",
        effective_on=datetime.date(2019, 1, 1),
        predecessors=[group, steering],
        new_names=["Fórum A", "Fórum B"],
    )
    for body in change.successors.all():
        assert not body.outgoing_relations.filter(target=body).exists()
        # The first former body reported only to a former body: nothing dissolved is inherited.
        assert not body.outgoing_relations.filter(target__in=[group, steering]).exists()


def test_editing_a_body_keeps_its_links_to_dissolved_bodies(coordinator_client, area):
    from triada.structure import services

    steering, group = _structure_fixture(area)
    services.structure_change_record(
        actor=None,
        area=area,
        kind="rename",
        effective_on=datetime.date(2019, 1, 1),
        predecessors=[steering],
        new_names=["Nová ŘS"],
    )
    new = Body.objects.get(name="Nová ŘS")
    url = reverse("structure:body_edit", kwargs={"area_slug": area.slug, "pk": group.pk})
    offered = coordinator_client.get(url).context["form"].fields["reports_to"].queryset
    assert steering not in offered  # a dissolved body is not offered …
    data = {
        "name": "PS 1",
        "kind": "working_group",
        "position": 0,
        "established_on": "2015-01-01",
        "description": "Opravený popis",
        "reports_to": [new.pk],
    }
    assert coordinator_client.post(url, data).status_code == 302
    names = set(group.outgoing_relations.values_list("target__name", flat=True))
    assert names == {"ŘS", "Nová ŘS"}  # … yet its link stays as history


def test_a_reporting_loop_is_refused(coordinator_client, area):
    steering, group = _structure_fixture(area)
    url = reverse("structure:body_edit", kwargs={"area_slug": area.slug, "pk": steering.pk})
    response = coordinator_client.post(
        url,
        {
            "name": "ŘS",
            "kind": "steering_group",
            "position": 0,
            "established_on": "2015-01-01",
            "reports_to": [group.pk],
        },
    )
    assert response.status_code == 200
    assert "podřízen" in " ".join(response.context["form"].errors["reports_to"])  # Czech
    assert not steering.outgoing_relations.exists()


def test_a_date_out_of_range_is_a_form_error_not_a_crash(coordinator_client, group):
    url = reverse("structure:change_create", kwargs={"area_slug": group.area.slug})
    response = coordinator_client.post(
        url,
        {
            "kind": "rename",
            "effective_on": "0001-01-01",
            "predecessors": [group.pk],
            "new_names": "X",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["effective_on"]


def test_unicode_digits_in_the_query_string_are_ignored(coordinator_client, group):
    from triada.people.models import Person

    slug = group.area.slug
    add = reverse("people:membership_add", kwargs={"area_slug": slug, "body_pk": group.pk})
    assert coordinator_client.get(add + "?osoba=²").status_code == 200
    create = reverse("people:person_create", kwargs={"area_slug": slug}) + "?organ=²"
    response = coordinator_client.post(create, {"first_name": "Jan", "last_name": "Dvořák"})
    assert response.status_code == 302
    assert Person.objects.filter(last_name="Dvořák").count() == 1
    meetings = reverse("meetings:meetings", kwargs={"area_slug": slug})
    assert coordinator_client.get(meetings + "?organ=²&rok=٢٠١٩").status_code == 200
