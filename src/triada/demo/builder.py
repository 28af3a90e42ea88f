"""A deterministic builder of demo data: fictional Czech people and organizations placed in
the real structures of the seed towns. Everything goes through the services, so the demo
obeys the same rules as real data and fills the audit log."""

import datetime
import random
import unicodedata
from dataclasses import dataclass, field

from django.utils import timezone
from faker import Faker

from triada.accounts.models import AreaRole, User
from triada.meetings import services as meetings
from triada.meetings.models import Attendance
from triada.meetings.selectors import invited_memberships
from triada.people import services as people
from triada.people.models import Membership, Organization, Person, TriadSide
from triada.people.validators import ico_check_digit
from triada.structure import services as structure
from triada.structure.models import Body

from .minutes_text import write_minutes

DEMO_PASSWORD = "triada-demo"

TITLES_BEFORE = ["", "", "", "", "Mgr.", "Mgr.", "Bc.", "Bc.", "Ing.", "PhDr.", "MUDr."]
TITLES_AFTER = ["", "", "", "", "", "", "DiS.", "Ph.D."]


def ensure_user(username: str, *, superuser: bool = False, **fields) -> User:
    user, created = User.objects.get_or_create(username=username, defaults=fields)
    if created:
        user.is_superuser = user.is_staff = superuser
        user.set_password(DEMO_PASSWORD)  # demo only: shown in the README
        user.save()
    return user


@dataclass
class AreaBuilder:
    """Builds one area; `seed` makes the generated names the same on every run."""

    area: object
    actor: User
    seed: int
    rng: random.Random = field(init=False)
    faker: Faker = field(init=False)
    _ico_seed: int = field(init=False)

    def __post_init__(self):
        self.rng = random.Random(self.seed)
        self.faker = Faker("cs_CZ")
        self.faker.seed_instance(self.seed)
        self._ico_seed = 2_700_000 + (self.seed % 100) * 10_000

    def coordinator(self, username: str) -> User:
        user = ensure_user(username, first_name="", last_name="")
        AreaRole.objects.get_or_create(user=user, area=self.area, role=AreaRole.Role.COORDINATOR)
        return user

    def body(self, name: str, kind: str, *, reports_to=(), approves=(), **fields) -> Body:
        return structure.body_create(
            actor=self.actor,
            area=self.area,
            name=name,
            kind=kind,
            reports_to=reports_to,
            approves_outputs_of=approves,
            **fields,
        )

    def organization(
        self, name: str, side: str, *, with_ico: bool = True, **fields
    ) -> Organization:
        ico = ""
        if with_ico:
            self._ico_seed += self.rng.randint(17, 4000)
            first_seven = f"{self._ico_seed:07d}"
            ico = first_seven + str(ico_check_digit(first_seven))
        slug = self.faker.user_name()
        return people.organization_create(
            actor=self.actor,
            area=self.area,
            name=name,
            usual_side=side,
            ico=ico,
            email=fields.pop("email", f"info@{slug}.example.cz"),
            phone=self.faker.phone_number(),
            address=self.faker.address().replace("\n", ", "),
            **fields,
        )

    def person(
        self, *, consent: bool | None = None, user: User | None = None, female: bool | None = None
    ) -> Person:
        female = self.rng.random() < 0.7 if female is None else female
        if female:
            first, last = self.faker.first_name_female(), self.faker.last_name_female()
        else:
            first, last = self.faker.first_name_male(), self.faker.last_name_male()
        if consent is None:
            consent = self.rng.random() < 0.65
        email = f"{_ascii(first)}.{_ascii(last)}@example.cz".lower()
        return people.person_create(
            actor=self.actor,
            area=self.area,
            first_name=first,
            last_name=last,
            title_before=self.rng.choice(TITLES_BEFORE),
            title_after=self.rng.choice(TITLES_AFTER),
            email=email,
            phone=self.faker.phone_number(),
            public_consent=consent,
            user=user,
        )

    def member(
        self,
        body: Body,
        person: Person,
        organization: Organization | None,
        *,
        side: str | None = None,
        function: str = Membership.Function.MEMBER,
        start: datetime.date,
        end: datetime.date | None = None,
    ) -> Membership:
        side = side or (organization.usual_side if organization else TriadSide.USER)
        return people.membership_create(
            actor=self.actor,
            body=body,
            person=person,
            organization=organization,
            triad_side=side,
            function=function,
            start_on=start,
            end_on=end,
        )

    def elect(self, body: Body, person: Person, on: datetime.date) -> None:
        voters = list(
            Person.objects.filter(
                memberships__in=body.memberships.active_on(on).voting()
            ).distinct()
        )
        against = self.rng.choice([0, 0, 1])
        # The coordinator votes too, once: as a member if she sits in the body.
        coordinator_voted = not {v.pk for v in voters} & people.coordinator_person_ids(body.area)
        people.leader_election_record(
            actor=self.actor,
            body=body,
            held_on=on,
            elected=person,
            voters=voters,
            coordinator_voted=coordinator_voted,
            votes_for=len(voters) + coordinator_voted - against,
            votes_against=against,
        )


def _ascii(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if c.isascii() and c.isalpha())


def hold_meetings(
    builder: "AreaBuilder",
    body: Body,
    days: list[datetime.date],
    *,
    place: str,
    agenda: tuple[str, ...],
) -> None:
    """Meetings of a body on the given days, with an attendance list drawn at random and
    published minutes."""
    tz = timezone.get_default_timezone()
    for day in days:
        if not body.is_active_on(day):
            continue
        starts = datetime.datetime.combine(day, datetime.time(14, 0), tzinfo=tz)
        meeting = meetings.meeting_create(
            actor=builder.actor,
            body=body,
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=2),
            place=place,
            agenda=agenda,
        )
        if starts > timezone.now():
            continue
        entries = {}
        for membership in invited_memberships(meeting):
            roll = builder.rng.random()
            status = (
                Attendance.Status.PRESENT
                if roll < 0.75
                else Attendance.Status.EXCUSED
                if roll < 0.9
                else Attendance.Status.ABSENT
            )
            entries[membership.pk] = (status, None)
        meetings.attendance_record(actor=builder.actor, meeting=meeting, entries=entries)
        write_minutes(builder, meeting, publish=True)
