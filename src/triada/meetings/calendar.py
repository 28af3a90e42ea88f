"""Meetings as iCalendar (RFC 5545) for feeds and invitation attachments."""

import datetime
from collections.abc import Callable, Iterable

from icalendar import Calendar, Event

from .models import Meeting

DEFAULT_LENGTH = datetime.timedelta(hours=2)


def meetings_calendar(
    meetings: Iterable[Meeting], *, name: str, url_for: Callable[[Meeting], str]
) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Triáda//komunitní plánování//CS")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", " ".join(name.split()))
    for meeting in meetings:
        event = Event()
        event.add("uid", f"meeting-{meeting.pk}@triada")
        event.add("dtstamp", meeting.updated_at)
        event.add("dtstart", meeting.starts_at)
        event.add("dtend", meeting.ends_at or meeting.starts_at + DEFAULT_LENGTH)
        event.add("summary", meeting.display_title)
        location = meeting.place or meeting.online_url
        if location:
            event.add("location", location)
        url = url_for(meeting)
        event.add("url", url)
        agenda = "\n".join(
            f"{i}. {item.title}" for i, item in enumerate(meeting.agenda_items.all(), start=1)
        )
        event.add("description", f"{agenda}\n\n{url}".strip())
        if meeting.status == Meeting.Status.CANCELLED:
            event.add("status", "CANCELLED")
        else:
            event.add("status", "CONFIRMED")
        calendar.add_component(event)
    return calendar
