"""Reads about meetings: whom a meeting invites, its attendance list and what follows from it."""

from dataclasses import dataclass

from triada.people.models import TRIAD_SIDES, Membership, TriadSide
from triada.people.selectors import roster

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
    """The attendance list of a meeting in three queries."""
    memberships = invited_memberships(meeting)
    recorded = {a.membership_id: a for a in meeting.attendance.select_related("substitute")}
    rows = [AttendanceRow(m, recorded.get(m.pk)) for m in memberships]
    # Someone recorded earlier whose membership changed since still belongs on the list.
    listed = {m.pk for m in memberships}
    extra = [a for membership_id, a in recorded.items() if membership_id not in listed]
    if extra:
        for a in Attendance.objects.filter(pk__in=[a.pk for a in extra]).select_related(
            "membership__person", "membership__organization", "substitute"
        ):
            rows.append(AttendanceRow(a.membership, a))
    return AttendanceSummary(rows, meeting.body.quorum_percent)
