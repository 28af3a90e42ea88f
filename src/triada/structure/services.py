"""Writes to the structure: bodies, their relations and dated changes. Each write is atomic
and leaves an audit entry."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from triada.audit.models import AuditEntry
from triada.audit.services import audit_record, snapshot
from triada.people.models import Membership

from .models import Body, BodyRelation, StructureChange

BODY_FIELDS = (
    "name",
    "short_name",
    "kind",
    "description",
    "target_groups",
    "min_meetings_per_year",
    "established_on",
    "dissolved_on",
    "position",
)


def _unique_slug(area, name: str, exclude_pk: int | None = None) -> str:
    base = slugify(name)[:70] or "organ"
    taken = set(
        Body.objects.filter(area=area, slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _check_related_bodies(body: Body, related: list[Body]) -> None:
    for other in related:
        if other.area_id != body.area_id:
            raise ValidationError(_("Related bodies must belong to the same planning area."))
        if other.pk == body.pk:
            raise ValidationError(_("A body cannot relate to itself."))


def _set_relations(body: Body, kind: str, targets: list[Body]) -> None:
    _check_related_bodies(body, targets)
    body.outgoing_relations.filter(kind=kind).exclude(target__in=targets).delete()
    existing = set(body.outgoing_relations.filter(kind=kind).values_list("target_id", flat=True))
    BodyRelation.objects.bulk_create(
        BodyRelation(source=body, target=t, kind=kind) for t in targets if t.pk not in existing
    )


def _relations_text(body: Body) -> str:
    parts = [
        f"{rel.get_kind_display()}: {rel.target}"
        for rel in body.outgoing_relations.select_related("target")
    ]
    return "; ".join(parts)


@transaction.atomic
def body_create(
    *,
    actor,
    area,
    name: str,
    kind: str,
    reports_to=(),
    approves_outputs_of=(),
    min_meetings_per_year: int | None = None,
    **fields,
) -> Body:
    if min_meetings_per_year is None:
        min_meetings_per_year = Body.DEFAULT_MIN_MEETINGS.get(kind, 0)
    body = Body(
        area=area,
        name=name,
        kind=kind,
        min_meetings_per_year=min_meetings_per_year,
        slug=_unique_slug(area, name),
        **fields,
    )
    body.full_clean()
    body.save()
    _set_relations(body, BodyRelation.Kind.REPORTS_TO, list(reports_to))
    _set_relations(body, BodyRelation.Kind.APPROVES_OUTPUTS_OF, list(approves_outputs_of))
    audit_record(
        actor=actor,
        area=area,
        action=AuditEntry.Action.CREATE,
        instance=body,
        summary=_relations_text(body),
    )
    return body


@transaction.atomic
def body_update(*, actor, body: Body, reports_to=None, approves_outputs_of=None, **fields) -> Body:
    before = snapshot(body)
    relations_before = _relations_text(body)
    for name, value in fields.items():
        if name not in BODY_FIELDS:
            raise TypeError(name)
        setattr(body, name, value)
    if "name" in fields:
        body.slug = _unique_slug(body.area, body.name, exclude_pk=body.pk)
    body.full_clean()
    _check_memberships_within(body)
    body.save()
    if reports_to is not None:
        _set_relations(body, BodyRelation.Kind.REPORTS_TO, list(reports_to))
    if approves_outputs_of is not None:
        _set_relations(body, BodyRelation.Kind.APPROVES_OUTPUTS_OF, list(approves_outputs_of))
    relations_after = _relations_text(body)
    audit_record(
        actor=actor,
        area=body.area,
        action=AuditEntry.Action.UPDATE,
        instance=body,
        before=before,
        summary=relations_after if relations_after != relations_before else "",
    )
    return body


def _check_memberships_within(body: Body) -> None:
    """A body's dates must still cover its memberships."""
    memberships = body.memberships.all()
    if body.established_on and memberships.filter(start_on__lt=body.established_on).exists():
        raise ValidationError(
            {"established_on": _("Some memberships start before this date; change them first.")}
        )
    if body.dissolved_on and (
        memberships.filter(start_on__gt=body.dissolved_on).exists()
        or memberships.filter(end_on__isnull=True).exists()
        or memberships.filter(end_on__gt=body.dissolved_on).exists()
    ):
        raise ValidationError(
            {
                "dissolved_on": _(
                    "Some memberships go on after this date; end them first, or record the "
                    "dissolution as a structure change, which ends them."
                )
            }
        )


# How many former and new bodies each kind of change takes: (min, max) with None = any.
CHANGE_SHAPES = {
    StructureChange.Kind.SPLIT: ((1, 1), (2, None)),
    StructureChange.Kind.MERGE: ((2, None), (1, 1)),
    StructureChange.Kind.RENAME: ((1, 1), (1, 1)),
    StructureChange.Kind.REVISION: ((1, None), (1, None)),
}


