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
