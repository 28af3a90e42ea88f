"""Writes to organizations, persons, memberships and leader elections. Each write is atomic,
validates the rules that span rows, and leaves an audit entry."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from triada import events
from triada.accounts.models import AreaRole, User
from triada.audit.models import AuditEntry
from triada.audit.services import audit_record, snapshot
from triada.editing import changes_applied

from .models import LeaderElection, Membership, Organization, Person
from .public import public_name

ORGANIZATION_FIELDS = ("name", "ico", "usual_side", "address", "email", "phone", "website")
PERSON_FIELDS = (
    "title_before",
    "first_name",
    "last_name",
    "title_after",
    "email",
    "phone",
    "public_consent",
    "user",
)
MEMBERSHIP_FIELDS = (
    "person",
    "organization",
    "triad_side",
    "function",
    "start_on",
    "end_on",
    "note",
)


def _date(value: datetime.date) -> str:
    return date_format(value, "SHORT_DATE_FORMAT")


def _period(start: datetime.date, end: datetime.date | None) -> str:
    return f"{_date(start)} – {_date(end)}" if end else _("from %(date)s") % {"date": _date(start)}


def _save_new(instance, *, actor, area, summary: str = ""):
    instance.full_clean()
    instance.save()
    audit_record(
        actor=actor, area=area, action=AuditEntry.Action.CREATE, instance=instance, summary=summary
    )
    return instance


def _save_changed(instance, fields: dict, allowed: tuple, *, actor, area, validate=None):
    before = snapshot(instance)
    with changes_applied(instance, fields, allowed):
        if validate:
            validate(instance)
        else:
            instance.full_clean()
        instance.save()
    audit_record(
        actor=actor, area=area, action=AuditEntry.Action.UPDATE, instance=instance, before=before
    )
    return instance


@transaction.atomic
def organization_create(*, actor, area, **fields) -> Organization:
    return _save_new(Organization(area=area, **fields), actor=actor, area=area)


@transaction.atomic
def organization_update(*, actor, organization: Organization, **fields) -> Organization:
    return _save_changed(
        organization, fields, ORGANIZATION_FIELDS, actor=actor, area=organization.area
    )


@transaction.atomic
def person_create(*, actor, area, **fields) -> Person:
    return _save_new(Person(area=area, **fields), actor=actor, area=area)


@transaction.atomic
def person_update(*, actor, person: Person, **fields) -> Person:
    """Change a person; a change of consent or name reaches the published minutes at once."""
    public_before = public_name(person)
    person = _save_changed(person, fields, PERSON_FIELDS, actor=actor, area=person.area)
    if public_name(person) != public_before:
        events.public_name_changed.send(sender=Person, person=person)
    return person


def validate_membership(membership: Membership) -> None:
    """The membership rules; raises ValidationError keyed by field, in the user's language."""
    body = membership.body
    if membership.end_on and membership.start_on and membership.end_on < membership.start_on:
        raise ValidationError({"end_on": _("The membership cannot end before it starts.")})
    membership.full_clean()
    errors: dict[str, str] = {}
    if membership.person.area_id != body.area_id:
        errors["person"] = _("The person belongs to another planning area.")
    if membership.organization and membership.organization.area_id != body.area_id:
        errors["organization"] = _("The organization belongs to another planning area.")
    if body.established_on and membership.start_on < body.established_on:
        errors["start_on"] = _(
            "The body was established on %(date)s; a membership cannot start earlier."
        ) % {"date": _date(body.established_on)}
    if body.dissolved_on and (membership.end_on is None or membership.end_on > body.dissolved_on):
        errors["end_on"] = _(
            "The body was dissolved on %(date)s; the membership must end by then."
        ) % {"date": _date(body.dissolved_on)}
    others = (
        Membership.objects.filter(body=body)
        .exclude(pk=membership.pk)
        .overlapping(membership.start_on, membership.end_on)
        .select_related("person")
    )
    if any(other.person_id == membership.person_id for other in others):
        errors["person"] = _("%(person)s is already a member of this body in this period.") % {
            "person": membership.person
        }
    if membership.function == Membership.Function.LEADER:
        leader = next((o for o in others if o.function == Membership.Function.LEADER), None)
        if leader:
            errors["function"] = _(
                "A body has one leader at a time: %(person)s leads it %(period)s."
            ) % {"person": leader.person, "period": _period(leader.start_on, leader.end_on)}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def membership_create(*, actor, body, **fields) -> Membership:
    membership = Membership(body=body, **fields)
    validate_membership(membership)
    membership.save()
    audit_record(actor=actor, area=body.area, action=AuditEntry.Action.CREATE, instance=membership)
    return membership


