"""The needs register's rules, through its services: a rejection says why, a need is raised
by a body of the area at one of its meetings, and the public's personal data goes once the
need is dealt with."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from triada.audit.models import AuditEntry
from triada.meetings import services as meeting_services
from triada.needs import services
from triada.needs.models import Need
from triada.tests import factories

TODAY = timezone.localdate()


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_a_body_raises_a_need_public_at_once_and_audited(area, group):
    need = services.need_create(actor=None, area=area, text="Odlehčovací služba", body=group)
    assert need.published and need.status == Need.Status.NEW and not need.from_public
    entry = AuditEntry.objects.get(object_type="needs.need", object_id=str(need.pk))
    assert entry.action == AuditEntry.Action.CREATE


def test_a_need_from_the_public_waits_for_moderation(area):
    need = services.need_submit(area=area, text="Lavičky u domova", submitter_name="Jan")
    assert not need.published and need.from_public
    assert list(Need.objects.published()) == []
    services.need_update(actor=None, need=need, published=True, status=Need.Status.ACCEPTED)
    assert list(Need.objects.published()) == [need]


def test_the_body_and_the_meeting_must_fit(area, other_area, group):
    foreign = factories.make_body(other_area)
    with pytest.raises(ValidationError) as error:
        services.need_create(actor=None, area=area, text="Cizí", body=foreign)
    assert "body" in error.value.message_dict
    other_group = factories.make_body(area, "Jiná skupina")
    meeting = meeting_services.meeting_create(
        actor=None, body=other_group, starts_at=timezone.now()
    )
    with pytest.raises(ValidationError) as error:
        services.need_create(actor=None, area=area, text="Jinde", body=group, meeting=meeting)
    assert "meeting" in error.value.message_dict
    assert not Need.objects.exists()


def test_a_rejection_says_why_and_a_refused_change_keeps_the_need(area, group):
    need = services.need_create(actor=None, area=area, text="Bydlení", body=group)
    with pytest.raises(ValidationError) as error:
        services.need_update(actor=None, need=need, status=Need.Status.REJECTED, reason="")
    assert "reason" in error.value.message_dict
    assert need.status == Need.Status.NEW  # the caller's object is true to the database
    assert Need.objects.get(pk=need.pk).status == Need.Status.NEW
    with pytest.raises(TypeError):
        services.need_update(actor=None, need=need, area=area)


def test_personal_data_of_the_public_is_purged_once_the_need_is_dealt_with(area):
    """The plan's comments: planning/tests/test_rules.py."""
    dealt = services.need_submit(area=area, text="Lavičky", submitter_email="a@x.cz")
    services.need_update(actor=None, need=dealt, status=Need.Status.REJECTED, reason="Mimo KPSS")
    pending = services.need_submit(area=area, text="Bydlení", submitter_email="b@x.cz")
    assert services.personal_data_purge(today=TODAY) == 1
    assert services.personal_data_purge(today=TODAY) == 0
    pending.refresh_from_db()
    dealt.refresh_from_db()
    assert pending.submitter_email == "b@x.cz"
    assert (dealt.submitter_email, dealt.text) == ("", "Lavičky")


def test_an_unpublished_need_is_not_purged(area):
    """Addressed but never published (the plan refuses to answer it: planning's tests)."""
    need = services.need_submit(area=area, text="Lavičky", submitter_email="a@x.cz")
    Need.objects.filter(pk=need.pk).update(status=Need.Status.ADDRESSED)
    assert services.personal_data_purge(today=TODAY) == 0
    assert Need.objects.get(pk=need.pk).submitter_email == "a@x.cz"
