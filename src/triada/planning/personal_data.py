"""What plans hold about a person: the export's sections and the erasure of comment authors
(people.personal_data)."""

from triada.people.personal_data import PersonalDataSource, export_date

from .models import Comment, Responsibility


def person_sections(person) -> dict:
    return {
        "plan_responsibilities": [
            {"plan": str(r.item.version), "item": r.item.title}
            for r in Responsibility.objects.filter(person=person).select_related("item__version")
        ],
        "plan_comments": [
            {
                "version": str(c.version),
                "text": c.text,
                "created_at": export_date(c.created_at),
                "decision": c.decision,
                "reason": c.reason,
            }
            for c in Comment.objects.filter(person=person).select_related("version")
        ],
    }


def erase(person, spellings, label) -> None:
    Comment.objects.filter(person=person).update(author_name="", author_email="")


SOURCE = PersonalDataSource(person=person_sections, erase=erase)
