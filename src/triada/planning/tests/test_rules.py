"""The plan's rules, through its services: versions and freezing, one version in force, the
tree's numbering and moves, costs and targets within the period, settlement, approval and
the roll-up of progress."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from triada.needs import services as needs_services
from triada.needs.models import Need
from triada.planning import services
from triada.planning.models import (
    ApprovalStep,
    Comment,
    Cost,
    Evaluation,
    PlanItem,
    PlanVersion,
)
from triada.planning.selectors import (
    action_plan,
    compare_versions,
    plan_progress,
    plan_tree,
)
from triada.structure.models import Body
from triada.tests import factories

S = PlanVersion.Status
TODAY = datetime.date.today()


@pytest.fixture(autouse=True)
def english():
    """The rules' messages are asserted in English here; the pages' tests read them in Czech."""
    with translation.override("en"):
        yield


@pytest.fixture
def version(area, group):
    return factories.make_plan(area, owner=group)


def items(version, kind):
    return list(version.items.filter(kind=kind).order_by("position", "pk"))


def numbers(version):
    return [(node.number, node.item.title) for node in plan_tree(version)]


def test_numbering_follows_the_order_of_the_tree(version):
    assert numbers(version) == [
        ("1", "Senioři"),
        ("1.1", "Péče v domácnosti"),
        ("1.1.1", "Dostupná pečovatelská služba"),
        ("1.1.1.1", "Rozšíření pečovatelské služby"),
        ("1.1.1.1.1", "Víkendová služba"),
        ("1.1.1.1.2", "Nový automobil"),
    ]


def test_kind_follows_the_parent_and_an_activity_has_no_children(version):
    activity = items(version, PlanItem.Kind.ACTIVITY)[0]
    measure = items(version, PlanItem.Kind.MEASURE)[0]
    assert measure.kind == PlanItem.Kind.MEASURE and activity.parent == measure
    with pytest.raises(ValidationError) as error:
        services.item_create(actor=None, version=version, parent=activity, title="Pod aktivitou")
    assert "lowest level" in str(error.value)


def test_shift_and_move_renumber_both_parents(version):
    first, second = items(version, PlanItem.Kind.ACTIVITY)
    services.item_shift(actor=None, item=second, offset=-1)
    assert [n for n, t in numbers(version)][-2:] == ["1.1.1.1.1", "1.1.1.1.2"]
    assert numbers(version)[-2][1] == "Nový automobil"

    goal = items(version, PlanItem.Kind.GOAL)[0]
    other = services.item_create(actor=None, version=version, parent=goal, title="Druhé opatření")
    services.item_move(actor=None, item=first, parent=other, position=1)
    assert ("1.1.1.2.1", "Víkendová služba") in numbers(version)
    assert ("1.1.1.1.1", "Nový automobil") in numbers(version)
    assert sorted(i.position for i in items(version, PlanItem.Kind.ACTIVITY)) == [1, 1]


def test_an_item_cannot_move_under_its_own_child(version):
    priority = items(version, PlanItem.Kind.PRIORITY)[0]
    goal = items(version, PlanItem.Kind.GOAL)[0]
    before = numbers(version)
    with pytest.raises(ValidationError) as error:
        services.item_move(actor=None, item=priority, parent=goal)
    assert error.value.message_dict["parent"] == [
        "An item cannot be moved under itself or one of its own sub-items."
    ]
    with pytest.raises(ValidationError) as error:
        services.item_move(actor=None, item=priority, parent=priority)
    assert "under itself" in str(error.value)
    assert numbers(version) == before


def test_an_item_moves_only_under_a_parent_of_the_level_above(version):
    measure = items(version, PlanItem.Kind.MEASURE)[0]
    area_item = items(version, PlanItem.Kind.SUPPORT_AREA)[0]
    with pytest.raises(ValidationError) as error:
        services.item_move(actor=None, item=measure, parent=area_item)
    assert error.value.message_dict["parent"] == ["A measure belongs under a goal."]
    assert PlanItem.objects.get(pk=measure.pk).parent.kind == PlanItem.Kind.GOAL


def test_costs_must_be_numbers_within_the_period(version):
    measure = items(version, PlanItem.Kind.MEASURE)[0]
    for year, amount, field in [
        (2017, "sto tisíc", "amount"),
        (2017, "NaN", "amount"),
        (2017, "-5", "amount"),
        (2021, "1000", "year"),
    ]:
        with pytest.raises(ValidationError) as error:
            services.cost_set(actor=None, item=measure, year=year, source="city", amount=amount)
        assert field in error.value.message_dict
    assert not Cost.objects.exists()
    services.cost_set(actor=None, item=measure, year=2018, source="city", amount="120 000,50")
    services.cost_set(actor=None, item=measure, year=2018, source="city", amount="130000")
    assert list(Cost.objects.values_list("amount", flat=True)) == [Decimal("130000")]


def test_indicator_target_year_outside_the_period_changes_nothing(version):
    measure = items(version, PlanItem.Kind.MEASURE)[0]
    with pytest.raises(ValidationError) as error:
        services.indicator_add(
            actor=None,
            item=measure,
            name="Klienti",
            unit="osoby",
            targets={2018: 40, 2024: 60},
        )
    assert "2024" in error.value.message_dict["year"][0]
    assert not measure.indicators.exists()


def test_a_timeline_outside_the_period_is_refused(version):
    measure = items(version, PlanItem.Kind.MEASURE)[0]
    with pytest.raises(ValidationError) as error:
        services.item_update(actor=None, item=measure, start_year=2016, end_year=2018)
    assert "start_year" in error.value.message_dict
    assert PlanItem.objects.get(pk=measure.pk).start_year is None


def test_a_stale_edit_is_refused(version):
    measure = items(version, PlanItem.Kind.MEASURE)[0]
    services.item_update(actor=None, item=measure, edit_count=0, title="První")
    stale = PlanItem.objects.get(pk=measure.pk)
    stale.edit_count = 0
    with pytest.raises(ValidationError):
        services.item_update(actor=None, item=stale, edit_count=0, title="Druhé")
    assert PlanItem.objects.get(pk=measure.pk).title == "První"


def test_approved_version_is_frozen_and_a_change_makes_a_new_version(version, area):
    measure = items(version, PlanItem.Kind.MEASURE)[0]
    services.cost_set(actor=None, item=measure, year=2018, source="city", amount=1000)
    factories.advance_plan(version, S.APPROVED)
    with pytest.raises(ValidationError) as error:
        services.item_update(actor=None, item=measure, title="Jinak")
    assert "new version" in str(error.value)
    with pytest.raises(ValidationError):
        services.item_create(actor=None, version=version, title="Nová oblast")
    with pytest.raises(ValidationError):
        services.cost_set(actor=None, item=measure, year=2019, source="city", amount=1)
    assert PlanItem.objects.get(pk=measure.pk).title == "Rozšíření pečovatelské služby"

    new = services.version_new(actor=None, version=version)
    assert new.number == 2 and new.status == S.DRAFT
    assert numbers(new) == numbers(version)
    copied = new.items.get(kind=PlanItem.Kind.MEASURE)
    assert copied.key == measure.key and copied.pk != measure.pk
    assert copied.costs.get().amount == 1000
    with pytest.raises(ValidationError):
        services.version_new(actor=None, version=version)  # a draft is already being prepared


def test_only_one_version_is_in_force_in_an_area(area, group):
    old = factories.make_plan(area, owner=group)
    factories.advance_plan(old, S.IN_FORCE)
    new = factories.make_plan(area, owner=group, first_year=2021, last_year=2025)
    assembly = Body.objects.get(area=area, kind=Body.Kind.ASSEMBLY)
    factories.advance_plan(new, S.IN_FORCE, assembly=assembly)
    old.refresh_from_db()
    assert old.status == S.ARCHIVED
    assert list(PlanVersion.objects.filter(status=S.IN_FORCE)) == [new]
    with pytest.raises(ValidationError):
        services.version_put_in_force(actor=None, version=old, in_force_from=TODAY)


def test_every_comment_is_settled_before_the_version_is(version, group):
    factories.advance_plan(version, S.IN_COMMENTS)
    measure = items(version, PlanItem.Kind.MEASURE)[0]
    comment = services.comment_submit(
        version=version, item=measure, section="1.1.1.1", text="Chybí víkendy."
    )
    assert comment.number == 1
    PlanVersion.objects.filter(pk=version.pk).update(  # the period has passed
        comments_from=TODAY - datetime.timedelta(days=20),
        comments_until=TODAY - datetime.timedelta(days=1),
    )
    version.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.comment_submit(version=version, item=None, section="", text="Pozdě")
    assert "not open" in str(error.value)
    with pytest.raises(ValidationError) as error:
        services.version_settle(actor=None, version=version)
    assert "1 comments are not settled" in str(error.value)
    with pytest.raises(ValidationError) as error:
        services.comment_settle(
            actor=None,
            comment=comment,
            decision="accepted",
            reason=" ",
            settled_by=group,
            settled_on=TODAY,
        )
    assert "reason" in error.value.message_dict
    assert Comment.objects.get().decision == ""
    services.comment_settle(
        actor=None,
        comment=comment,
        decision=Comment.Decision.PARTLY,
        reason="Víkendy doplněny od roku 2019.",
        settled_by=group,
        settled_on=TODAY,
    )
    services.version_settle(actor=None, version=version)
    assert version.status == S.SETTLED


def test_the_settlement_waits_for_the_end_of_the_period(version):
    factories.advance_plan(version, S.IN_COMMENTS)
    with pytest.raises(ValidationError) as error:
        services.version_settle(actor=None, version=version)
    assert "runs until" in str(error.value)


def test_approval_path_follows_the_stages_in_time(version, area, group):
    factories.advance_plan(version, S.SETTLED)
    steering = factories.make_body(area, "Řídící skupina", kind=Body.Kind.STEERING_GROUP)
    council = factories.make_body(area, "Rada města", kind=Body.Kind.COUNCIL)
    committee = factories.make_body(area, "Komise", kind=Body.Kind.COMMITTEE)
    day = TODAY - datetime.timedelta(days=10)
    services.approval_step_record(actor=None, version=version, body=steering, decided_on=day)
    with pytest.raises(ValidationError) as error:
        services.approval_step_record(
            actor=None, version=version, body=group, decided_on=day + datetime.timedelta(days=1)
        )
    assert "follow each other in time" in error.value.message_dict["decided_on"][0]
    with pytest.raises(ValidationError) as error:
        services.approval_step_record(actor=None, version=version, body=committee, decided_on=day)
    assert "body" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.version_approve(actor=None, version=version)  # no assembly yet
    services.approval_step_record(
        actor=None, version=version, body=council, decided_on=day, resolution_number="R/12"
    )
    assert [s.stage for s in version.approval_steps.all()] == [
        ApprovalStep.Stage.STEERING_GROUP,
        ApprovalStep.Stage.COUNCIL,
    ]


def test_progress_rolls_up_from_activities_to_the_plan(version):
    factories.advance_plan(version, S.IN_FORCE)
    weekend, car = items(version, PlanItem.Kind.ACTIVITY)
    services.evaluation_record(actor=None, item=weekend, year=2018, status=Evaluation.Status.DONE)
    services.evaluation_record(
        actor=None, item=car, year=2018, status=Evaluation.Status.IN_PROGRESS
    )
    tree = plan_tree(version)
    progress = plan_progress(tree, 2018)
    measure = items(version, PlanItem.Kind.MEASURE)[0]
    assert progress.of(weekend) == 100 and progress.of(car) == 50
    assert progress.of(measure) == 75 and progress.total == 75
    assert plan_progress(tree, 2017).total == 0  # nothing done by then
    # A cancelled activity drops out; the latest status up to the year counts.
    services.evaluation_record(actor=None, item=car, year=2019, status=Evaluation.Status.CANCELLED)
    assert plan_progress(tree, 2019).total == 100
    assert plan_progress(tree, 2018).total == 75
    # A measure closed as a whole counts as done, whatever its activities say.
    services.evaluation_record(actor=None, item=weekend, year=2020, status="not_started")
    services.evaluation_record(actor=None, item=measure, year=2020, status="done")
    assert plan_progress(tree, 2020).of(measure) == 100


def test_costs_sit_on_one_level_of_a_branch(version):
    measure = items(version, PlanItem.Kind.MEASURE)[0]
    weekend = items(version, PlanItem.Kind.ACTIVITY)[0]
    services.cost_set(actor=None, item=measure, year=2018, source="city", amount=10)
    with pytest.raises(ValidationError) as error:
        services.cost_set(actor=None, item=weekend, year=2018, source="city", amount=5)
    assert "not for both" in str(error.value)
    assert Cost.objects.count() == 1


def test_evaluation_rejects_a_year_outside_the_period_and_bad_evidence(version):
    factories.advance_plan(version, S.IN_FORCE)
    measure = items(version, PlanItem.Kind.MEASURE)[0]
    with pytest.raises(ValidationError):
        services.evaluation_record(actor=None, item=measure, year=2021, status="done")
    with pytest.raises(ValidationError) as error:
        services.evaluation_record(
            actor=None, item=measure, year=2018, status="done", evidence="zápis z jednání"
        )
    assert "evidence" in error.value.message_dict
    assert not Evaluation.objects.exists()


def test_a_draft_is_not_evaluated(version):
    measure = items(version, PlanItem.Kind.MEASURE)[0]
    with pytest.raises(ValidationError):
        services.evaluation_record(actor=None, item=measure, year=2018, status="done")


def test_action_plan_sums_costs_per_area_and_source(version):
    measure = items(version, PlanItem.Kind.MEASURE)[0]
    weekend, car = items(version, PlanItem.Kind.ACTIVITY)
    services.item_update(actor=None, item=car, start_year=2019, end_year=2019)
    services.cost_set(actor=None, item=weekend, year=2018, source="city", amount=100)
    services.cost_set(actor=None, item=weekend, year=2018, source="region", amount=50)
    services.cost_set(actor=None, item=car, year=2019, source="eu", amount=700)
    with pytest.raises(ValidationError) as error:  # the activities carry the costs
        services.cost_set(actor=None, item=measure, year=2018, source="city", amount=10)
    assert "not for both" in str(error.value)
    plan_2018 = action_plan(plan_tree(version), 2018)
    assert [line.node.item.title for line in plan_2018.areas[0].lines] == [
        "Rozšíření pečovatelské služby",
        "Víkendová služba",
    ]
    assert plan_2018.costs["city"] == 100 and plan_2018.costs["region"] == 50
    assert plan_2018.total == 150 and plan_2018.areas[0].total == 150
    assert action_plan(plan_tree(version), 2019).total == 700


def test_needs_without_a_measure(version, area, group):
    measure = items(version, PlanItem.Kind.MEASURE)[0]
    answered = needs_services.need_create(
        actor=None, area=area, text="Odlehčovací služba", body=group
    )
    open_need = needs_services.need_create(actor=None, area=area, text="Bydlení", body=group)
    public = needs_services.need_submit(area=area, text="Lavičky u domova")
    assert not public.published
    services.item_needs_set(actor=None, item=measure, needs=[answered])
    goal = items(version, PlanItem.Kind.GOAL)[0]
    services.item_create(actor=None, version=version, parent=goal, title="Opatření bez potřeb")
    answered.refresh_from_db()
    assert answered.status == Need.Status.ADDRESSED
    assert set(Need.objects.filter(area=area).without_measure()) == {open_need, public}
    with pytest.raises(ValidationError) as error:
        needs_services.need_update(
            actor=None, need=open_need, status=Need.Status.REJECTED, reason=""
        )
    assert "reason" in error.value.message_dict
    assert Need.objects.get(pk=open_need.pk).status == Need.Status.NEW


def test_compare_marks_added_removed_and_changed_words(version):
    factories.advance_plan(version, S.APPROVED)
    new = services.version_new(actor=None, version=version)
    car = new.items.get(title="Nový automobil")
    services.item_delete(actor=None, item=car)
    weekend = new.items.get(title="Víkendová služba")
    services.item_update(actor=None, item=weekend, title="Víkendová a noční služba")
    goal = new.items.get(kind=PlanItem.Kind.GOAL)
    services.item_create(actor=None, version=new, parent=goal, title="Sdílená péče")
    rows = {row.change: row for row in compare_versions(version, new)}
    assert rows["removed"].old.item.title == "Nový automobil"
    assert rows["added"].new.item.title == "Sdílená péče"
    assert "<ins>a noční </ins>" in rows["changed"].new_html.replace("<ins>a</ins><ins>", "<ins>a")
    assert "<del>" not in rows["changed"].old_html


def test_personal_data_of_the_public_is_purged_as_the_notices_promise(area, version, group):
    """Comments' authors once the plan's period is over (needs: needs/tests/test_rules.py)."""
    factories.advance_plan(version, S.IN_COMMENTS)
    comment = services.comment_submit(
        version=version,
        item=None,
        section="",
        text="Text",
        author_name="Jan",
        author_email="j@x.cz",
    )
    assert services.personal_data_purge(today=datetime.date(2020, 12, 31)) == 0
    assert services.personal_data_purge(today=datetime.date(2021, 1, 1)) == 1
    assert services.personal_data_purge(today=datetime.date(2021, 1, 1)) == 0
    comment.refresh_from_db()
    assert (comment.author_name, comment.author_email, comment.text) == ("", "", "Text")


def test_moving_an_activity_with_costs_under_a_measure_with_costs_is_refused(version):
    measure = items(version, PlanItem.Kind.MEASURE)[0]
    goal = items(version, PlanItem.Kind.GOAL)[0]
    weekend = items(version, PlanItem.Kind.ACTIVITY)[0]
    other = services.item_create(actor=None, version=version, parent=goal, title="Jiné")
    services.cost_set(actor=None, item=weekend, year=2018, source="city", amount=100)
    services.cost_set(actor=None, item=other, year=2018, source="city", amount=1000)
    with pytest.raises(ValidationError) as error:
        services.item_move(actor=None, item=weekend, parent=other)
    assert "not for both" in str(error.value)
    assert PlanItem.objects.get(pk=weekend.pk).parent == measure


def test_costs_stay_within_the_items_timeline(version):
    measure = items(version, PlanItem.Kind.MEASURE)[0]
    services.item_update(actor=None, item=measure, start_year=2018, end_year=2019)
    with pytest.raises(ValidationError) as error:
        services.cost_set(actor=None, item=measure, year=2020, source="city", amount=1)
    assert "timeline" in error.value.message_dict["year"][0]
    services.cost_set(actor=None, item=measure, year=2019, source="city", amount=1)
    with pytest.raises(ValidationError) as error:
        services.item_update(actor=None, item=measure, end_year=2018)
    assert "outside this timeline" in error.value.message_dict["start_year"][0]
    assert PlanItem.objects.get(pk=measure.pk).end_year == 2019


def test_the_text_is_frozen_once_a_body_has_decided(version, area):
    factories.advance_plan(version, S.SETTLED)
    council = factories.make_body(area, "Rada", kind=Body.Kind.COUNCIL)
    measure = items(version, PlanItem.Kind.MEASURE)[0]
    with pytest.raises(ValidationError) as error:  # before the period ended
        services.approval_step_record(
            actor=None, version=version, body=council, decided_on=version.comments_until
        )
    assert "after the comment period" in error.value.message_dict["decided_on"][0]
    services.approval_step_record(actor=None, version=version, body=council, decided_on=TODAY)
    with pytest.raises(ValidationError) as error:
        services.item_update(actor=None, item=measure, title="Jinak")
    assert "already decided" in str(error.value)


def test_only_the_newest_approved_version_is_evaluated(version):
    factories.advance_plan(version, S.IN_FORCE)
    new = services.version_new(actor=None, version=version)
    factories.advance_plan(new, S.IN_FORCE, assembly=version.approval_steps.get().body)
    old_measure = items(version, PlanItem.Kind.MEASURE)[0]
    with pytest.raises(ValidationError) as error:
        services.evaluation_record(actor=None, item=old_measure, year=2018, status="done")
    assert "newer version" in str(error.value)
    services.evaluation_record(
        actor=None, item=new.items.get(key=old_measure.key), year=2018, status="done"
    )
    assert Evaluation.objects.get().item_key == old_measure.key


def test_an_unpublished_need_is_not_answered(area, version):
    """(Nor purged: needs/tests/test_rules.py.)"""
    need = needs_services.need_submit(area=area, text="Lavičky", submitter_email="a@x.cz")
    measure = items(version, PlanItem.Kind.MEASURE)[0]
    with pytest.raises(ValidationError):
        services.item_needs_set(actor=None, item=measure, needs=[need])
    assert not measure.needs.exists()
    assert Need.objects.get(pk=need.pk).status == Need.Status.NEW