@transaction.atomic
def membership_update(
    *, actor, membership: Membership, function_from: datetime.date | None = None, **fields
) -> Membership:
    """Change a membership. A new function from `function_from`, a day after the term began,
    is a new term from that day: the former one ends the day before, so the roster of every
    earlier day keeps it. Without `function_from` the change corrects the whole term."""
    function = fields.get("function", membership.function)
    if function_from is not None and function != membership.function:
        if function_from < membership.start_on or (
            membership.end_on and function_from > membership.end_on
        ):
            raise ValidationError(
                {"function_from": _("Choose a day within the membership's term.")}
            )
        if function_from > membership.start_on:
            changes = {k: v for k, v in fields.items() if k not in ("function", "start_on")}
            return _switch_function(membership, function_from, function, actor=actor, **changes)
    return _save_changed(
        membership,
        fields,
        MEMBERSHIP_FIELDS,
        actor=actor,
        area=membership.body.area,
        validate=validate_membership,
    )


@transaction.atomic
def membership_end(*, actor, membership: Membership, end_on: datetime.date) -> Membership:
    return membership_update(actor=actor, membership=membership, end_on=end_on)


@transaction.atomic
def membership_delete(*, actor, membership: Membership) -> None:
    """For memberships entered by mistake. One with history (the apps above protect their
    rows: an attendance list, an election) is ended, not deleted."""
    audit_record(
        actor=actor,
        area=membership.body.area,
        action=AuditEntry.Action.DELETE,
        instance=membership,
        before=snapshot(membership),
    )
    try:
        membership.delete()
    except ProtectedError as error:
        kinds = sorted({str(row._meta.verbose_name) for row in error.protected_objects})
        raise ValidationError(
            _(
                "The membership cannot be deleted: it has a history (%(kinds)s). "
                "End it instead; the roster of earlier days keeps it."
            )
            % {"kinds": ", ".join(kinds)}
        ) from error


def _switch_function(
    membership: Membership, on: datetime.date, function: str, *, actor, **changes
) -> Membership:
    """From `on`, the person holds `function` in the body (with `changes` to the other
    fields); the history keeps the old term."""
    if membership.start_on >= on:
        return membership_update(actor=actor, membership=membership, function=function, **changes)
    later_end = changes.pop("end_on", membership.end_on)
    membership_update(actor=actor, membership=membership, end_on=on - datetime.timedelta(days=1))
    carried = ("person", "organization", "triad_side", "note")
    return membership_create(
        actor=actor,
        body=membership.body,
        **({name: getattr(membership, name) for name in carried} | changes),
        function=function,
        start_on=on,
        end_on=later_end,
    )


def coordinator_person_ids(area) -> set[int]:
    """The persons of the area whose sign-in accounts coordinate it."""
    return set(
        Person.objects.filter(
            area=area,
            user__area_roles__area=area,
            user__area_roles__role=AreaRole.Role.COORDINATOR,
        ).values_list("pk", flat=True)
    )


@transaction.atomic
def leader_election_record(
    *,
    actor,
    body,
    held_on: datetime.date,
    elected: Person,
    voters=(),
    coordinator_voted: bool = False,
    votes_for: int,
    votes_against: int = 0,
    votes_abstained: int = 0,
    organization: Organization | None = None,
    triad_side: str | None = None,
    note: str = "",
) -> LeaderElection:
    """Record the election; the former leader goes on as a member and the elected person
    leads the body from the day of the election."""
    voters = list(voters)
    cast = votes_for + votes_against + votes_abstained
    if held_on > timezone.localdate():
        raise ValidationError({"held_on": _("An election is recorded after it was held.")})
    if not body.is_active_on(held_on):
        raise ValidationError({"held_on": _("The body does not exist on that day.")})
    if elected.area_id != body.area_id:
        raise ValidationError({"elected": _("The person belongs to another planning area.")})
    members = set(body.memberships.active_on(held_on).voting().values_list("person_id", flat=True))
    outsiders = [v for v in voters if v.pk not in members]
    if outsiders:
        raise ValidationError(
            {
                "voters": _("Only members of the body vote (guests do not): %(names)s.")
                % {"names": ", ".join(str(v) for v in outsiders)}
            }
        )
    # The coordinator votes once: as a member, if she is one.
    voting = {v.pk for v in voters} if voters else members
    if coordinator_voted and voting & coordinator_person_ids(body.area):
        raise ValidationError(
            {
                "coordinator_voted": _(
                    "The coordinator is a member of the body and votes as one; "
                    "the vote is not counted again."
                )
            }
        )
    # Without a list of voters, every member of that day might have voted.
    eligible = (len(voters) if voters else len(members)) + (1 if coordinator_voted else 0)
    if cast > eligible:
        raise ValidationError(
            {
                "votes_for": _("%(cast)d votes were cast but only %(eligible)d people could vote.")
                % {"cast": cast, "eligible": eligible}
            }
        )
    if votes_for * 2 <= cast:
        raise ValidationError(
            {"votes_for": _("The leader needs more than half of the votes cast.")}
        )

    current = list(body.memberships.active_on(held_on).select_related("person", "organization"))
    for membership in current:
        if membership.function == Membership.Function.LEADER and membership.person_id != elected.pk:
            _switch_function(membership, held_on, Membership.Function.MEMBER, actor=actor)
    own = next((m for m in current if m.person_id == elected.pk), None)
    if own is not None:  # a member goes on representing whom he or she represented
        leader = (
            own
            if own.function == Membership.Function.LEADER
            else _switch_function(own, held_on, Membership.Function.LEADER, actor=actor)
        )
    else:
        side = triad_side or (organization.usual_side if organization else "") or ""
        if not side:
            raise ValidationError(
                {"triad_side": _("Say which side of the triad the new leader stands for.")}
            )
        leader = membership_create(
            actor=actor,
            body=body,
            person=elected,
            organization=organization,
            triad_side=side,
            function=Membership.Function.LEADER,
            start_on=held_on,
        )
    election = LeaderElection(
        body=body,
        held_on=held_on,
        elected=elected,
        coordinator_voted=coordinator_voted,
        votes_for=votes_for,
        votes_against=votes_against,
        votes_abstained=votes_abstained,
        membership=leader,
        note=note,
    )
    election.full_clean()
    election.save()
    election.voters.set(voters)
    audit_record(
        actor=actor,
        area=body.area,
        action=AuditEntry.Action.CREATE,
        instance=election,
        summary=_election_summary(election, voters),
    )
    return election