def _check_shape(kind: str, n_before: int, n_after: int) -> None:
    (min_b, max_b), (min_a, max_a) = CHANGE_SHAPES[kind]
    if n_before < min_b or (max_b is not None and n_before > max_b):
        messages = {
            StructureChange.Kind.SPLIT: _("A split starts from exactly one body."),
            StructureChange.Kind.MERGE: _("A merge joins at least two bodies."),
            StructureChange.Kind.RENAME: _("A rename changes exactly one body."),
            StructureChange.Kind.REVISION: _("Choose at least one former body."),
        }
        raise ValidationError({"predecessors": messages[kind]})
    if n_after < min_a or (max_a is not None and n_after > max_a):
        messages = {
            StructureChange.Kind.SPLIT: _("A split creates at least two new bodies."),
            StructureChange.Kind.MERGE: _("A merge creates exactly one new body."),
            StructureChange.Kind.RENAME: _("A rename gives exactly one new name."),
            StructureChange.Kind.REVISION: _("Name at least one new body."),
        }
        raise ValidationError({"new_names": messages[kind]})


@transaction.atomic
def structure_change_record(
    *,
    actor,
    area,
    kind: str,
    effective_on: datetime.date,
    predecessors: list[Body],
    new_names: list[str],
    description: str = "",
    carry_over_members: bool = False,
    new_kind: str = "",
) -> StructureChange:
    """Dissolve the former bodies the day before `effective_on` (ending their memberships),
    create the new ones from that day with the relations (and, unless `new_kind` is given, the
    kind) of the first former body, and link both sides. With `carry_over_members`, the
    members go on in the new body."""
    new_names = [n.strip() for n in new_names if n.strip()]
    _check_shape(kind, len(predecessors), len(new_names))
    last_day = effective_on - datetime.timedelta(days=1)
    for body in predecessors:
        if body.area_id != area.pk:
            raise ValidationError({"predecessors": _("Choose bodies of this planning area.")})
        if not body.is_active_on(last_day):
            raise ValidationError(
                {
                    "predecessors": _("%(body)s does not exist on the day before the change.")
                    % {"body": body}
                }
            )
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

    template = predecessors[0]
    reports_to = [
        r.target
        for r in template.outgoing_relations.filter(
            kind=BodyRelation.Kind.REPORTS_TO
        ).select_related("target")
    ]
    approves = [
        r.target
        for r in template.outgoing_relations.filter(
            kind=BodyRelation.Kind.APPROVES_OUTPUTS_OF
        ).select_related("target")
    ]
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
        before = snapshot(body)
        body.dissolved_on = last_day
        body.full_clean()
        body.save(update_fields=["dissolved_on", "updated_at"])
        audit_record(
            actor=actor, area=area, action=AuditEntry.Action.UPDATE, instance=body, before=before
        )

    successors = []
    for position, name in enumerate(new_names):
        successors.append(
            body_create(
                actor=actor,
                area=area,
                name=name,
                kind=new_kind or template.kind,
                short_name="" if len(new_names) > 1 else template.short_name,
                description=template.description if kind == StructureChange.Kind.RENAME else "",
                target_groups=template.target_groups if kind == StructureChange.Kind.RENAME else "",
                min_meetings_per_year=(None if new_kind else template.min_meetings_per_year),
                established_on=effective_on,
                position=template.position + position,
                reports_to=reports_to,
                approves_outputs_of=approves,
            )
        )
    # Bodies that reported to a former body now report to the new ones.
    for relation in BodyRelation.objects.filter(target__in=predecessors).select_related("source"):
        if relation.source.is_active_on(effective_on) and relation.source not in predecessors:
            BodyRelation.objects.bulk_create(
                [
                    BodyRelation(source=relation.source, target=s, kind=relation.kind)
                    for s in successors
                ],
                ignore_conflicts=True,
            )

    if carry_over_members and len(successors) == 1:
        seen = set()
        # A person in several merged bodies goes on once, in the most important function.
        for membership, planned_end in sorted(going_on, key=lambda pair: pair[0].function_rank):
            if membership.person_id in seen:
                continue
            seen.add(membership.person_id)
            function = membership.function
            if len(predecessors) > 1 and function in Membership.LEADING_FUNCTIONS:
                function = Membership.Function.MEMBER  # a merged group elects its leader anew
            new = Membership.objects.create(
                body=successors[0],
                person=membership.person,
                organization=membership.organization,
                triad_side=membership.triad_side,
                function=function,
                start_on=effective_on,
                end_on=planned_end,
                note=membership.note,
            )
            audit_record(actor=actor, area=area, action=AuditEntry.Action.CREATE, instance=new)

    change = StructureChange.objects.create(
        area=area, kind=kind, effective_on=effective_on, description=description
    )
    change.predecessors.set(predecessors)
    change.successors.set(successors)
    audit_record(
        actor=actor,
        area=area,
        action=AuditEntry.Action.CREATE,
        instance=change,
        summary=f"{', '.join(map(str, predecessors))} → {', '.join(map(str, successors))}",
    )
    return change
