"""The public portal of each area: home, organizational structure and body pages."""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.validators import slug_re
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from triada.areas.models import Area
from triada.meetings.calendar import meetings_calendar
from triada.meetings.models import Meeting
from triada.minutes.models import Minutes, UploadedMinutes, Version
from triada.minutes.selectors import archive_entries, archive_years
from triada.people import selectors as people_selectors
from triada.people.public import public_members
from triada.structure import selectors as structure_selectors
from triada.structure.models import Body
from triada.ui.forms import DateQueryForm, query_year

from .plan_views import open_comment_versions

# Calendar feeds carry the coming meetings and those of the last year.
CALENDAR_PAST = datetime.timedelta(days=365)

# The accessibility statement (zákon č. 99/2019 Sb., § 8, in the form of the EU model,
# Implementing Decision 2018/1523). The dates are those of the software's self-assessment
# (tests/browser/test_accessibility.py): change them when the statement is reviewed.
STATEMENT_PREPARED_ON = datetime.date(2026, 11, 23)
STATEMENT_REVIEWED_ON = datetime.date(2026, 11, 23)
# Since 1 April 2023 (zákon č. 471/2022 Sb.) the Digital and Information Agency supervises
# the law and handles complaints about an unanswered or refused request.
SUPERVISOR_URL = (
    "https://www.dia.gov.cz/egovernment/pristupnost-internetovych-stranek-a-mobilnich-aplikaci/"
)


def index(request):
    return render(request, "portal/index.html", {"areas": Area.objects.all()})


def accessibility(request):
    """The accessibility statement; who runs the site, where to write and since when come from
    the deployment's settings (docs/configuration.md)."""
    return render(
        request,
        "portal/accessibility.html",
        {
            "operator": settings.TRIADA_OPERATOR or _("The operator of this website"),
            "contact": settings.TRIADA_ACCESSIBILITY_CONTACT,
            "site": request.get_host(),
            "prepared_on": STATEMENT_PREPARED_ON,
            "reviewed_on": STATEMENT_REVIEWED_ON,
            "published_on": parse_date(settings.TRIADA_PUBLISHED_ON or ""),
            "supervisor_url": SUPERVISOR_URL,
        },
    )


def area_home(request, area_slug):
    area = get_object_or_404(Area, slug=area_slug)
    today = timezone.localdate()
    structure = structure_selectors.structure_on(area, today)
    return render(
        request,
        "portal/area.html",
        {
            "area": area,
            "today": today,
            "structure": structure,
            "active_persons": people_selectors.active_person_count(area, on=today),
            "open_versions": open_comment_versions(area, today),
        },
    )


def structure(request, area_slug):
    area = get_object_or_404(Area, slug=area_slug)
    date_form = DateQueryForm(request.GET or None)
    today = timezone.localdate()
    on, _year = date_form.on_and_year(today)
    on = on or today
    return render(
        request,
        "portal/structure.html",
        {
            "area": area,
            "on": on,
            "today": today,
            "date_form": date_form,
            "structure": structure_selectors.structure_on(area, on),
            "changes": structure_selectors.structure_history(area),
            "active_persons": people_selectors.active_person_count(area, on=on),
        },
    )


def body(request, area_slug, body_slug):
    area = get_object_or_404(Area, slug=area_slug)
    body = get_object_or_404(Body, area=area, slug=body_slug)
    today = timezone.localdate()
    years = people_selectors.roster_years(body, today)
    date_form = DateQueryForm(request.GET or None)
    _on, year = date_form.on_and_year(today)
    if year is None or year not in years:
        year = years[0] if years else today.year
    memberships = people_selectors.roster(body, year=year)
    return render(
        request,
        "portal/body.html",
        {
            "area": area,
            "body": body,
            "year": year,
            "years": years,
            "members": public_members(memberships),
            "balance": people_selectors.triad_balance(memberships),
            "relations": structure_selectors.relations_of(body),
            "ended_by": body.ended_by_changes.prefetch_related("successors"),
            "started_by": body.started_by_changes.prefetch_related("predecessors"),
            "upcoming": body.meetings.upcoming().order_by("starts_at")[:5],
        },
    )


def meeting(request, area_slug, pk):
    area = get_object_or_404(Area, slug=area_slug)
    meeting = get_object_or_404(Meeting.objects.select_related("body"), body__area=area, pk=pk)
    versions = list(Version.objects.filter(minutes__meeting=meeting).defer("text"))
    return render(
        request,
        "portal/meeting.html",
        {
            "area": area,
            "meeting": meeting,
            "agenda": meeting.agenda_items.all(),
            "versions": versions,
            "published": versions[0] if versions else None,
        },
    )


