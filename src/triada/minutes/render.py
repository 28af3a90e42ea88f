"""The minutes as a document: the same content for the public page and the PDF.

Every person's name sits in a `<span data-person="pk">`, so that a change of consent or an
erasure reaches versions published earlier (people.personal_data)."""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags

from triada.meetings.selectors import attendance_summary
from triada.people.public import public_name, public_order

from .models import Minutes


def _public_row_order(row) -> tuple:
    person = row.substitute or row.membership.person
    name = f"{person.last_name} {person.first_name}" if person.public_consent else None
    return public_order(row.membership.function_rank, name, row.membership.organization)


def document_context(minutes: Minutes) -> dict:
    meeting = minutes.meeting
    summary = attendance_summary(meeting)
    attendance = [
        {
            "name": public_name(row.substitute or row.membership.person),
            "person_pk": (row.substitute or row.membership.person).pk,
            "organization": row.membership.organization,
            "side": row.membership.get_triad_side_display(),
            "status": row.attendance.get_status_display() if row.attendance else "",
            "substitute": row.substitute is not None,
            "present": row.present,
            "votes": row.votes,
        }
        for row in sorted(summary.rows, key=_public_row_order)
    ]
    sections = list(minutes.sections.prefetch_related("resolutions", "tasks__responsible"))
    return {
        "minutes": minutes,
        "meeting": meeting,
        "body": meeting.body,
        "summary": summary,
        "attendance": attendance,
        "guests": list(meeting.guests.all()),
        "sections": [
            {
                "section": s,
                "resolutions": list(s.resolutions.all()),
                "tasks": [
                    {
                        "task": t,
                        "responsible": public_name(t.responsible),
                        "person_pk": t.responsible_id,
                    }
                    for t in s.tasks.all()
                ],
            }
            for s in sections
        ],
    }


def render_document(minutes: Minutes) -> tuple[str, str]:
    """(HTML of the content, its plain text) in Czech, the document's language."""
    with translation.override("cs"):
        html = render_to_string("minutes/document.html", document_context(minutes))
    return html, plain_text(html)


def plain_text(html: str) -> str:
    """The text of a published version, for search."""
    return " ".join(strip_tags(html).split())
