"""What meetings hold about a person, for the person's data export (people.personal_data)."""

from triada.people.personal_data import PersonalDataSource, export_date

from .models import Attendance


def person_sections(person) -> dict:
    attendance = (
        Attendance.objects.filter(membership__person=person)
        .select_related("meeting__body", "substitute")
        .order_by("meeting__starts_at")
    )
    substituted = Attendance.objects.filter(substitute=person).select_related("meeting__body")
    return {
        "attendance": [
            {
                "meeting": export_date(a.meeting.starts_at),
                "body": a.meeting.body.name,
                "status": a.status,
                "substitute": a.substitute.full_name if a.substitute else None,
            }
            for a in attendance
        ],
        "substituted_at": [
            {"meeting": export_date(a.meeting.starts_at), "body": a.meeting.body.name}
            for a in substituted
        ],
    }


SOURCE = PersonalDataSource(person=person_sections)
