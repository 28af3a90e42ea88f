"""Reads about meetings: whom a meeting invites, its attendance list and what follows from it."""

import datetime
import math
from dataclasses import dataclass

from django.db.models import Count, Q

from triada.people.models import TRIAD_SIDES, Membership, TriadSide
from triada.people.selectors import roster, roster_sorted
from triada.structure.models import Body

from .models import Attendance, Meeting


def invited_memberships(meeting: Meeting) -> list[Membership]:
    """The body's roster on the day of the meeting, guests of the roster included."""
    return roster(meeting.body, on=meeting.date)


@dataclass
class AttendanceRow:
    membership: Membership
    attendance: Attendance | None

    @property
    def status(self) -> str:
        return self.attendance.status if self.attendance else Attendance.Status.ABSENT

    @property
    def substitute(self):
        return self.attendance.substitute if self.attendance else None

    @property
    def present(self) -> bool:
        return self.attendance is not None and self.attendance.counts_as_present

    @property
    def votes(self) -> bool:
        return self.membership.function != Membership.Function.GUEST


@dataclass
class AttendanceSummary:
    rows: list[AttendanceRow]
    quorum_percent: int

    @property
    def voting_members(self) -> int:
        return sum(1 for row in self.rows if row.votes)

    @property
    def present_voting(self) -> int:
        return sum(1 for row in self.rows if row.votes and row.present)

    @property
    def quorum_reached(self) -> bool:
        """More than `quorum_percent` per cent of the voting members are present."""
        return self.voting_members > 0 and (
            self.present_voting * 100 > self.quorum_percent * self.voting_members
        )

    @property
    def sides_present(self) -> set[str]:
        return {row.membership.triad_side for row in self.rows if row.votes and row.present}

    @property
    def missing_sides(self) -> list[str]:
        return [TriadSide(side).label for side in TRIAD_SIDES if side not in self.sides_present]

    @property
    def triad_present(self) -> bool:
        return not self.missing_sides


def attendance_summary(meeting: Meeting) -> AttendanceSummary:
    """The attendance list of a meeting in two queries.

    Once recorded, the list is a fact of the meeting: its recorded lines, each person once,
    whatever the roster says later (an election or a new function that day, a member who
    joined after). Before, it is the roster of the day, everyone absent until recorded."""
    recorded = list(
        meeting.attendance.select_related(
            "membership__person", "membership__organization", "substitute"
        )
    )
    if not recorded:
        rows = [AttendanceRow(m, None) for m in invited_memberships(meeting)]
        return AttendanceSummary(rows, meeting.body.quorum_percent)
    by_person: dict[int, Attendance] = {}
    by_weight = sorted(
        recorded, key=lambda line: (not line.counts_as_present, line.membership.function_rank)
    )
    for line in by_weight:
        by_person.setdefault(line.membership.person_id, line)  # a list of old: one line each
    lines = {line.membership_id: line for line in by_person.values()}
    memberships = roster_sorted(line.membership for line in by_person.values())
    rows = [AttendanceRow(m, lines[m.pk]) for m in memberships]
    return AttendanceSummary(rows, meeting.body.quorum_percent)


@dataclass
class DutyRow:
    body: object
    year: int
    held: int
    planned: int  # shown apart: a planned meeting counts once it is held

    @property
    def required(self) -> int:
        """The yearly minimum, for the part of the year the body existed (to the nearest)."""
        first, last = datetime.date(self.year, 1, 1), datetime.date(self.year, 12, 31)
        start = max(first, self.body.established_on or first)
        end = min(last, self.body.dissolved_on or last)
        existed, whole = (end - start).days + 1, (last - first).days + 1
        return math.floor(self.body.min_meetings_per_year * existed / whole + 0.5)

    @property
    def fulfilled(self) -> bool:
        return self.held >= self.required


def meeting_duties(area, year: int) -> list[DutyRow]:
    """Bodies with a duty to meet, existing in the year: meetings held against the duty."""
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    in_year = Q(meetings__starts_at__year=year)
    bodies = (
        Body.objects.filter(area=area, min_meetings_per_year__gt=0)
        .filter(Q(established_on__isnull=True) | Q(established_on__lte=last))
        .filter(Q(dissolved_on__isnull=True) | Q(dissolved_on__gte=first))
        .annotate(
            held=Count("meetings", filter=in_year & Q(meetings__status=Meeting.Status.HELD)),
            planned=Count("meetings", filter=in_year & Q(meetings__status=Meeting.Status.PLANNED)),
        )
    )
    return [DutyRow(body, year, body.held, body.planned) for body in bodies]


@dataclass
class AttendanceStat:
    label: str
    invited: int = 0
    present: int = 0
    last_present: datetime.date | None = None
    recent_absences: int = 0  # in a row, up to the body's latest meeting

    @property
    def rate(self) -> int:
        return round(100 * self.present / self.invited) if self.invited else 0

    @property
    def stopped_coming(self) -> bool:
        return self.recent_absences >= STOPPED_AFTER


# Absent from this many meetings in a row, up to the latest: "stopped coming".
STOPPED_AFTER = 3


def attendance_stats(body, year: int) -> tuple[list[AttendanceStat], list[AttendanceStat]]:
    """Attendance per member and per organization at the body's meetings held in a year."""
    lines = (
        Attendance.objects.filter(
            meeting__body=body, meeting__status=Meeting.Status.HELD, meeting__starts_at__year=year
        )
        .select_related("membership__person", "membership__organization", "meeting")
        .order_by("meeting__starts_at")
    )
    by_person: dict[int, AttendanceStat] = {}
    by_org: dict[int, AttendanceStat] = {}
    # Per meeting: was each member there, and was each organization there (by anyone)?
    meetings: dict[int, tuple[datetime.date, dict, dict]] = {}
    for line in lines:
        membership = line.membership
        date, people, orgs = meetings.setdefault(line.meeting_id, (line.meeting.date, {}, {}))
        present = line.counts_as_present
        people[membership.person_id] = (membership.person.full_name, present)
        if membership.organization_id:
            _label, org_present = orgs.get(membership.organization_id, ("", False))
            orgs[membership.organization_id] = (
                membership.organization.name,
                org_present or present,
            )
    for date, people, orgs in meetings.values():
        for table, seen in ((by_person, people), (by_org, orgs)):
            for key, (label, present) in seen.items():
                stat = table.setdefault(key, AttendanceStat(label))
                stat.invited += 1
                if present:
                    stat.present += 1
                    stat.last_present = date
                    stat.recent_absences = 0
                else:
                    stat.recent_absences += 1
    people = sorted(by_person.values(), key=lambda s: (-s.recent_absences, s.rate, s.label))
    orgs = sorted(by_org.values(), key=lambda s: (-s.recent_absences, s.rate, s.label))
    return people, orgs


def body_page(*, body, **objects) -> dict:
    """The latest meetings on a body's page (ui.sections)."""
    return {"meetings": body.meetings.select_related("body")[:20]}
