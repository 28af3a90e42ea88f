"""Reads about the structure: the bodies and their relations as of a date, and its history."""

import datetime
from dataclasses import dataclass, field

from .models import Body, BodyRelation, StructureChange


@dataclass
class StructureNode:
    body: Body
    children: list["StructureNode"] = field(default_factory=list)
    also_reports_to: list[Body] = field(default_factory=list)
    approves_outputs_of: list[Body] = field(default_factory=list)


@dataclass
class StructureView:
    on: datetime.date
    bodies: list[Body]
    roots: list[StructureNode]
    nodes: dict[int, StructureNode]

    @property
    def groups(self) -> list[Body]:
        return [b for b in self.bodies if b.is_group]

    @property
    def working_groups(self) -> list[Body]:
        kinds = (Body.Kind.WORKING_GROUP, Body.Kind.DISCUSSION_FORUM)
        return [b for b in self.bodies if b.kind in kinds]


def structure_on(area, on: datetime.date) -> StructureView:
    """The bodies existing on a day, as a tree along 'reports to' (two queries).

    A body that reports to several bodies stands under the first and names the others."""
    bodies = list(Body.objects.filter(area=area).active_on(on))
    nodes = {b.pk: StructureNode(b) for b in bodies}
    relations = BodyRelation.objects.filter(source__in=bodies, target__in=bodies).order_by(
        "target__position", "target__name"
    )
    parent_of: dict[int, int] = {}
    for rel in relations:
        node = nodes[rel.source_id]
        target = nodes[rel.target_id].body
        if rel.kind == BodyRelation.Kind.APPROVES_OUTPUTS_OF:
            node.approves_outputs_of.append(target)
        elif rel.source_id not in parent_of:
            parent_of[rel.source_id] = rel.target_id
        else:
            node.also_reports_to.append(target)
    # Guard against cycles: a body under its own descendant becomes a root.
    for body_id in list(parent_of):
        seen, current = {body_id}, parent_of[body_id]
        while current in parent_of:
            if current in seen:
                del parent_of[body_id]
                break
            seen.add(current)
            current = parent_of[current]
    roots = []
    for body in bodies:
        node = nodes[body.pk]
        if body.pk in parent_of:
            nodes[parent_of[body.pk]].children.append(node)
        else:
            roots.append(node)
    return StructureView(on=on, bodies=bodies, roots=roots, nodes=nodes)


def structure_history(area):
    """Dated changes of the structure with the bodies on both sides (three queries)."""
    return StructureChange.objects.filter(area=area).prefetch_related("predecessors", "successors")


def relations_of(body: Body) -> dict[str, list[Body]]:
    """The body's relations in both directions, by kind."""
    out: dict[str, list[Body]] = {
        "reports_to": [],
        "reported_by": [],
        "approves": [],
        "approved_by": [],
    }
    for rel in BodyRelation.objects.filter(source=body).select_related("target"):
        key = "reports_to" if rel.kind == BodyRelation.Kind.REPORTS_TO else "approves"
        out[key].append(rel.target)
    for rel in BodyRelation.objects.filter(target=body).select_related("source"):
        key = "reported_by" if rel.kind == BodyRelation.Kind.REPORTS_TO else "approved_by"
        out[key].append(rel.source)
    return out
