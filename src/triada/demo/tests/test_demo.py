"""The demo command builds the seed towns as the seeds describe them, and runs twice safely."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from triada.accounts.access import area_access_for
from triada.accounts.models import User
from triada.areas.models import Area
from triada.audit.models import AuditEntry
from triada.meetings.models import Meeting
from triada.needs.models import Need
from triada.people.models import Membership, Person
from triada.people.selectors import active_person_count, triad_balance
from triada.planning.access import editable_item_ids
from triada.planning.models import (
    ApprovalStep,
    Comment,
    Evaluation,
    IndicatorValue,
    Plan,
    PlanItem,
    PlanVersion,
    Responsibility,
)
from triada.planning.selectors import plan_tree, runs_in
from triada.search.models import SearchDocument
from triada.structure.models import Body, StructureChange
from triada.structure.selectors import structure_on

TODAY = datetime.date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
        yield
        call_command("flush", "--no-input", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.mark.django_db
def test_cesky_tesin_as_the_seed_describes_it(demo):
    area = Area.objects.get(slug="cesky-tesin")
    structure = structure_on(area, TODAY)
    assert {b.kind for b in structure.bodies} >= {
        Body.Kind.ASSEMBLY,
        Body.Kind.COUNCIL,
        Body.Kind.COMMITTEE,
        Body.Kind.DEPARTMENT,
        Body.Kind.STEERING_GROUP,
        Body.Kind.WORKING_GROUP,
    }
    assert sorted(b.name for b in structure.working_groups) == [
        "Děti-mládež-rodina a osoby ohrožené sociálním vyloučením",
        "Osoby se zdravotním znevýhodněním",
        "Senioři",
    ]
    assert active_person_count(area, on=TODAY) == 48
    split = StructureChange.objects.get(area=area, kind=StructureChange.Kind.SPLIT)
    assert split.effective_on.year == 2018
    assert [b.name for b in split.predecessors.all()] == [
        "Osoby se zdravotním znevýhodněním a senioři"
    ]
    steering = Body.objects.get(area=area, kind=Body.Kind.STEERING_GROUP)
    steering_people = {m.person_id for m in steering.memberships.active_on(TODAY)}
    leaders = {
        m.person_id
        for m in Membership.objects.active_on(TODAY).filter(
            body__in=structure.working_groups, function=Membership.Function.LEADER
        )
    }
    assert len(leaders) == 3
    assert leaders <= steering_people  # the group leaders sit in the steering group


@pytest.mark.django_db
def test_working_groups_have_full_triads_and_meet_four_times_a_year(demo):
    area = Area.objects.get(slug="cesky-tesin")
    for group in structure_on(area, TODAY).working_groups:
        roster = group.memberships.active_on(TODAY).select_related("person")
        assert not triad_balance(roster).missing, group
        for year in range(2019, 2021):
            assert Meeting.objects.filter(body=group, starts_at__year=year).count() >= 4


@pytest.mark.django_db
def test_novy_jicin_forums_and_revision(demo):
    area = Area.objects.get(slug="novy-jicin")
    structure = structure_on(area, TODAY)
    forums = [b for b in structure.bodies if b.kind == Body.Kind.DISCUSSION_FORUM]
    assert len(forums) == 4
    assert {b.kind for b in structure.bodies} >= {
        Body.Kind.EXPERT_PLATFORM,
        Body.Kind.STEERING_GROUP,
    }
    revision = StructureChange.objects.get(area=area, kind=StructureChange.Kind.REVISION)
    assert revision.predecessors.count() == 4
    assert area.municipalities.count() == 3
    assert Meeting.objects.filter(body__in=forums, starts_at__year=2019).count() == 24


@pytest.mark.django_db
def test_demo_runs_twice_without_change_and_resets(demo):
    def counts():
        return (
            Person.objects.count(),
            Membership.objects.count(),
            Meeting.objects.count(),
            SearchDocument.objects.count(),
            PlanVersion.objects.count(),
            PlanItem.objects.count(),
            Need.objects.count(),
            Comment.objects.count(),
            Evaluation.objects.count(),
            IndicatorValue.objects.count(),
            # The same content on every build: seeded choices of people and statuses.
            sorted(
                Responsibility.objects.filter(person__isnull=False).values_list(
                    "item__title", "person__last_name"
                )
            ),
            sorted(
                (str(e.plan), e.year, e.status)
                for e in Evaluation.objects.select_related("plan").order_by("pk")
            ),
        )

    before = counts()
    audit = AuditEntry.objects.count()
    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts() == before and AuditEntry.objects.count() == audit
    call_command("demo", "--reset", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts() == before


@pytest.mark.django_db
def test_demo_archive_has_uploaded_pdfs_and_one_scan(demo):
    from triada.minutes.models import Minutes, UploadedMinutes

    area = Area.objects.get(slug="cesky-tesin")
    uploads = UploadedMinutes.objects.filter(area=area)
    assert uploads.count() == 3
    assert [u.original_name for u in uploads.filter(has_text=False)] == [
        "zapis-z-jednani-rs-listopad-2016-sken.pdf"
    ]
    jicin = Area.objects.get(slug="novy-jicin")
    forum_minutes = Minutes.objects.filter(meeting__body__area=jicin, status="published")
    assert forum_minutes.filter(meeting__starts_at__year=2019).count() == 24
    assert all(m.versions.exists() for m in forum_minutes)


# The community plans


def tesin_plan():
    return Plan.objects.get(area__slug="cesky-tesin", ordinal=4)


def owners(version):
    return {
        item.title: item.owner.name
        for item in version.items.filter(kind=PlanItem.Kind.SUPPORT_AREA).select_related("owner")
    }


@pytest.mark.django_db
def test_tesin_plan_version_2_in_force_shows_the_split(demo):
    plan = tesin_plan()
    assert plan.title.startswith("4. komunitní plán") and list(plan.years) == [
        2017,
        2018,
        2019,
        2020,
    ]
    v1, v2 = plan.versions.order_by("number")
    assert v1.status == PlanVersion.Status.ARCHIVED
    assert v2.status == PlanVersion.Status.IN_FORCE and v2.based_on == v1
    assert v1.in_force_from == datetime.date(2017, 1, 1)
    assert v1.comments_from.year == v1.comments_until.year == 2016
    assert v1.vision and v1.introduction
    families = "Děti-mládež-rodina a osoby ohrožené sociálním vyloučením"
    disability_area = "Osoby se zdravotním postižením a duševním onemocněním"
    assert owners(v1) == {
        "Rodiny s dětmi": families,
        "Osoby ohrožené sociálním vyloučením": families,
        "Senioři": "Osoby se zdravotním znevýhodněním a senioři",
        disability_area: "Osoby se zdravotním znevýhodněním a senioři",
    }
    assert owners(v2) == {
        "Rodiny s dětmi": families,
        "Osoby ohrožené sociálním vyloučením": families,
        "Senioři": "Senioři",
        disability_area: "Osoby se zdravotním znevýhodněním",
    }


@pytest.mark.django_db
def test_tesin_plan_approval_path_in_order_with_meetings(demo):
    v1, v2 = tesin_plan().versions.order_by("number")
    S = ApprovalStep.Stage
    steps = list(v1.approval_steps.order_by("decided_on"))
    assert [s.stage for s in steps] == [
        S.WORKING_GROUP,
        S.WORKING_GROUP,
        S.STEERING_GROUP,
        S.COUNCIL,
        S.ASSEMBLY,
    ]
    assert all(s.decided_on.year == 2016 and s.resolution_number for s in steps)
    assert steps[-1].resolution_number == "12/2016/ZM"
    assert steps[2].meeting is not None and steps[2].meeting.date == steps[2].decided_on
    steps = list(v2.approval_steps.select_related("meeting", "body"))
    assert [s.stage for s in steps] == [S.WORKING_GROUP] * 3 + [
        S.STEERING_GROUP,
        S.COUNCIL,
        S.ASSEMBLY,
    ]
    for step in steps[:4]:  # the groups decided at their meetings
        assert step.meeting.body == step.body and step.meeting.date == step.decided_on


@pytest.mark.django_db
def test_tesin_plan_tree_is_complete(demo):
    v2 = tesin_plan().versions.get(number=2)
    tree = plan_tree(v2)
    assert len(tree.roots) == 4
    for root in tree.roots:
        assert root.item.target_group and root.item.profile
        assert 3 <= len(root.item.problem_area_list) <= 4
        assert len(root.children) == 2
    measures = [n.item for n in tree if n.item.kind == PlanItem.Kind.MEASURE]
    assert len(measures) >= 12
    for measure in measures:
        assert 2017 <= measure.start_year <= measure.end_year <= 2020
        assert measure.indicators.all() and all(i.targets.all() for i in measure.indicators.all())
        assert len({c.source for c in measure.costs.all()}) >= 2
        assert measure.responsibilities.all()
    parties = Responsibility.objects.filter(item__version=v2)
    assert parties.filter(body__isnull=False).exists()
    assert parties.filter(organization__isnull=False).exists()
    assert parties.filter(person__isnull=False).count() >= 6


@pytest.mark.django_db
def test_tesin_comments_are_all_settled(demo):
    v1, v2 = tesin_plan().versions.order_by("number")
    comments = list(v1.comments.all())
    assert 5 <= len(comments) <= 8
    assert all(c.is_settled and c.reason and c.settled_by for c in comments)
    assert {c.decision for c in comments} == set(Comment.Decision.values)
    assert {c.settled_by.kind for c in comments} == {
        Body.Kind.WORKING_GROUP,
        Body.Kind.STEERING_GROUP,
    }
    assert any(c.person_id for c in comments) and any(c.author_email for c in comments)
    assert all(v1.comments_from <= c.created_at.date() <= v1.comments_until for c in comments)
    assert v2.comments.exists() and not v2.comments.filter(decision="").exists()


@pytest.mark.django_db
def test_tesin_evaluations_of_2018_and_2019(demo):
    plan = tesin_plan()
    v2 = plan.versions.get(number=2)
    actions = [n.item for n in plan_tree(v2, details=False).actions()]
    for year in (2018, 2019):
        evaluated = set(plan.evaluations.filter(year=year).values_list("item_key", flat=True))
        assert evaluated == {i.key for i in actions if runs_in(i, year, plan)}
    evaluations = list(plan.evaluations.all())
    assert {e.status for e in evaluations} == set(Evaluation.Status.values)
    assert [e.status for e in evaluations].count(Evaluation.Status.CANCELLED) == 1
    assert all(e.narrative and e.evidence_links for e in evaluations)
    assert all(
        link.startswith("https://www.tesin.cz/") for e in evaluations for link in e.evidence_links
    )
    assert plan.indicator_values.filter(year=2018).exists()
    assert plan.indicator_values.filter(year=2019).exists()


@pytest.mark.django_db
def test_tesin_needs_from_the_groups_and_the_public(demo):
    area = Area.objects.get(slug="cesky-tesin")
    raised = list(Need.objects.filter(area=area, body__isnull=False).select_related("meeting"))
    assert 10 <= len(raised) <= 15
    assert all(n.meeting and n.meeting.body_id == n.body_id for n in raised)
    assert {n.status for n in raised} == set(Need.Status.values)
    rejected = [n for n in raised if n.status == Need.Status.REJECTED]
    assert len(rejected) == 1 and rejected[0].reason
    v2 = tesin_plan().versions.get(number=2)
    for need in raised:
        answered = need.plan_items.filter(version=v2, kind=PlanItem.Kind.MEASURE).exists()
        assert answered == (need.status == Need.Status.ADDRESSED)
    public = Need.objects.filter(area=area, body__isnull=True)
    assert public.count() == 2
    assert public.filter(published=True).count() == 1


@pytest.mark.django_db
def test_seniors_accounts_answer_for_measures(demo):
    area = Area.objects.get(slug="cesky-tesin")
    v2 = tesin_plan().versions.get(number=2)
    for username in ("vedouci.seniori", "clen.seniori"):
        user = User.objects.get(username=username)
        theirs = set(
            Responsibility.objects.filter(item__version=v2, person__user=user).values_list(
                "item_id", flat=True
            )
        )
        assert PlanItem.objects.filter(pk__in=theirs, kind=PlanItem.Kind.MEASURE).exists()
        assert theirs <= editable_item_ids(area_access_for(user, area), v2)


@pytest.mark.django_db
def test_novy_jicin_draft_is_in_its_comment_period_now(demo):
    version = PlanVersion.objects.get(plan__area__slug="novy-jicin")
    next_year = datetime.date.today().year + 1  # a draft for the coming four years
    assert (version.plan.first_year, version.plan.last_year) == (next_year, next_year + 3)
    assert all(
        next_year <= item.start_year <= item.end_year <= next_year + 3
        for item in version.items.filter(kind__in=PlanItem.ACTION_KINDS)
    )
    assert version.status == PlanVersion.Status.IN_COMMENTS
    assert version.comments_open_on(timezone.localdate())
    assert version.comments_until >= timezone.localdate() + datetime.timedelta(days=14)
    assert 2 <= version.comments.count() <= 3
    assert not version.comments.exclude(decision="").exists()
    forums = Body.objects.filter(area__slug="novy-jicin", kind=Body.Kind.DISCUSSION_FORUM)
    assert set(owners(version).values()) == {f.name for f in forums if f.dissolved_on is None}
    for forum in forums.filter(dissolved_on__isnull=True):
        needs = Need.objects.filter(body=forum)
        assert 2 <= needs.count() <= 4
        assert all(n.meeting.body_id == forum.pk for n in needs)
