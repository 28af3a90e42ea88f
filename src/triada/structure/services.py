"""Writes to the structure: bodies, their relations and dated changes. Each write is atomic
and leaves an audit entry."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from triada import events
from triada.audit.models import AuditEntry
from triada.audit.services import audit_record, snapshot
from triada.editing import changes_applied

from .models import Body, BodyRelation, StructureChange

BODY_FIELDS = (
    "name",
    "short_name",
    "kind",
    "description",
    "target_groups",
    "min_meetings_per_year",
    "quorum_percent",
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


def _check_no_loop(body: Body, targets: list[Body]) -> None:
    """A body cannot report to a body that reports (directly or further up) to it."""
    parents: dict[int, set[int]] = {}
    for source_id, target_id in BodyRelation.objects.filter(
        source__area_id=body.area_id, kind=BodyRelation.Kind.REPORTS_TO
    ).values_list("source_id", "target_id"):
        parents.setdefault(source_id, set()).add(target_id)
    for target in targets:
        seen, stack = set(), [target.pk]
        while stack:
            current = stack.pop()
            if current == body.pk:
                raise ValidationError(
                    {
                        "reports_to": _(
                            "%(target)s reports, directly or through other bodies, to %(body)s; "
                            "a body cannot report to its own subordinate."
                        )
                        % {"target": target, "body": body}
                    }
                )
            if current not in seen:
                seen.add(current)
                stack.extend(parents.get(current, ()))


def _set_relations(body: Body, kind: str, targets: list[Body]) -> None:
    """Make `targets` the body's current relations of one kind. Links to bodies that no longer
    exist are history and stay, whatever the form offered."""
    _check_related_bodies(body, targets)
    if kind == BodyRelation.Kind.REPORTS_TO:
        _check_no_loop(body, targets)
    current = Body.objects.current()
    body.outgoing_relations.filter(kind=kind, target__in=current).exclude(
        target__in=targets
    ).delete()
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
    name = " ".join(name.split())  # a name goes into calendars and e-mail subjects
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
    events.body_saved.send(sender=Body, body=body)
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
    """Change a body. Its address (slug) stays, so that published links keep working."""
    before = snapshot(body)
    relations_before = _relations_text(body)
    if "name" in fields:
        fields["name"] = " ".join(fields["name"].split())
    if "min_meetings_per_year" in fields and fields["min_meetings_per_year"] is None:
        fields["min_meetings_per_year"] = Body.DEFAULT_MIN_MEETINGS.get(
            fields.get("kind", body.kind), 0
        )
    with changes_applied(body, fields, BODY_FIELDS):
        body.full_clean()
        _check_memberships_within(body)
        body.save()
        events.body_saved.send(sender=Body, body=body)
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


def _change_summary(predecessors, successors, relinked: list[str]) -> str:
    summary = f"{', '.join(map(str, predecessors))} → {', '.join(map(str, successors))}"
    if relinked:
        summary += "; " + _("now relate to the new bodies: %(bodies)s") % {
            "bodies": ", ".join(relinked)
        }
    return summary


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
    predecessors = list(predecessors)  # evaluated now: the change dissolves them below
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

    template = predecessors[0]
    former_ids = {body.pk for body in predecessors}
    # The new bodies take the first former body's links, except those among the former bodies.
    inherited = {
        kind: [
            r.target
            for r in template.outgoing_relations.filter(kind=kind).select_related("target")
            if r.target_id not in former_ids
        ]
        for kind in BodyRelation.Kind.values
    }
    for body in predecessors:
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
                quorum_percent=template.quorum_percent,
                established_on=effective_on,
                position=template.position + position,
                reports_to=inherited[BodyRelation.Kind.REPORTS_TO],
                approves_outputs_of=inherited[BodyRelation.Kind.APPROVES_OUTPUTS_OF],
            )
        )
    # Bodies that went on and related to a former body now relate to the new ones.
    relinked = set()
    new_links = set()
    for relation in BodyRelation.objects.filter(target__in=predecessors).select_related("source"):
        source = relation.source
        if source.pk in former_ids or not source.is_active_on(effective_on):
            continue
        for successor in successors:
            new_links.add((source.pk, successor.pk, relation.kind))
        relinked.add(str(source))
    existing = set(
        BodyRelation.objects.filter(target__in=successors).values_list(
            "source_id", "target_id", "kind"
        )
    )
    BodyRelation.objects.bulk_create(
        BodyRelation(source_id=s, target_id=t, kind=k) for s, t, k in new_links - existing
    )

    # The rosters follow (people): memberships end with the former bodies, members carry over.
    events.bodies_succeeded.send(
        sender=StructureChange,
        actor=actor,
        area=area,
        predecessors=predecessors,
        successors=successors,
        last_day=last_day,
        carry_over_members=carry_over_members,
    )

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
        summary=_change_summary(predecessors, successors, sorted(relinked)),
    )
    return change
