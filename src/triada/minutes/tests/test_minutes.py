import datetime
import io

import pikepdf
import pypdfium2
import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from triada.audit.models import AuditEntry
from triada.meetings import services as meetings
from triada.minutes import services
from triada.minutes.models import Minutes, Task, Version
from triada.tests import factories

PAST = timezone.now() - datetime.timedelta(days=2)


@pytest.fixture
def meeting(group, leader, member):
    meeting = meetings.meeting_create(
        actor=None,
        body=group,
        starts_at=PAST,
        place="Radnice",
        agenda=("Zahájení", "Potřeby seniorů v kraji"),
    )
    rows = meetings.invited_memberships(meeting)
    meetings.attendance_record(
        actor=None, meeting=meeting, entries={m.pk: ("present", None) for m in rows}
    )
    return meeting


@pytest.fixture
def minutes(meeting):
    return services.minutes_start(actor=None, meeting=meeting)


def _write(minutes, **changes):
    sections = {s.pk: s.discussion for s in minutes.sections.all()}
    sections.update(changes.pop("discussions", {}))
    return services.minutes_update(
        actor=None,
        minutes=minutes,
        edit_count=changes.pop("edit_count", minutes.edit_count),
        opening=changes.pop("opening", minutes.opening),
        closing=minutes.closing,
        discussions=sections,
    )


def test_minutes_start_from_the_agenda(minutes):
    assert [s.title for s in minutes.sections.all()] == ["Zahájení", "Potřeby seniorů v kraji"]
    assert minutes.status == Minutes.Status.DRAFT


def test_no_minutes_before_the_meeting(group):
    future = meetings.meeting_create(
        actor=None, body=group, starts_at=timezone.now() + datetime.timedelta(days=1)
    )
    with pytest.raises(ValidationError):
        services.minutes_start(actor=None, meeting=future)
    assert not Minutes.objects.exists()


def test_a_stale_edit_is_refused_and_changes_nothing(minutes):
    first = minutes.sections.first()
    stale_count = minutes.edit_count
    _write(minutes, discussions={first.pk: "Shoda na potřebách."})
    with pytest.raises(ValidationError) as error:
        _write(minutes, edit_count=stale_count, discussions={first.pk: "Přepsáno."})
    assert "uložil někdo jiný" in str(error.value)
    assert error.value.code == services.EDIT_CONFLICT
    first.refresh_from_db()
    assert first.discussion == "Shoda na potřebách."


def test_vote_resolution_adoption(minutes):
    section = minutes.sections.first()
    adopted = services.resolution_add(
        actor=None,
        section=section,
        text="Schvaluje.",
        adoption="vote",
        votes_for=2,  # the two members present
        votes_against=0,
        votes_abstained=0,
    )
    rejected = services.resolution_add(
        actor=None,
        section=section,
        text="Zamítá.",
        adoption="vote",
        votes_for=1,
        votes_against=1,
        votes_abstained=0,
    )
    assert adopted.adopted and not rejected.adopted
    with pytest.raises(ValidationError):
        services.resolution_add(actor=None, section=section, text="Bez hlasů.", adoption="vote")


def test_task_closed_at_a_later_meeting(minutes, meeting, group, member):
    task = services.task_add(
        actor=None,
        minutes=minutes,
        section=minutes.sections.first(),
        text="Zjistit kapacity",
        responsible=member.person,
        due_on=datetime.date(2030, 1, 1),
    )
    assert list(Task.objects.of_body(group).open()) == [task]
    later = meetings.meeting_create(actor=None, body=group, starts_at=timezone.now())
    services.task_close(actor=None, task=task, status="done", note="Hotovo", at_meeting=later)
    assert not Task.objects.of_body(group).open().exists()
    task.refresh_from_db()
    assert task.closed_at == later and task.closed_on == later.date
    with pytest.raises(ValidationError):
        services.task_close(actor=None, task=task, status="done")


def test_only_present_attendees_comment_while_out_for_comments(minutes, member, leader, area):
    outsider = factories.make_user("cizi")
    with pytest.raises(ValidationError):
        services.comment_add(author=member, minutes=minutes, text="Předčasně")
    services.minutes_send_for_comments(actor=None, minutes=minutes, url="https://x.cz")
    services.comment_add(author=member, minutes=minutes, text="Doplňte prosím termín.")
    with pytest.raises(ValidationError):
        services.comment_add(author=outsider, minutes=minutes, text="Nejsem členem")
    assert [c.text for c in minutes.comments.all()] == ["Doplňte prosím termín."]


def _pdf_text(version: Version) -> str:
    version.pdf.open("rb")
    data = version.pdf.read()
    document = pypdfium2.PdfDocument(data)
    return "\n".join(page.get_textpage().get_text_range() for page in document)


def test_publishing_makes_a_tagged_czech_pdf_and_corrections_make_versions(minutes, member):
    member.person.public_consent = False
    member.person.save()
    first = minutes.sections.first()
    _write(minutes, discussions={first.pk: "Pracovní skupina se shodla na potřebách v kraji."})
    with pytest.raises(ValidationError):
        services.minutes_publish(actor=None, minutes=minutes)  # not approved yet
    services.minutes_approve(actor=None, minutes=minutes)
    v1 = services.minutes_publish(actor=None, minutes=minutes)
    v1.refresh_from_db()  # the PDF is rendered by a task (at once in tests)
    text = _pdf_text(v1)
    assert "<section" not in text and "<p" not in text  # the HTML is rendered, not printed
    assert "Zápis z jednání" in text
    assert "Potřeby seniorů v\u00a0kraji" in text  # a one-letter word does not end a line
    assert "Eva Členová" not in text  # no consent, no name
    v1.pdf.open("rb")
    with pikepdf.open(io.BytesIO(v1.pdf.read())) as pdf:
        assert str(pdf.Root.Lang) == "cs"
        assert bool(pdf.Root.MarkInfo.Marked)
        assert "/StructTreeRoot" in pdf.Root
        assert str(pdf.docinfo["/Title"]).startswith("Zápis z jednání – Senioři, ")

    # A correction: the text changes, the first version stays as it was.
    _write(minutes, discussions={first.pk: "Opraveno: shoda na třech potřebách."})
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.PUBLISHED
    with pytest.raises(ValidationError):
        services.minutes_publish(actor=None, minutes=minutes)  # a correction needs a note
    v2 = services.minutes_publish(actor=None, minutes=minutes, note="Počet potřeb")
    v2.refresh_from_db()
    assert (v1.number, v2.number) == (1, 2)
    v1.refresh_from_db()
    assert "Pracovní skupina se shodla" in v1.text
    assert "třech potřebách" in v2.text
    assert v1.pdf.name != v2.pdf.name
    assert AuditEntry.objects.filter(summary__contains="2").exists()


def test_public_names_follow_consent_in_the_document(minutes, leader):
    from triada.minutes.render import document_context

    leader.person.public_consent = True
    leader.person.save()
    names = [row["name"] for row in document_context(minutes)["attendance"]]
    assert "Petr Vedoucí" in names
    assert None in names  # the member without consent


def test_czech_typography_binds_one_letter_words():
    from triada.documents.typography import czech_nbsp

    assert czech_nbsp("Schůzka v kraji a k tomu s námi") == (
        "Schůzka v\u00a0kraji a\u00a0k\u00a0tomu s\u00a0námi"
    )
    assert czech_nbsp("Byl to A") == "Byl to A"