def _calendar_response(request, meetings, name: str) -> HttpResponse:
    meetings = (
        meetings.filter(starts_at__gte=timezone.now() - CALENDAR_PAST)
        .select_related("body__area")
        .prefetch_related("agenda_items")
        .order_by("starts_at")
    )
    calendar = meetings_calendar(
        meetings, name=name, url_for=lambda m: request.build_absolute_uri(m.get_absolute_url())
    )
    return HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")


def area_calendar(request, area_slug):
    area = get_object_or_404(Area, slug=area_slug)
    return _calendar_response(
        request,
        Meeting.objects.filter(body__area=area),
        _("Community planning – %(area)s") % {"area": area.name},
    )


def body_calendar(request, area_slug, body_slug):
    body = get_object_or_404(
        Body.objects.select_related("area"), area__slug=area_slug, slug=body_slug
    )
    return _calendar_response(request, body.meetings.all(), f"{body.name} – {body.area.name}")


def minutes_pdf(request, area_slug, pk):
    """A published version of minutes as PDF; what was published stays downloadable."""
    version = get_object_or_404(
        Version.objects.select_related("minutes__meeting__body"),
        minutes__meeting__body__area__slug=area_slug,
        pk=pk,
    )
    if not version.pdf:
        raise Http404  # still being rendered
    meeting = version.minutes.meeting
    filename = f"zapis-{slugify(meeting.body.name)}-{meeting.date:%Y-%m-%d}-v{version.number}.pdf"
    return FileResponse(version.pdf.open("rb"), content_type="application/pdf", filename=filename)


def minutes_archive(request, area_slug):
    """The public archive of minutes by year and month, like the towns' own pages."""
    area = get_object_or_404(Area, slug=area_slug)
    years = archive_years(area)
    year = query_year(request)
    if year not in years:
        year = years[0] if years else None
    bodies = Body.objects.filter(
        Q(meetings__minutes__status=Minutes.Status.PUBLISHED)
        | Q(uploaded_minutes__status=UploadedMinutes.Status.ACCEPTED),
        area=area,
    ).distinct()
    organ = request.GET.get("organ", "")
    # Only a slug is looked up: PostgreSQL refuses text with a NUL character outright.
    body = bodies.filter(slug=organ).first() if slug_re.fullmatch(organ) else None
    entries = archive_entries(area, body=body, year=year) if year else []
    return render(
        request,
        "portal/minutes_archive.html",
        {
            "area": area,
            "years": years,
            "year": year,
            "bodies": bodies,
            "body": body,
            "entries": entries,
        },
    )


class MinutesFeed(Feed):
    """Atom feed of newly published minutes of an area."""

    feed_type = Atom1Feed

    def get_object(self, request, area_slug):
        return get_object_or_404(Area, slug=area_slug)

    def title(self, area):
        return _("Minutes – %(area)s") % {"area": area.name}

    def link(self, area):
        return reverse("portal:minutes_archive", kwargs={"area_slug": area.slug})

    def items(self, area):
        return (
            Version.objects.filter(minutes__meeting__body__area=area)
            .select_related("minutes__meeting__body__area")
            .defer("html")
            .order_by("-published_at")[:50]
        )

    def item_title(self, version):
        meeting = version.minutes.meeting
        title = _("Minutes – %(body)s, %(date)s") % {
            "body": meeting.body.name,
            "date": date_format(meeting.date, "SHORT_DATE_FORMAT"),
        }
        if version.number > 1:
            title += " " + _("(version %(n)d: %(note)s)") % {
                "n": version.number,
                "note": version.note,
            }
        return title

    def item_description(self, version):
        return version.text[:500]

    def item_link(self, version):
        return version.minutes.meeting.get_absolute_url()

    def item_guid(self, version):
        return f"minutes-version-{version.pk}"

    def item_pubdate(self, version):
        return version.published_at


def uploaded_pdf(request, area_slug, pk):
    upload = get_object_or_404(
        UploadedMinutes, area__slug=area_slug, pk=pk, status=UploadedMinutes.Status.ACCEPTED
    )
    return FileResponse(
        upload.file.open("rb"), content_type="application/pdf", filename=upload.original_name
    )
