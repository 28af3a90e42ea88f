"""The synthetic instance (`manage.py generate`): two small areas, generated once for the
module, obey the models' rules, look like what the services write (minutes rendered by
minutes/render.py, the search index of search/services.py), render every page, and are found
by search; a second run is refused and the same seed gives the same data."""

import io
from collections import Counter

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from triada.areas.models import Area
from triada.conftest import client_for
from triada.demo import synthetic_text as T
from triada.meetings.models import Attendance, Meeting
from triada.meetings.selectors import invited_memberships
from triada.minutes.models import Minutes, Version
from triada.minutes.render import render_document
from triada.needs.models import Need
from triada.people.models import LeaderElection, Membership, Person
from triada.planning.models import Plan, PlanItem, PlanVersion
from triada.search.backends import search
from triada.search.models import SearchDocument
from triada.search.services import reindex_all
from triada.structure.models import Body
from triada.tests import factories

OPTIONS = ["--areas", "2", "--years", "2", "--seed", "7"]


@pytest.fixture(scope="module")
def generated(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        out = io.StringIO()
        call_command("generate", *OPTIONS, stdout=out)
        yield out.getvalue()
        call_command("flush", "--no-input", stdout=io.StringIO())


def _areas():
    return list(Area.objects.order_by("pk"))


@pytest.mark.django_db
def test_counts_in_the_expected_proportions(generated):
    areas = _areas()
    assert [a.slug for a in areas] == ["benesov", "beroun"]
    assert "Rows written:" in generated and f'rare word: "{T.RARE_WORD}"' in generated
    for area in areas:
        bodies = Body.objects.filter(area=area)
        groups = bodies.filter(kind__in=Body.GROUP_KINDS)
        assert 6 <= bodies.count() <= 10
        assert bodies.filter(kind=Body.Kind.STEERING_GROUP).count() == 1
        assert 3 <= groups.filter(kind=Body.Kind.WORKING_GROUP).count() <= 7
        persons = Person.objects.filter(area=area)
        assert 60 <= persons.count() <= 140
        assert 0.3 < persons.filter(public_consent=True).count() / persons.count() < 0.75
        memberships = Membership.objects.filter(body__area=area)
        assert memberships.count() >= 60
        assert memberships.filter(end_on__isnull=False).exists()  # history
        assert memberships.filter(function=Membership.Function.GUEST).exists()
        today = timezone.localdate()
        for group in groups.active_on(today):
            leaders = group.memberships.active_on(today).filter(function="leader")
            assert leaders.count() == 1, group
        meetings = Meeting.objects.filter(body__area=area)
        held = meetings.filter(status=Meeting.Status.HELD)
        # Two years of 4–12 meetings a group (and a few planned ones ahead).
        assert 2 * 4 * groups.count() * 0.7 <= held.count() <= 2 * 12 * groups.count()
        assert meetings.filter(status=Meeting.Status.PLANNED).exists()
        published = Minutes.objects.filter(meeting__in=held, status=Minutes.Status.PUBLISHED)
        assert published.count() == held.count()  # minutes of every past meeting
        assert Version.objects.filter(minutes__in=published).count() == held.count()
        plans = Plan.objects.filter(area=area)
        assert plans.count() == 10
        versions = PlanVersion.objects.filter(plan__area=area)
        assert versions.filter(status=PlanVersion.Status.IN_FORCE).count() == 1
        assert versions.filter(status=PlanVersion.Status.ARCHIVED).count() >= 8
        items = PlanItem.objects.filter(version__plan__area=area)
        assert 20 <= items.count() / versions.count() <= 80
        assert set(items.values_list("kind", flat=True)) == set(PlanItem.Kind.values)
        assert Need.objects.filter(area=area).count() >= 10
    texts = [len(t) for t in Version.objects.values_list("text", flat=True)]
    assert 6000 < sum(texts) / len(texts) < 13000  # about five pages
    assert max(texts) > 2 * min(texts)  # of varying length


@pytest.mark.django_db
def test_rows_obey_the_rules_of_the_services(generated):
    today = timezone.localdate()
    for body in Body.objects.all():
        memberships = list(body.memberships.all())
        for n, a in enumerate(memberships):
            assert body.established_on is None or a.start_on >= body.established_on
            if body.dissolved_on:
                assert a.end_on is not None and a.end_on <= body.dissolved_on
            for b in memberships[n + 1 :]:
                overlap = (a.end_on is None or a.end_on >= b.start_on) and (
                    b.end_on is None or b.end_on >= a.start_on
                )
                assert not (overlap and a.person_id == b.person_id), (a, b)
                assert not (overlap and a.function == b.function == "leader"), (a, b)
    for meeting in Meeting.objects.filter(status=Meeting.Status.HELD).select_related("body"):
        assert meeting.body.is_active_on(meeting.date) and meeting.date < today
        invited = {m.pk for m in invited_memberships(meeting)}
        assert set(meeting.attendance.values_list("membership_id", flat=True)) == invited
    for version in PlanVersion.objects.exclude(status=PlanVersion.Status.DRAFT):
        steps = list(version.approval_steps.select_related("meeting"))
        assert {s.stage for s in steps} == {1, 2, 3, 4}
        for a in steps:
            assert a.decided_on > version.comments_until and a.decided_on <= today
            assert all(not (a.stage < b.stage and a.decided_on > b.decided_on) for b in steps)
            if a.meeting:
                assert a.meeting.body_id == a.body_id and a.meeting.date == a.decided_on
    for measure in PlanItem.objects.filter(kind=PlanItem.Kind.MEASURE):
        costed_children = PlanItem.objects.filter(parent=measure, costs__isnull=False).exists()
        assert not (measure.costs.exists() and costed_children)
    # The sequences go on after the generated ids (PostgreSQL).
    person = factories.make_person(Area.objects.first())
    assert person.pk > Person.objects.exclude(pk=person.pk).order_by("-pk").first().pk


@pytest.mark.django_db
def test_minutes_and_the_search_index_are_what_the_services_would_write(generated):
    for minutes in Minutes.objects.select_related("meeting__body__area"):
        version = minutes.versions.get()
        assert (version.html, version.text) == render_document(minutes), minutes.meeting_id
        assert version.pdf.name and version.pdf_size == version.pdf.size
    fields = ("kind", "object_id", "area_id", "body_id", "title", "text", "date", "url")
    written = Counter(SearchDocument.objects.values_list(*fields))
    with transaction.atomic():
        reindex_all()
        assert Counter(SearchDocument.objects.values_list(*fields)) == written
        transaction.set_rollback(True)


def _hit_ids(query, **filters):
    return {
        hit.document.object_id
        for hit in search(query, limit=10_000, **filters)
        if hit.document.kind == SearchDocument.Kind.MINUTES
    }


@pytest.mark.django_db
def test_search_finds_rare_and_common_words_prefixes_and_words_without_diacritics(generated):
    minutes = Minutes.objects.all()
    rare = set(minutes.filter(versions__text__contains=T.RARE_WORD).values_list("pk", flat=True))
    assert len(rare) == 1  # the first minutes of the run (of about 200)
    assert _hit_ids(T.RARE_WORD) == rare
    assert _hit_ids(T.RARE_WORD.upper()) == rare
    common = set(
        minutes.filter(versions__text__contains=T.COMMON_WORD).values_list("pk", flat=True)
    )
    assert common == set(minutes.values_list("pk", flat=True))
    assert _hit_ids(T.COMMON_WORD) == common
    prefix = minutes.filter(
        Q(versions__text__contains="senior") | Q(versions__text__contains="Senior")
    ).values_list("pk", flat=True)
    assert prefix and _hit_ids(T.PREFIX_QUERY) == set(prefix)
    ascii_hits = _hit_ids(T.ASCII_QUERY)
    assert ascii_hits
    for version in Version.objects.filter(minutes__in=list(ascii_hits)[:20]):
        assert "pečovatelsk" in version.text.lower() and "služb" in version.text
    area = Area.objects.get(slug="beroun")
    in_area = _hit_ids(T.COMMON_WORD, area=area)
    assert in_area == set(minutes.filter(meeting__body__area=area).values_list("pk", flat=True))
    response = client_for(None).get(reverse("search"), {"q": T.RARE_WORD})
    assert response.status_code == 200
    assert b"<mark>" in response.content


def _public_urls(area):
    kwargs = {"area_slug": area.slug}
    urls = [
        reverse("portal:area", kwargs=kwargs),
        reverse("portal:structure", kwargs=kwargs),
        reverse("portal:minutes_archive", kwargs=kwargs),
        reverse("portal:plan", kwargs=kwargs),
        reverse("portal:plans", kwargs=kwargs),
        reverse("portal:needs", kwargs=kwargs),
        reverse("portal:minutes_feed", kwargs=kwargs),
        reverse("search") + f"?q=sluzby&oblast={area.slug}",
    ]
    for body in Body.objects.filter(area=area):
        urls.append(reverse("portal:body", kwargs={**kwargs, "body_slug": body.slug}))
        urls.append(reverse("portal:minutes_archive", kwargs=kwargs) + f"?organ={body.slug}")
    for year in range(timezone.localdate().year - 2, timezone.localdate().year + 1):
        urls.append(reverse("portal:minutes_archive", kwargs=kwargs) + f"?rok={year}")
    meetings = list(Meeting.objects.filter(body__area=area).order_by("starts_at"))
    for meeting in [*meetings[::15], meetings[-1]]:
        urls.append(reverse("portal:meeting", kwargs={**kwargs, "pk": meeting.pk}))
    version = Version.objects.filter(minutes__meeting__body__area=area).first()
    urls.append(reverse("portal:minutes_pdf", kwargs={**kwargs, "pk": version.pk}))
    for plan_version in PlanVersion.objects.filter(
        plan__area=area, status__in=PlanVersion.PUBLIC
    ).order_by("-pk")[:4]:
        urls.append(reverse("portal:plan_version", kwargs={**kwargs, "pk": plan_version.pk}))
    return urls


def _staff_urls(area):
    kwargs = {"area_slug": area.slug}
    urls = [
        reverse("staff:dashboard", kwargs=kwargs),
        reverse("structure:bodies", kwargs=kwargs),
        reverse("structure:overview", kwargs=kwargs),
        reverse("people:persons", kwargs=kwargs),
        reverse("people:organizations", kwargs=kwargs),
        reverse("meetings:meetings", kwargs=kwargs),
        reverse("planning:plans", kwargs=kwargs),
        reverse("needs:needs", kwargs=kwargs),
    ]
    for body in Body.objects.filter(area=area):
        urls.append(reverse("structure:body", kwargs={**kwargs, "pk": body.pk}))
    held = list(Meeting.objects.filter(body__area=area, status="held").order_by("starts_at"))
    for meeting in [*held[::30], held[-1]]:
        urls.append(reverse("meetings:meeting", kwargs={**kwargs, "pk": meeting.pk}))
        urls.append(reverse("minutes:detail", kwargs={**kwargs, "pk": meeting.pk}))
        urls.append(reverse("minutes:edit", kwargs={**kwargs, "pk": meeting.pk}))
    versions = PlanVersion.objects.filter(plan__area=area)
    for version in [
        versions.get(status=PlanVersion.Status.IN_FORCE),
        *versions.filter(status=PlanVersion.Status.DRAFT),
        versions.filter(status=PlanVersion.Status.ARCHIVED).first(),
    ]:
        urls.append(reverse("planning:version", kwargs={**kwargs, "pk": version.pk}))
    return urls


@pytest.mark.django_db
def test_public_and_staff_pages_render(generated):
    public = client_for(None)
    for area in _areas():
        for url in _public_urls(area):
            assert public.get(url).status_code == 200, url
        staff = client_for(factories.make_coordinator(area))
        for url in _staff_urls(area):
            assert staff.get(url).status_code == 200, url
    meeting = Meeting.objects.filter(status="held").first()
    page = public.get(meeting.get_absolute_url()).content.decode()
    assert meeting.minutes.versions.get().html in page


def _fingerprint() -> dict:
    return {
        "persons": sorted(
            Person.objects.values_list(
                "area__slug", "first_name", "last_name", "email", "public_consent"
            )
        ),
        "memberships": sorted(
            Membership.objects.values_list(
                "body__slug", "person__email", "function", "triad_side", "start_on", "end_on"
            ),
            key=str,
        ),
        "meetings": sorted(
            Meeting.objects.values_list("body__area__slug", "body__slug", "starts_at", "status")
        ),
        "attendance": sorted(
            Attendance.objects.values_list(
                "meeting__starts_at", "membership__person__email", "status"
            )
        ),
        "minutes": sorted(
            Version.objects.values_list(
                "minutes__meeting__body__slug", "minutes__meeting__starts_at", "text"
            )
        ),
        "plans": sorted(
            PlanItem.objects.values_list(
                "version__plan__area__slug", "version__plan__ordinal", "version__number", "key"
            )
        ),
        "search": sorted(SearchDocument.objects.values_list("kind", "title", "text")),
    }


def _delete_generated() -> None:
    """Rows that protect the bodies and people they name go first."""
    Meeting.objects.all().delete()
    LeaderElection.objects.all().delete()
    Membership.objects.all().delete()
    Need.objects.all().delete()
    PlanVersion.objects.all().delete()
    Area.objects.all().delete()


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_data(generated):
    first = _fingerprint()
    _delete_generated()
    call_command("generate", *OPTIONS, stdout=io.StringIO())
    assert _fingerprint() == first
    _delete_generated()
    call_command("generate", "--areas", "2", "--years", "2", "--seed", "8", stdout=io.StringIO())
    other = _fingerprint()
    assert other["persons"] != first["persons"] and other["minutes"] != first["minutes"]


@pytest.mark.django_db
def test_a_second_run_with_the_same_addresses_is_refused_and_writes_nothing(generated):
    models = [Area, Body, Person, Membership, Meeting, Minutes, Version, PlanItem, SearchDocument]
    before = [m.objects.count() for m in models]
    with pytest.raises(CommandError, match="benesov, beroun"):
        call_command("generate", *OPTIONS, stdout=io.StringIO())
    with pytest.raises(CommandError, match="beroun"):
        call_command("generate", "--areas", "3", "--seed", "9", stdout=io.StringIO())
    assert [m.objects.count() for m in models] == before
    # --append adds the next towns instead.
    call_command("generate", "--areas", "1", "--years", "1", "--append", stdout=io.StringIO())
    assert Area.objects.count() == 3
    assert Area.objects.order_by("-pk").first().slug == "brandys-nad-labem-stara-boleslav"


def test_options_are_checked():
    with pytest.raises(CommandError):
        call_command("generate", "--areas", "0", stdout=io.StringIO())
