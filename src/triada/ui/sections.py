"""Sections that the apps above show on a lower app's page.

A body's page (structure) shows its roster (people), meetings (meetings) and open tasks
(minutes); a meeting's page (meetings) shows the open tasks too. The lower app may not import
them, so each higher app registers, in its AppConfig.ready(), a function that gives the
context of its section; the page's view asks for all of them by the page's name. The page's
template names the variables it shows.
"""

from collections import defaultdict
from collections.abc import Callable

BODY_PAGE = "structure.body"
MEETING_PAGE = "meetings.meeting"

_sections: dict[str, list[Callable[..., dict]]] = defaultdict(list)


def register(page: str, section: Callable[..., dict]) -> None:
    """`section(**objects)` takes the page's objects by name and returns template context."""
    _sections[page].append(section)


def sections_context(page: str, **objects) -> dict:
    context = {}
    for section in _sections[page]:
        context.update(section(**objects))
    return context
