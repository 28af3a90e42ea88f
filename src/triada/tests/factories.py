"""Small builders for tests. They go through the services, so the rules apply to test data."""

import datetime
import itertools

from triada.accounts.models import AreaRole, User
from triada.areas.models import Area
from triada.people import services as people_services
from triada.people.models import Membership, Organization, Person, TriadSide
from triada.people.validators import ico_check_digit
from triada.structure import services as structure_services
from triada.structure.models import Body

_counter = itertools.count(1)


def valid_ico(seed: int) -> str:
    first_seven = f"{seed:07d}"[-7:]
    return first_seven + str(ico_check_digit(first_seven))


def make_area(name: str = "Město", slug: str | None = None) -> Area:
    n = next(_counter)
    return Area.objects.create(name=f"{name} {n}", slug=slug or f"mesto-{n}")


def make_user(username: str | None = None, **fields) -> User:
    username = username or f"user{next(_counter)}"
    user = User.objects.create_user(username=username, password="correct horse battery", **fields)
    return user


def make_coordinator(area: Area, username: str | None = None) -> User:
    user = make_user(username)
    AreaRole.objects.create(user=user, area=area, role=AreaRole.Role.COORDINATOR)
    return user


def make_body(
    area: Area, name: str | None = None, kind: str = Body.Kind.WORKING_GROUP, **fields
) -> Body:
    return structure_services.body_create(
        actor=None,
        area=area,
        name=name or f"Pracovní skupina {next(_counter)}",
        kind=kind,
        **fields,
    )


def make_organization(area: Area, side: str = TriadSide.PROVIDER, **fields) -> Organization:
    n = next(_counter)
    fields.setdefault("name", f"Organizace {n}")
    return people_services.organization_create(
        actor=None, area=area, usual_side=side, ico=fields.pop("ico", valid_ico(n)), **fields
    )


def make_person(area: Area, user: User | None = None, **fields) -> Person:
    n = next(_counter)
    fields.setdefault("first_name", "Jana")
    fields.setdefault("last_name", f"Nováková{n}")
    return people_services.person_create(actor=None, area=area, user=user, **fields)


def make_membership(
    body: Body,
    person: Person | None = None,
    *,
    side: str = TriadSide.PROVIDER,
    function: str = Membership.Function.MEMBER,
    start_on: datetime.date = datetime.date(2017, 1, 1),
    end_on: datetime.date | None = None,
    organization: Organization | None = None,
) -> Membership:
    person = person or make_person(body.area)
    return people_services.membership_create(
        actor=None,
        body=body,
        person=person,
        organization=organization,
        triad_side=side,
        function=function,
        start_on=start_on,
        end_on=end_on,
    )


def make_plan(
    area: Area,
    *,
    owner: Body | None = None,
    ordinal: int | None = None,
    first_year: int = 2017,
    last_year: int = 2020,
):
    """A draft plan with one branch of the strategy tree: a support area (owned by `owner`),
    a priority, a goal, a measure and two activities. Returns the draft version."""
    from triada.planning import services as planning_services

    version = planning_services.plan_create(
        actor=None,
        area=area,
        ordinal=ordinal or next(_counter),
        title="Komunitní plán sociálních služeb",
        first_year=first_year,
        last_year=last_year,
    )
    parent = None
    for title in ("Senioři", "Péče v domácnosti", "Dostupná pečovatelská služba"):
        fields = {"owner": owner, "target_group": "senioři"} if parent is None else {}
        parent = planning_services.item_create(
            actor=None, version=version, parent=parent, title=title, **fields
        )
    measure = planning_services.item_create(
        actor=None, version=version, parent=parent, title="Rozšíření pečovatelské služby"
    )
    for title in ("Víkendová služba", "Nový automobil"):
        planning_services.item_create(actor=None, version=version, parent=measure, title=title)
    return version


def advance_plan(version, status: str, *, assembly: Body | None = None):
    """Take a version through its life up to `status`, as the coordinator would: comments
    (a period that has passed), settlement, the assembly's approval, in force."""
    from triada.planning import services as planning_services
    from triada.planning.models import PlanVersion

    S = PlanVersion.Status
    order = [S.DRAFT, S.IN_COMMENTS, S.SETTLED, S.APPROVED, S.IN_FORCE]
    today = datetime.date.today()
    area = version.plan.area
    if order.index(status) >= 1 and version.status == S.DRAFT:
        planning_services.comments_open(
            actor=None, version=version, comments_from=today, comments_until=today
        )
    if order.index(status) >= 2 and version.status == S.IN_COMMENTS:
        # The period has passed: move it into the past rather than wait for it.
        PlanVersion.objects.filter(pk=version.pk).update(
            comments_from=today - datetime.timedelta(days=60),
            comments_until=today - datetime.timedelta(days=30),
        )
        version.refresh_from_db()
        planning_services.version_settle(actor=None, version=version)
    if order.index(status) >= 3 and version.status == S.SETTLED:
        assembly = assembly or make_body(area, "Zastupitelstvo", kind=Body.Kind.ASSEMBLY)
        planning_services.approval_step_record(
            actor=None, version=version, body=assembly, decided_on=today, resolution_number="1/1"
        )
        planning_services.version_approve(actor=None, version=version)
    if order.index(status) >= 4 and version.status == S.APPROVED:
        planning_services.version_put_in_force(actor=None, version=version, in_force_from=today)
    return version
