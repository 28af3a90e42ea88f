"""The demo command builds the seed towns as the seeds describe them, and runs twice safely."""

import datetime

import pytest
from django.core.management import call_command

from triada.areas.models import Area
from triada.audit.models import AuditEntry
from triada.meetings.models import Meeting
from triada.people.models import Membership, Person
from triada.people.selectors import active_person_count, triad_balance
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
