"""The record holds (issue 14): the votes on a resolution add up to the members present; an
archive upload is dated within the body's life and recognised when uploaded twice."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from triada.documents.tests.test_extraction import make_pdf
from triada.meetings import services as meetings
from triada.minutes import services
from triada.minutes.models import Resolution, UploadedMinutes
from triada.minutes.uploads import uploaded_minutes_add
from triada.tests import factories

PAST = timezone.now() - datetime.timedelta(days=2)


@pytest.fixture
def minutes(group, leader, member):
    """Minutes of a meeting of three members, two of them present."""
    absent = factories.make_membership(group)
    meeting = meetings.meeting_create(
        actor=None, body=group, starts_at=PAST, place="Radnice", agenda=("Potřeby",)
    )
    entries = {m.pk: ("present", None) for m in meetings.invited_memberships(meeting)}
    entries[absent.pk] = ("absent", None)
    meetings.attendance_record(actor=None, meeting=meeting, entries=entries)
    return services.minutes_start(actor=None, meeting=meeting)


def _vote(minutes, votes_for, against=0, abstained=0):
    return services.resolution_add(
        actor=None,
        section=minutes.sections.first(),
        text="Schvaluje.",
        adoption="vote",
        votes_for=votes_for,
        votes_against=against,
        votes_abstained=abstained,
    )


def test_more_votes_than_members_present_are_refused(minutes):
    with pytest.raises(ValidationError) as refused:
        _vote(minutes, 2, against=1)
    assert "votes_for" in refused.value.message_dict
    assert not Resolution.objects.exists()


def test_as_many_votes_as_members_present_are_accepted(minutes):
    assert _vote(minutes, 2).adopted


def test_the_quorum_share_is_editable_on_the_body(coordinator_client, group):
    url = reverse("structure:body_edit", kwargs={"area_slug": group.area.slug, "pk": group.pk})
    form = coordinator_client.get(url).context["form"]
    assert "quorum_percent" in form.fields
    data = {
        "name": group.name,
        "kind": group.kind,
        "established_on": "1. 1. 2015",
        "position": group.position,
        "quorum_percent": 66,
    }
    coordinator_client.post(url, data)
    group.refresh_from_db()
    assert group.quorum_percent == 66


# --- archive uploads ---------------------------------------------------------------------


def _upload(group, *, date, period="day", data=None, name="zapis.pdf"):
    pdf = data or make_pdf(f"Zápis z jednání {date}")
    return uploaded_minutes_add(
        actor=None,
        area=group.area,
        upload=SimpleUploadedFile(name, pdf, content_type="application/pdf"),
        body=group,
        date=date,
        period=period,
    )


def _refused_upload(group, **kwargs) -> ValidationError:
    before = UploadedMinutes.objects.count()
    with pytest.raises(ValidationError) as refused:
        _upload(group, **kwargs)
    assert UploadedMinutes.objects.count() == before
    return refused.value


def test_an_upload_dated_in_the_future_is_refused(group):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    assert "date" in _refused_upload(group, date=tomorrow).message_dict


def test_an_upload_outside_the_bodys_life_is_refused(group):
    # The group exists from 1. 1. 2015.
    assert "date" in _refused_upload(group, date=datetime.date(2014, 6, 1)).message_dict
    assert (
        "date" in _refused_upload(group, date=datetime.date(2014, 1, 1), period="year").message_dict
    )
    assert _upload(group, date=datetime.date(2015, 1, 1), period="year")  # a year it existed in


def test_the_same_file_twice_is_recognised_and_named(group):

    data = make_pdf("Zápis z jednání, březen 2019")
    first = _upload(group, date=datetime.date(2019, 3, 1), data=data, name="brezen.pdf")
    refused = _refused_upload(group, date=datetime.date(2019, 3, 1), data=data, name="kopie.pdf")
    assert first.title in " ".join(refused.messages)


def test_votes_at_a_meeting_without_an_attendance_list_are_not_refused(group, leader):
    # Minutes written before the attendance is entered: nothing to check the votes against.
    meeting = meetings.meeting_create(
        actor=None, body=group, starts_at=PAST, place="Radnice", agenda=("Potřeby",)
    )
    minutes = services.minutes_start(actor=None, meeting=meeting)
    assert _vote(minutes, 5, against=1).adopted
