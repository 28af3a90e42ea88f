"""Every write through a service leaves one audit entry per changed object; a refused write
leaves none."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.utils import translation

from triada.audit import selectors
from triada.audit.models import AuditEntry
from triada.people import services as people
from triada.people.models import Membership, TriadSide
from triada.structure import services as structure
from triada.structure.models import Body
from triada.tests import factories

D = datetime.date


def _only_entry() -> AuditEntry:
    (entry,) = AuditEntry.objects.all()
    return entry


@pytest.fixture
def clean_log(db):
    """Forget the entries the fixtures wrote, so each test sees only its own."""
    AuditEntry.objects.all().delete()


# --- who, where, what --------------------------------------------------------------------


def test_create_records_actor_area_type_and_new_values(area, coordinator, clean_log):
    organization = people.organization_create(
        actor=coordinator,
        area=area,
        name="Slezská diakonie",
        ico="65468562",
        usual_side=TriadSide.PROVIDER,
    )
    entry = _only_entry()
    assert (
        entry.actor,
        entry.area,
        entry.action,
        entry.object_type,
        entry.object_id,
        entry.object_repr,
    ) == (
        coordinator,
        area,
        AuditEntry.Action.CREATE,
        "people.organization",
        str(organization.pk),
        "Slezská diakonie",
    )
    assert entry.changes["name"] == [None, "Slezská diakonie"]
    assert entry.changes["ico"] == [None, "65468562"]
    assert entry.changes["area"] == [None, str(area)]
    assert "created_at" not in entry.changes
    assert "id" not in entry.changes


def test_update_records_only_the_changed_fields_old_and_new(area, coordinator):
    organization = factories.make_organization(area, name="Charita Český Těšín")
    AuditEntry.objects.all().delete()
    people.organization_update(
        actor=coordinator,
        organization=organization,
        name="Charita Český Těšín, o. p. s.",
        phone="558 711 111",
    )
    entry = _only_entry()
    assert (entry.action, entry.actor, entry.area) == (AuditEntry.Action.UPDATE, coordinator, area)
    assert entry.changes == {
        "name": ["Charita Český Těšín", "Charita Český Těšín, o. p. s."],
        "phone": ["", "558 711 111"],
    }


def test_update_that_changes_nothing_leaves_no_entry(area, coordinator):
    organization = factories.make_organization(area, name="Charita")
    AuditEntry.objects.all().delete()
    people.organization_update(actor=coordinator, organization=organization, name="Charita")
    assert not AuditEntry.objects.exists()


def test_person_consent_change_is_recorded(area, coordinator):
    person = factories.make_person(area, first_name="Eva", last_name="Nováková")
    AuditEntry.objects.all().delete()
    people.person_update(actor=coordinator, person=person, public_consent=True)
    entry = _only_entry()
    assert (entry.object_type, entry.object_repr) == ("people.person", "Eva Nováková")
    assert entry.changes == {"public_consent": ["False", "True"]}


def test_membership_create_records_the_person_body_and_dates(group, coordinator):
    person = factories.make_person(group.area, first_name="Eva", last_name="Nováková")
    AuditEntry.objects.all().delete()
    people.membership_create(
        actor=coordinator,
        body=group,
        person=person,
        triad_side=TriadSide.USER,
        start_on=D(2017, 1, 1),
    )
    entry = _only_entry()
    assert (entry.object_type, entry.area) == ("people.membership", group.area)
    assert entry.changes["person"] == [None, "Eva Nováková"]
    assert entry.changes["body"] == [None, "Senioři"]
    assert entry.changes["start_on"] == [None, "2017-01-01"]
    assert "end_on" not in entry.changes  # None before and after


def test_membership_end_records_the_end_date(group, member, coordinator, clean_log):
    seat = Membership.objects.get(person=member.person)
    people.membership_end(actor=coordinator, membership=seat, end_on=D(2019, 12, 31))
    entry = _only_entry()
    assert (entry.action, entry.object_id) == (AuditEntry.Action.UPDATE, str(seat.pk))
    assert entry.changes == {"end_on": [None, "2019-12-31"]}


def test_membership_delete_records_the_old_values(group, member, coordinator, clean_log):
    seat = Membership.objects.get(person=member.person)
    seat_pk = seat.pk
    people.membership_delete(actor=coordinator, membership=seat)
    entry = _only_entry()
    assert (entry.action, entry.object_id) == (AuditEntry.Action.DELETE, str(seat_pk))
    assert entry.changes["triad_side"] == [TriadSide.USER, None]
    assert entry.changes["start_on"] == ["2017-01-01", None]
    assert not Membership.objects.filter(pk=seat_pk).exists()


def test_body_create_records_its_relations_in_the_summary(area, coordinator, clean_log):
    steering = structure.body_create(
        actor=coordinator, area=area, name="Řídící skupina", kind=Body.Kind.STEERING_GROUP
    )
    structure.body_create(
        actor=coordinator,
        area=area,
        name="Senioři",
        kind=Body.Kind.WORKING_GROUP,
        reports_to=[steering],
    )
    entry = AuditEntry.objects.filter(object_repr="Senioři").get()
    assert (entry.object_type, entry.actor) == ("structure.body", coordinator)
    assert "Řídící skupina" in entry.summary


def test_body_rename_records_the_name_and_keeps_the_address(group, coordinator, clean_log):
    structure.body_update(actor=coordinator, body=group, name="Senioři a OZP")
    entry = _only_entry()
    assert entry.changes == {"name": ["Senioři", "Senioři a OZP"]}
    group.refresh_from_db()
    assert group.slug == "seniori"  # published links keep working


def test_body_relation_change_is_recorded_in_the_summary(area, group, coordinator, clean_log):
    steering = factories.make_body(area, "Řídící skupina", kind=Body.Kind.STEERING_GROUP)
    AuditEntry.objects.all().delete()
    structure.body_update(actor=coordinator, body=group, reports_to=[steering])
    entry = _only_entry()
    assert entry.changes == {}
    assert "Řídící skupina" in entry.summary


def test_anonymous_or_missing_actor_is_stored_as_nobody(area, clean_log):
    people.person_create(actor=AnonymousUser(), area=area, first_name="A", last_name="B")
    people.person_create(actor=None, area=area, first_name="C", last_name="D")
    assert list(AuditEntry.objects.values_list("actor", flat=True)) == [None, None]


def test_entries_belong_to_the_area_of_the_object(area, other_area, coordinator, clean_log):
    people.person_create(actor=coordinator, area=area, first_name="A", last_name="Těšínská")
    people.person_create(actor=coordinator, area=other_area, first_name="B", last_name="Jičínská")
    assert [e.object_repr for e in selectors.audit_log(area)] == ["A Těšínská"]
    assert [e.object_repr for e in selectors.audit_log(other_area)] == ["B Jičínská"]


def test_audit_log_filters_by_object_type(area, clean_log):
    factories.make_person(area, first_name="Eva", last_name="Nováková")
    factories.make_organization(area, name="Charita")
    assert [e.object_type for e in selectors.audit_log(area, object_type="people.person")] == [
        "people.person"
    ]


def test_describe_labels_the_changed_fields(area, coordinator):
    organization = factories.make_organization(area, name="Charita")
    AuditEntry.objects.all().delete()
    people.organization_update(actor=coordinator, organization=organization, name="Diakonie")
    with translation.override("en"):
        (entry,) = selectors.describe(AuditEntry.objects.all())
        assert entry.type_label == "organization"
        assert entry.change_rows == [("name", "Charita", "Diakonie")]


# --- refused writes leave no trace -------------------------------------------------------


def _refused_leaves_no_entry(call, **kwargs):
    before = AuditEntry.objects.count()
    with pytest.raises(ValidationError):
        call(**kwargs)
    assert AuditEntry.objects.count() == before


def test_refused_organization_create_writes_no_entry(area, coordinator):
    _refused_leaves_no_entry(
        people.organization_create, actor=coordinator, area=area, name="Chybná", ico="12345678"
    )


def test_refused_organization_update_writes_no_entry(area, coordinator):
    organization = factories.make_organization(area, name="Charita")
    _refused_leaves_no_entry(
        people.organization_update, actor=coordinator, organization=organization, ico="00000000 "
    )


def test_refused_person_update_writes_no_entry(area, coordinator):
    person = factories.make_person(area)
    _refused_leaves_no_entry(
        people.person_update, actor=coordinator, person=person, email="not an address"
    )


def test_refused_membership_create_writes_no_entry(group, leader, coordinator):
    newcomer = factories.make_person(group.area)
    _refused_leaves_no_entry(
        people.membership_create,
        actor=coordinator,
        body=group,
        person=newcomer,
        triad_side=TriadSide.USER,
        function=Membership.Function.LEADER,
        start_on=D(2018, 1, 1),
    )


def test_refused_membership_update_writes_no_entry(group, member, coordinator):
    seat = Membership.objects.get(person=member.person)
    _refused_leaves_no_entry(
        people.membership_update, actor=coordinator, membership=seat, end_on=D(2016, 1, 1)
    )


def test_refused_leader_election_writes_no_entry(group, leader, member, coordinator):
    _refused_leaves_no_entry(
        people.leader_election_record,
        actor=coordinator,
        body=group,
        held_on=D(2019, 3, 1),
        elected=member.person,
        votes_for=1,
        votes_against=1,
    )


def test_refused_body_update_writes_no_entry(group, member, coordinator):
    _refused_leaves_no_entry(
        structure.body_update, actor=coordinator, body=group, dissolved_on=D(2018, 12, 31)
    )


def test_refused_structure_change_writes_no_entry(area, group, member, coordinator):
    _refused_leaves_no_entry(
        structure.structure_change_record,
        actor=coordinator,
        area=area,
        kind="split",
        effective_on=D(2018, 9, 1),
        predecessors=[group],
        new_names=["Jediná"],
    )