def _election_summary(election: LeaderElection, voters: list[Person]) -> str:
    summary = _("%(for)d for, %(against)d against, %(abstained)d abstained") % {
        "for": election.votes_for,
        "against": election.votes_against,
        "abstained": election.votes_abstained,
    }
    names = [str(v) for v in voters]
    if election.coordinator_voted:
        names.append(_("the coordinator"))
    if names:
        summary += "; " + _("voted: %(names)s") % {"names": ", ".join(names)}
    return summary


@transaction.atomic
def person_account_create(*, actor, person: Person, username: str, email: str):
    """Give a person a sign-in account; the person sets the password from an e-mailed link.

    Roles follow from the person's memberships, so the account needs nothing else."""
    if person.user_id:
        raise ValidationError(
            {"username": _("%(person)s already has an account.") % {"person": person}}
        )
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("This user name is taken; choose another.")})
    user = User(
        username=username, email=email, first_name=person.first_name, last_name=person.last_name
    )
    user.set_unusable_password()
    user.full_clean()
    user.save()
    before = snapshot(person)
    person.user = user
    person.save(update_fields=["user", "updated_at"])
    audit_record(
        actor=actor,
        area=person.area,
        action=AuditEntry.Action.UPDATE,
        instance=person,
        before=before,
        summary=_("sign-in account created"),
    )
    return user


def rosters_follow_succession(
    sender, *, actor, area, predecessors, successors, last_day, carry_over_members, **kwargs
) -> None:
    """A structure change (triada.events.bodies_succeeded): the former bodies' memberships end
    on their last day; with `carry_over_members` and one new body, the members go on there."""
    effective_on = last_day + datetime.timedelta(days=1)
    for body in predecessors:
        if body.memberships.filter(start_on__gte=effective_on).exists():
            raise ValidationError(
                {
                    "predecessors": _(
                        "%(body)s has memberships that start on or after the change; "
                        "move them to the new bodies first."
                    )
                    % {"body": body}
                }
            )
    # Memberships that go on past the change: (membership, its planned end).
    going_on: list[tuple[Membership, datetime.date | None]] = []
    for body in predecessors:
        for membership in body.memberships.active_on(last_day).select_related("person"):
            planned_end = membership.end_on
            if planned_end == last_day:
                continue  # it ends that day anyway
            before = snapshot(membership)
            membership.end_on = last_day
            membership.save(update_fields=["end_on", "updated_at"])
            audit_record(
                actor=actor,
                area=area,
                action=AuditEntry.Action.UPDATE,
                instance=membership,
                before=before,
            )
            going_on.append((membership, planned_end))
    if not (carry_over_members and len(successors) == 1):
        return
    seen = set()
    # A person in several merged bodies goes on once, in the most important function.
    for membership, planned_end in sorted(going_on, key=lambda pair: pair[0].function_rank):
        if membership.person_id in seen:
            continue
        seen.add(membership.person_id)
        function = membership.function
        if len(predecessors) > 1 and function in Membership.LEADING_FUNCTIONS:
            function = Membership.Function.MEMBER  # a merged group elects its leader anew
        membership_create(  # the membership rules hold for carried members too
            actor=actor,
            body=successors[0],
            person=membership.person,
            organization=membership.organization,
            triad_side=membership.triad_side,
            function=function,
            start_on=effective_on,
            end_on=planned_end,
            note=membership.note,
        )
