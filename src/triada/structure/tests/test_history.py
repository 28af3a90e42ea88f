"""The structure through time: bodies existing on a day, dated changes (split, merge, rename)
and the tree of the structure on a day."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from triada.audit.models import AuditEntry
from triada.people.models import Membership, TriadSide
from triada.structure import selectors, services
from triada.structure.models import Body, BodyRelation, StructureChange
from triada.tests import factories

D = datetime.date
F = Membership.Function
K = StructureChange.Kind
WG = Body.Kind.WORKING_GROUP

SPLIT_ON = D(2018, 9, 1)
LAST_DAY = D(2018, 8, 31)
OZZ_A_SENIORI = "Osoby se zdravotním znevýhodněním a senioři"
OZZ = "Osoby se zdravotním znevýhodněním"
SENIORI = "Senioři"


def _counts() -> tuple[int, ...]:
    return (
        Body.objects.count(),
        Membership.objects.count(),
        StructureChange.objects.count(),
        BodyRelation.objects.count(),
        AuditEntry.objects.count(),
    )


def _person(area, last_name: str):
    return factories.make_person(area, first_name="Jana", last_name=last_name)


@pytest.fixture
def tesin(area):
    """Český Těšín before the 2018 split: assembly ← council ← ŘS ← three working groups.

    The ŘS answers to both the council and the assembly."""
    make = factories.make_body
    assembly = make(area, "Zastupitelstvo města", kind=Body.Kind.ASSEMBLY, position=1)
    council = make(area, "Rada města", kind=Body.Kind.COUNCIL, position=2, reports_to=[assembly])
    steering = make(
        area,
        "Řídící skupina",
        kind=Body.Kind.STEERING_GROUP,
        position=3,
        reports_to=[council, assembly],
        established_on=D(2008, 1, 1),
    )
    families = make(
        area,
        "Děti-mládež-rodina a osoby ohrožené sociálním vyloučením",
        position=10,
        reports_to=[steering],
        established_on=D(2008, 1, 1),
    )
    mixed = make(
        area,
        OZZ_A_SENIORI,
        position=11,
        reports_to=[steering],
        approves_outputs_of=[],
        established_on=D(2008, 1, 1),
        description="Senioři; osoby se zdravotním postižením a duševním onemocněním",
        target_groups="senioři, OZP",
    )
    return {
        "assembly": assembly,
        "council": council,
        "steering": steering,
        "families": families,
        "mixed": mixed,
    }


@pytest.fixture
def mixed_members(area, tesin):
    """Members of the group that is going to be split."""
    mixed = tesin["mixed"]
    add = factories.make_membership
    return {
        "leader": add(
            mixed, _person(area, "Vedoucí"), function=F.LEADER, side=TriadSide.COMMISSIONER
        ),
        "member": add(mixed, _person(area, "Stálá"), side=TriadSide.USER),
        "left": add(mixed, _person(area, "Odešlá"), end_on=D(2017, 6, 30)),
        "planned_end": add(mixed, _person(area, "Dočasná"), end_on=D(2019, 12, 31)),
    }


def _split(area, tesin, **kwargs):
    kwargs.setdefault("new_names", [OZZ, SENIORI])
    return services.structure_change_record(
        actor=None,
        area=area,
        kind=K.SPLIT,
        effective_on=SPLIT_ON,
        predecessors=[tesin["mixed"]],
        **kwargs,
    )


def _refused(**kwargs) -> ValidationError:
    before = _counts()
    with pytest.raises(ValidationError) as exc:
        services.structure_change_record(actor=None, **kwargs)
    assert _counts() == before
    return exc.value


# --- bodies on a day ---------------------------------------------------------------------


@pytest.fixture
def short_lived(area):
    return factories.make_body(
        area, "Pracovní skupina Bydlení", established_on=D(2015, 1, 1), dissolved_on=D(2018, 8, 31)
    )


@pytest.mark.parametrize(
    ("day", "active"),
    [
        (D(2014, 12, 31), False),
        (D(2015, 1, 1), True),
        (D(2018, 8, 31), True),
        (D(2018, 9, 1), False),
    ],
)
def test_body_exists_from_establishment_to_dissolution_inclusive(short_lived, day, active):
    assert short_lived.is_active_on(day) is active
    assert Body.objects.filter(pk=short_lived.pk).active_on(day).exists() is active


def test_body_without_dates_always_exists(area):
    body = factories.make_body(area, "Komise sociální", kind=Body.Kind.COMMITTEE)
    assert body.is_active_on(D(1990, 1, 1))
    assert list(Body.objects.active_on(D(2100, 1, 1))) == [body]


def test_current_bodies_include_a_planned_dissolution(area, short_lived):
    planned = factories.make_body(area, "Dožívající", dissolved_on=D(2100, 1, 1))
    current = set(Body.objects.filter(area=area).current())
    assert planned in current
    assert short_lived not in current  # dissolved in 2018


# --- a split: Český Těšín 2018 -----------------------------------------------------------


def test_split_dissolves_the_former_group_the_day_before(area, tesin, mixed_members):
    _split(area, tesin)
    tesin["mixed"].refresh_from_db()
    assert tesin["mixed"].dissolved_on == LAST_DAY


def test_split_ends_the_active_memberships_the_day_before(area, tesin, mixed_members):
    _split(area, tesin)
    ends = {key: Membership.objects.get(pk=m.pk).end_on for key, m in mixed_members.items()}
    assert ends == {
        "leader": LAST_DAY,
        "member": LAST_DAY,
        "left": D(2017, 6, 30),
        "planned_end": LAST_DAY,
    }


def test_split_creates_the_new_groups_from_the_day(area, tesin, mixed_members):
    change = _split(area, tesin)
    new = list(change.successors.order_by("position"))
    assert [(b.name, b.kind, b.established_on, b.dissolved_on) for b in new] == [
        (OZZ, WG, SPLIT_ON, None),
        (SENIORI, WG, SPLIT_ON, None),
    ]
    assert [b.min_meetings_per_year for b in new] == [4, 4]


def test_split_groups_report_where_the_former_group_reported(area, tesin, mixed_members):
    change = _split(area, tesin)
    for body in change.successors.all():
        assert [r.target for r in body.outgoing_relations.filter(kind="reports_to")] == [
            tesin["steering"]
        ]


def test_split_links_the_change_both_ways(area, tesin, mixed_members):
    change = _split(area, tesin, description="Rozdělení PS v roce 2018")
    new = set(change.successors.all())
    assert {b.name for b in new} == {OZZ, SENIORI}
    assert list(change.predecessors.all()) == [tesin["mixed"]]
    assert list(tesin["mixed"].ended_by_changes.all()) == [change]
    for body in new:
        assert list(body.started_by_changes.all()) == [change]
    assert (change.kind, change.effective_on, change.area) == (K.SPLIT, SPLIT_ON, area)


def test_split_new_groups_start_without_members(area, tesin, mixed_members):
    change = _split(area, tesin, carry_over_members=True)
    assert not Membership.objects.filter(body__in=change.successors.all()).exists()


def test_bodies_reporting_to_the_former_group_report_to_the_new_ones(area, tesin):
    platform = factories.make_body(
        area, "Odborná platforma", kind=Body.Kind.EXPERT_PLATFORM, reports_to=[tesin["mixed"]]
    )
    change = _split(area, tesin)
    targets = set(
        BodyRelation.objects.filter(source=platform, kind="reports_to").values_list(
            "target__name", flat=True
        )
    )
    assert {OZZ, SENIORI} <= targets
    assert set(change.successors.all()) <= {r.target for r in platform.outgoing_relations.all()}


def test_body_with_a_later_dissolution_date_is_relinked_too(area, tesin):
    platform = factories.make_body(
        area,
        "Odborná platforma",
        kind=Body.Kind.EXPERT_PLATFORM,
        reports_to=[tesin["mixed"]],
        dissolved_on=D(2020, 12, 31),
    )
    _split(area, tesin)
    targets = set(
        BodyRelation.objects.filter(source=platform, kind="reports_to").values_list(
            "target__name", flat=True
        )
    )
    assert {OZZ, SENIORI} <= targets


def test_split_writes_audit_entries(area, tesin, mixed_members):
    before = AuditEntry.objects.count()
    change = _split(area, tesin)
    entries = AuditEntry.objects.filter(area=area).order_by("pk")[before:]
    kinds = [(e.object_type, e.action) for e in entries]
    # three memberships ended, the group dissolved, two groups created, the change recorded
    assert kinds.count(("people.membership", "update")) == 3
    assert kinds.count(("structure.body", "update")) == 1
    assert kinds.count(("structure.body", "create")) == 2
    assert kinds[-1] == ("structure.structurechange", "create")
    assert entries[len(kinds) - 1].object_id == str(change.pk)


# --- the shape of a change ---------------------------------------------------------------


def test_split_into_one_body_is_refused(area, tesin, mixed_members):
    error = _refused(
        area=area,
        kind=K.SPLIT,
        effective_on=SPLIT_ON,
        predecessors=[tesin["mixed"]],
        new_names=[OZZ, "   "],
    )
    assert set(error.message_dict) == {"new_names"}
    tesin["mixed"].refresh_from_db()
    assert tesin["mixed"].dissolved_on is None


def test_split_of_two_bodies_is_refused(area, tesin):
    error = _refused(
        area=area,
        kind=K.SPLIT,
        effective_on=SPLIT_ON,
        predecessors=[tesin["mixed"], tesin["families"]],
        new_names=[OZZ, SENIORI],
    )
    assert set(error.message_dict) == {"predecessors"}


def test_merge_of_one_body_is_refused(area, tesin, mixed_members):
    error = _refused(
        area=area,
        kind=K.MERGE,
        effective_on=SPLIT_ON,
        predecessors=[tesin["mixed"]],
        new_names=["Spojená skupina"],
    )
    assert set(error.message_dict) == {"predecessors"}
    assert Membership.objects.get(pk=mixed_members["member"].pk).end_on is None


def test_merge_into_two_bodies_is_refused(area, tesin):
    error = _refused(
        area=area,
        kind=K.MERGE,
        effective_on=SPLIT_ON,
        predecessors=[tesin["mixed"], tesin["families"]],
        new_names=["A", "B"],
    )
    assert set(error.message_dict) == {"new_names"}


def test_rename_to_no_name_is_refused(area, tesin):
    error = _refused(
        area=area,
        kind=K.RENAME,
        effective_on=SPLIT_ON,
        predecessors=[tesin["mixed"]],
        new_names=[""],
    )
    assert set(error.message_dict) == {"new_names"}


def test_change_of_a_body_of_another_area_is_refused(area, other_area, tesin):
    foreign = factories.make_body(other_area, "Péče o seniory")
    error = _refused(
        area=area,
        kind=K.RENAME,
        effective_on=SPLIT_ON,
        predecessors=[foreign],
        new_names=["Senioři"],
    )
    assert set(error.message_dict) == {"predecessors"}


def test_change_of_a_body_not_existing_the_day_before_is_refused(area, tesin):
    error = _refused(
        area=area,
        kind=K.RENAME,
        effective_on=D(2008, 1, 1),
        predecessors=[tesin["mixed"]],
        new_names=["Senioři"],
    )
    assert set(error.message_dict) == {"predecessors"}


def test_change_of_a_body_with_memberships_from_the_day_on_is_refused(area, tesin):
    factories.make_membership(tesin["mixed"], _person(area, "Budoucí"), start_on=SPLIT_ON)
    error = _refused(
        area=area,
        kind=K.SPLIT,
        effective_on=SPLIT_ON,
        predecessors=[tesin["mixed"]],
        new_names=[OZZ, SENIORI],
    )
    assert set(error.message_dict) == {"predecessors"}


# --- a merge -----------------------------------------------------------------------------

MERGE_ON = D(2020, 1, 1)


@pytest.fixture
def two_groups(area, tesin):
    """Two groups to be merged; Sdílená sits in both."""
    first, second = tesin["families"], tesin["mixed"]
    add = factories.make_membership
    charity = factories.make_organization(area, name="Charita")
    shared = _person(area, "Sdílená")
    return {
        "first_leader": add(
            first, _person(area, "Prvá"), function=F.LEADER, side=TriadSide.COMMISSIONER
        ),
        "first_member": add(first, _person(area, "Členka"), organization=charity),
        "shared_in_first": add(first, shared, side=TriadSide.USER),
        "second_leader": add(second, _person(area, "Druhá"), function=F.LEADER),
        "second_deputy": add(second, _person(area, "Zástupkyně"), function=F.DEPUTY_LEADER),
        "shared_in_second": add(second, shared, side=TriadSide.USER),
        "gone": add(second, _person(area, "Bývalá"), end_on=D(2018, 12, 31)),
    }


def _merge(area, tesin, **kwargs):
    return services.structure_change_record(
        actor=None,
        area=area,
        kind=K.MERGE,
        effective_on=MERGE_ON,
        predecessors=[tesin["families"], tesin["mixed"]],
        new_names=["Sociální začleňování"],
        **kwargs,
    )


def _seats(body) -> dict[str, tuple]:
    return {
        m.person.last_name: (m.function, m.triad_side, m.organization, m.start_on, m.end_on)
        for m in body.memberships.select_related("person", "organization")
    }


def test_merge_with_carry_over_continues_the_members_in_the_new_group(area, tesin, two_groups):
    change = _merge(area, tesin, carry_over_members=True)
    (merged,) = change.successors.all()
    charity = two_groups["first_member"].organization
    assert _seats(merged) == {
        "Prvá": (F.MEMBER, TriadSide.COMMISSIONER, None, MERGE_ON, None),
        "Členka": (F.MEMBER, TriadSide.PROVIDER, charity, MERGE_ON, None),
        "Sdílená": (F.MEMBER, TriadSide.USER, None, MERGE_ON, None),
        "Druhá": (F.MEMBER, TriadSide.PROVIDER, None, MERGE_ON, None),
        "Zástupkyně": (F.MEMBER, TriadSide.PROVIDER, None, MERGE_ON, None),
    }


def test_merge_carries_a_person_of_both_groups_once(area, tesin, two_groups):
    change = _merge(area, tesin, carry_over_members=True)
    merged = change.successors.get()
    assert merged.memberships.filter(person__last_name="Sdílená").count() == 1


def test_merge_leaves_the_new_group_without_a_leader(area, tesin, two_groups):
    change = _merge(area, tesin, carry_over_members=True)
    merged = change.successors.get()
    assert not merged.memberships.filter(function__in=Membership.LEADING_FUNCTIONS).exists()


def test_merge_ends_the_former_memberships_and_dissolves_both_groups(area, tesin, two_groups):
    _merge(area, tesin, carry_over_members=True)
    for key in ("families", "mixed"):
        tesin[key].refresh_from_db()
        assert tesin[key].dissolved_on == D(2019, 12, 31)
        assert not tesin[key].memberships.filter(end_on__isnull=True).exists()
    assert Membership.objects.get(pk=two_groups["gone"].pk).end_on == D(2018, 12, 31)


def test_merge_takes_kind_and_reporting_lines_of_the_first_group(area, tesin, two_groups):
    merged = _merge(area, tesin).successors.get()
    assert merged.kind == WG
    assert [r.target for r in merged.outgoing_relations.all()] == [tesin["steering"]]


def test_merge_without_carry_over_starts_empty(area, tesin, two_groups):
    merged = _merge(area, tesin).successors.get()
    assert not merged.memberships.exists()


def test_merge_does_not_carry_over_a_member_who_leaves_the_day_before(area, tesin):
    factories.make_membership(
        tesin["families"], _person(area, "Odcházející"), end_on=D(2019, 12, 31)
    )
    factories.make_membership(tesin["mixed"], _person(area, "Zůstávající"))
    merged = _merge(area, tesin, carry_over_members=True).successors.get()
    assert list(merged.memberships.values_list("person__last_name", flat=True)) == ["Zůstávající"]


def test_merge_keeps_a_planned_end_of_a_carried_membership(area, tesin):
    factories.make_membership(tesin["families"], _person(area, "Dočasná"), end_on=D(2020, 6, 30))
    factories.make_membership(tesin["mixed"], _person(area, "Stálá"))
    merged = _merge(area, tesin, carry_over_members=True).successors.get()
    assert merged.memberships.get(person__last_name="Dočasná").end_on == D(2020, 6, 30)


def test_merge_keeps_a_member_who_was_a_guest_in_the_other_group_as_member(area, tesin):
    person = _person(area, "Hostující")
    factories.make_membership(tesin["families"], person, function=F.GUEST)
    factories.make_membership(tesin["mixed"], person)
    merged = _merge(area, tesin, carry_over_members=True).successors.get()
    assert merged.memberships.get(person=person).function == F.MEMBER


# --- a rename ----------------------------------------------------------------------------


def test_rename_with_carry_over_keeps_functions_and_description(area, tesin, mixed_members):
    tesin["mixed"].short_name = "PS OZZ+S"
    tesin["mixed"].save()
    change = services.structure_change_record(
        actor=None,
        area=area,
        kind=K.RENAME,
        effective_on=SPLIT_ON,
        predecessors=[tesin["mixed"]],
        new_names=["Senioři a osoby se zdravotním postižením"],
        carry_over_members=True,
    )
    renamed = change.successors.get()
    assert (renamed.short_name, renamed.description, renamed.target_groups) == (
        "PS OZZ+S",
        tesin["mixed"].description,
        "senioři, OZP",
    )
    assert {m.person.last_name: m.function for m in renamed.memberships.all()} == {
        "Vedoucí": F.LEADER,
        "Stálá": F.MEMBER,
        "Dočasná": F.MEMBER,
    }
    assert set(renamed.memberships.values_list("start_on", flat=True)) == {SPLIT_ON}


# --- the structure on a day --------------------------------------------------------------


def _tree(view) -> dict:
    def node(n):
        return {
            "name": n.body.name,
            "children": [node(c) for c in n.children],
            "also": [b.name for b in n.also_reports_to],
        }

    return {"roots": [node(r) for r in view.roots]}


def test_structure_before_the_split(area, tesin):
    _split(area, tesin)
    view = selectors.structure_on(area, LAST_DAY)
    assert [b.name for b in view.working_groups] == [
        "Děti-mládež-rodina a osoby ohrožené sociálním vyloučením",
        OZZ_A_SENIORI,
    ]
    steering = view.nodes[tesin["steering"].pk]
    assert [c.body.name for c in steering.children] == [
        "Děti-mládež-rodina a osoby ohrožené sociálním vyloučením",
        OZZ_A_SENIORI,
    ]


def test_structure_after_the_split(area, tesin):
    _split(area, tesin)
    view = selectors.structure_on(area, SPLIT_ON)
    assert [b.name for b in view.working_groups] == [
        "Děti-mládež-rodina a osoby ohrožené sociálním vyloučením",
        OZZ,
        SENIORI,
    ]
    steering = view.nodes[tesin["steering"].pk]
    assert [c.body.name for c in steering.children] == [
        "Děti-mládež-rodina a osoby ohrožené sociálním vyloučením",
        OZZ,
        SENIORI,
    ]
    assert tesin["mixed"].pk not in view.nodes


def test_body_reporting_to_two_bodies_appears_once_under_the_first(area, tesin):
    # The ŘS reports to the council and the assembly; "first" is the first in the order of
    # the structure (position 1 = the assembly), whatever order the relations were given in.
    view = selectors.structure_on(area, D(2018, 1, 1))
    assert _tree(view) == {
        "roots": [
            {
                "name": "Zastupitelstvo města",
                "also": [],
                "children": [
                    {"name": "Rada města", "also": [], "children": []},
                    {
                        "name": "Řídící skupina",
                        "also": ["Rada města"],
                        "children": [
                            {
                                "name": "Děti-mládež-rodina a osoby ohrožené sociálním vyloučením",
                                "also": [],
                                "children": [],
                            },
                            {"name": OZZ_A_SENIORI, "also": [], "children": []},
                        ],
                    },
                ],
            }
        ]
    }


def test_first_parent_follows_the_position_of_the_bodies(area, tesin):
    services.body_update(actor=None, body=tesin["assembly"], position=9)
    view = selectors.structure_on(area, D(2018, 1, 1))
    steering = view.nodes[tesin["steering"].pk]
    council = view.nodes[tesin["council"].pk]
    assert steering in council.children
    assert [b.name for b in steering.also_reports_to] == ["Zastupitelstvo města"]
    assert [r.body.name for r in view.roots] == ["Zastupitelstvo města"]


def test_structure_before_a_body_was_established_leaves_it_out(area, tesin):
    view = selectors.structure_on(area, D(2007, 12, 31))
    assert [b.name for b in view.bodies] == ["Zastupitelstvo města", "Rada města"]


# --- dissolving a body directly ----------------------------------------------------------


def test_body_update_refuses_a_dissolution_while_memberships_go_on(area, tesin, mixed_members):
    mixed = tesin["mixed"]
    before = _counts()
    with pytest.raises(ValidationError) as exc:
        services.body_update(actor=None, body=mixed, dissolved_on=D(2018, 12, 31))
    assert set(exc.value.message_dict) == {"dissolved_on"}
    assert _counts() == before
    assert Body.objects.get(pk=mixed.pk).dissolved_on is None


def test_body_update_refuses_a_dissolution_before_a_membership_ends(area, tesin):
    mixed = tesin["mixed"]
    factories.make_membership(mixed, _person(area, "Dlouhá"), end_on=D(2019, 6, 30))
    with pytest.raises(ValidationError) as exc:
        services.body_update(actor=None, body=mixed, dissolved_on=D(2019, 6, 29))
    assert set(exc.value.message_dict) == {"dissolved_on"}


def test_body_update_accepts_a_dissolution_once_memberships_ended(area, tesin):
    mixed = tesin["mixed"]
    factories.make_membership(mixed, _person(area, "Dlouhá"), end_on=D(2019, 6, 30))
    services.body_update(actor=None, body=mixed, dissolved_on=D(2019, 6, 30))
    assert Body.objects.get(pk=mixed.pk).dissolved_on == D(2019, 6, 30)


def test_body_update_refuses_an_establishment_after_a_membership_starts(area, tesin, mixed_members):
    with pytest.raises(ValidationError) as exc:
        services.body_update(actor=None, body=tesin["mixed"], established_on=D(2017, 1, 2))
    assert set(exc.value.message_dict) == {"established_on"}
    assert Body.objects.get(pk=tesin["mixed"].pk).established_on == D(2008, 1, 1)
