"""What minutes hold about a person, and the person's name in published minutes.

Published minutes keep each name in a `<span data-person="pk">` (minutes.render); a change of
the public name (consent) or an erasure rewrites that span in every published version,
renders its PDF again and updates the search entry (people.personal_data, triada.events)."""

import re

from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _

from triada import events
from triada.people.personal_data import PersonalDataSource, export_date
from triada.people.public import public_name

from .models import Comment, Minutes, Section, Task, Version
from .render import plain_text
from .tasks import render_version_pdf


def person_sections(person) -> dict:
    return {
        "minutes_tasks": [
            {
                "text": t.text,
                "due_on": export_date(t.due_on),
                "closed_on": export_date(t.closed_on),
            }
            for t in Task.objects.filter(responsible=person)
        ],
    }


def account_sections(user) -> dict:
    return {
        "minutes_comments": [
            {"text": c.text, "created_at": export_date(c.created_at)}
            for c in Comment.objects.filter(author=user)
        ],
    }


def refresh_published_minutes(person, *, also_replace: tuple[str, ...] = ()) -> int:
    """Write the person's current public name (or "name not published") into every published
    version of the area's minutes that names the person; `also_replace` are spellings of an
    erased name to remove from the free text too. Returns the number of versions changed."""
    with translation.override("cs"):
        label = escape(public_name(person) or _("name not published"))
    span = re.compile(rf'(<span data-person="{person.pk}">).*?(</span>)', re.S)
    candidates = Version.objects.filter(minutes__meeting__body__area_id=person.area_id)
    if also_replace:
        candidates = candidates.filter(
            html__regex="|".join(re.escape(escape(name)) for name in also_replace)
            + f'|data-person="{person.pk}"'
        )
    else:
        candidates = candidates.filter(html__contains=f'data-person="{person.pk}"')
    changed_minutes = set()
    for version in candidates:
        html = span.sub(lambda match: f"{match.group(1)}{label}{match.group(2)}", version.html)
        for name in also_replace:
            html = html.replace(escape(name), label)
        if html == version.html:
            continue
        version.html = html
        version.text = plain_text(html)
        version.save(update_fields=["html", "text"])
        render_version_pdf.enqueue(version.pk)
        changed_minutes.add(version.minutes_id)
    for minutes in Minutes.objects.filter(pk__in=changed_minutes):
        events.minutes_published.send(sender=Minutes, minutes=minutes)
    return len(changed_minutes)


def on_public_name_changed(sender, person, **kwargs) -> None:
    refresh_published_minutes(person)


def erase(person, spellings, label) -> None:
    """The erased name goes from the working minutes' text and from the published ones."""
    minutes = Minutes.objects.filter(meeting__body__area_id=person.area_id)
    sections = Section.objects.filter(minutes__in=minutes)
    for queryset, fields in ((minutes, ("opening", "closing")), (sections, ("discussion",))):
        for row in queryset.only("pk", *fields):
            changed = [f for f in fields if any(n in getattr(row, f) for n in spellings)]
            for field in changed:
                text = getattr(row, field)
                for name in spellings:
                    text = text.replace(name, label)
                setattr(row, field, text)
            if changed:
                row.save(update_fields=changed)
    refresh_published_minutes(person, also_replace=spellings)


SOURCE = PersonalDataSource(person=person_sections, account=account_sections, erase=erase)
