"""Reading the plan: the numbered tree, the roll-up of progress, the action plan of a year,
the evaluation report and the comparison of two versions. Each reads a version in a fixed
number of queries, however big its tree."""

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .access import responsible_item_ids
from .models import (
    Evaluation,
    FundingSource,
    Indicator,
    IndicatorValue,
    PlanItem,
    PlanVersion,
    Responsibility,
)

K = PlanItem.Kind
E = Evaluation.Status


@dataclass
class Node:
    item: PlanItem
    number: str
    depth: int
    parent: "Node | None" = None
    children: list["Node"] = field(default_factory=list)
    progress: int | None = None  # set by plan_progress for the year it computed

    @property
    def label(self) -> str:
        return f"{self.number} {self.item.title}"

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Tree:
    version: PlanVersion
    roots: list[Node]

    def __iter__(self):
        """Every node in reading order (pre-order)."""
        for root in self.roots:
            yield from root.walk()

    def by_pk(self) -> dict[int, Node]:
        return {node.item.pk: node for node in self}

    def actions(self):
        return [node for node in self if node.item.is_action]


def plan_tree(version: PlanVersion, *, details: bool = True) -> Tree:
    """The version's tree, numbered in order: 1, 1.1, 1.1.1 … With `details`, each item has
    its responsible parties, indicators with targets, costs and needs prefetched."""
    items = version.items.select_related("owner").order_by("position", "pk")
    if details:
        items = items.prefetch_related(
            Prefetch(
                "responsibilities",
                queryset=Responsibility.objects.select_related("body", "person", "organization"),
            ),
            Prefetch("indicators", queryset=Indicator.objects.prefetch_related("targets")),
            "costs",
            "needs",
        )
    children: dict[int | None, list[PlanItem]] = defaultdict(list)
    for item in items:
        item.version = version  # the items' way back to the plan, without a query each
        children[item.parent_id].append(item)

    def build(parent: Node | None, parent_pk: int | None) -> list[Node]:
        nodes = []
        for index, item in enumerate(children[parent_pk], start=1):
            number = f"{parent.number}.{index}" if parent else str(index)
            node = Node(item, number, parent.depth + 1 if parent else 0, parent)
            node.children = build(node, item.pk)
            nodes.append(node)
        return nodes

    return Tree(version, build(None, None))


# Progress

# How far a status has come, in per cent; a cancelled item does not count at all.
STATUS_PROGRESS = {E.NOT_STARTED: 0, E.IN_PROGRESS: 50, E.DONE: 100, E.POSTPONED: 0}


@dataclass
class Progress:
    """Progress at the end of a year, per item in per cent (None: nothing to count yet)."""

    year: int
    percent: dict[int, int | None]
    evaluations: dict[int, Evaluation]  # the item's latest evaluation up to this year
    total: int | None

    def of(self, item: PlanItem) -> int | None:
        return self.percent.get(item.pk)


def _latest_evaluations(version: PlanVersion, year: int) -> dict:
    """item key → the latest evaluation up to the year."""
    latest = {}
    for evaluation in Evaluation.objects.filter(plan_id=version.plan_id, year__lte=year).order_by(
        "year"
    ):
        latest[evaluation.item_key] = evaluation
    return latest


def plan_progress(tree: Tree, year: int) -> Progress:
    """Roll progress up the tree. A leaf (an activity, or a measure without activities)
    counts its latest status up to the year; an item not yet begun by its timeline and a
    cancelled one are left out; a measure done or cancelled as a whole counts as such; every
    other item is the mean of its children."""
    latest = _latest_evaluations(tree.version, year)
    percent: dict[int, int | None] = {}
    first_year = tree.version.plan.first_year

    def leaf(item: PlanItem) -> int | None:
        evaluation = latest.get(item.key)
        if evaluation is not None:
            return STATUS_PROGRESS.get(evaluation.status)
        if (item.start_year or first_year) > year:
            return None
        return 0

    def roll(node: Node) -> int | None:
        counted = [v for v in (roll(child) for child in node.children) if v is not None]
        own = latest.get(node.item.key)
        if node.item.is_action and (
            not node.children or (own and own.status in (E.DONE, E.CANCELLED))
        ):
            # A leaf, or a measure closed as a whole: its own status decides.
            value = leaf(node.item)
        else:
            value = round(sum(counted) / len(counted)) if counted else None
            if node.item.kind == K.MEASURE and value is None:
                value = leaf(node.item)
        percent[node.item.pk] = node.progress = value
        return value

    counted = [v for v in (roll(root) for root in tree.roots) if v is not None]
    total = round(sum(counted) / len(counted)) if counted else None
    evaluations = {node.item.pk: latest[node.item.key] for node in tree if node.item.key in latest}
    return Progress(year, percent, evaluations, total)


# The action plan of a year


def runs_in(item: PlanItem, year: int, plan) -> bool:
    return (item.start_year or plan.first_year) <= year <= (item.end_year or plan.last_year)


@dataclass
class ActionLine:
    node: Node
    costs: dict[str, Decimal]
    total: Decimal
    cells: list[Decimal] = field(default_factory=list)  # the costs in the order of `sources`


@dataclass
class ActionArea:
    node: Node
    lines: list[ActionLine]
    costs: dict[str, Decimal]
    total: Decimal
    cells: list[Decimal] = field(default_factory=list)


@dataclass
class ActionPlan:
    version: PlanVersion
    year: int
    areas: list[ActionArea]
    costs: dict[str, Decimal]
    total: Decimal
    # The funding sources that pay for something in the year: the tables' columns.
    sources: list[tuple[str, str]] = field(default_factory=list)

    @property
    def totals(self) -> list[tuple[str, Decimal]]:
        return [(label, self.costs[source]) for source, label in self.sources]


def _sum_by_source(rows) -> dict[str, Decimal]:
    sums = {source: Decimal(0) for source in FundingSource.values}
    for source, amount in rows:
        sums[source] += amount
    return sums


def action_plan(tree: Tree, year: int) -> ActionPlan:
    """The measures and activities that run in the year, by support area, with their costs
    in the year per funding source and the totals per area and per source."""
    plan = tree.version.plan
    areas = []
    for root in tree.roots:
        lines = []
        for node in root.walk():
            item = node.item
            if item.is_action and runs_in(item, year, plan):
                costs = _sum_by_source(
                    (cost.source, cost.amount) for cost in item.costs.all() if cost.year == year
                )
                lines.append(ActionLine(node, costs, sum(costs.values(), Decimal(0))))
        area_costs = _sum_by_source(
            (source, amount) for line in lines for source, amount in line.costs.items()
        )
        areas.append(ActionArea(root, lines, area_costs, sum(area_costs.values(), Decimal(0))))
    costs = _sum_by_source((s, a) for area in areas for s, a in area.costs.items())
    sources = [(source, str(label)) for source, label in FundingSource.choices if costs[source]]
    for row in [*areas, *(line for area in areas for line in area.lines)]:
        row.cells = [row.costs[source] for source, _label in sources]
    return ActionPlan(tree.version, year, areas, costs, sum(costs.values(), Decimal(0)), sources)


# The evaluation report of a year


@dataclass
class IndicatorRow:
    indicator: Indicator
    target: Decimal | None
    actual: Decimal | None


@dataclass
class EvaluationLine:
    node: Node
    evaluation: Evaluation | None
    progress: int | None
    indicators: list[IndicatorRow]


@dataclass
class EvaluationArea:
    node: Node
    progress: int | None
    lines: list[EvaluationLine]


@dataclass
class EvaluationReport:
    version: PlanVersion
    year: int
    areas: list[EvaluationArea]
    progress: Progress
    status_counts: list[tuple[str, int]]  # (label, count), "not evaluated" last


def indicator_actuals(version: PlanVersion, year: int) -> dict:
    """indicator key → actual value in the year."""
    return dict(
        IndicatorValue.objects.filter(plan_id=version.plan_id, year=year).values_list(
            "indicator_key", "value"
        )
    )


def evaluation_report(tree: Tree, year: int) -> EvaluationReport:
    """Every measure and activity that ran in the year with its status, narrative, evidence
    and indicators (target and actual), and the progress of the areas and the whole plan."""
    plan = tree.version.plan
    progress = plan_progress(tree, year)
    actuals = indicator_actuals(tree.version, year)
    counts: dict[str, int] = defaultdict(int)
    areas = []
    for root in tree.roots:
        lines = []
        for node in root.walk():
            item = node.item
            if not (item.is_action and runs_in(item, year, plan)):
                continue
            evaluation = progress.evaluations.get(item.pk)
            counts[evaluation.status if evaluation else ""] += 1
            indicators = [
                IndicatorRow(
                    indicator,
                    next((t.value for t in indicator.targets.all() if t.year == year), None),
                    actuals.get(indicator.key),
                )
                for indicator in item.indicators.all()
            ]
            lines.append(EvaluationLine(node, evaluation, progress.of(item), indicators))
        areas.append(EvaluationArea(root, progress.of(root.item), lines))
    status_counts = [(label, counts[value]) for value, label in E.choices if counts[value]]
    if counts[""]:
        status_counts.append((_("not evaluated"), counts[""]))
    return EvaluationReport(tree.version, year, areas, progress, status_counts)


# Comparing two versions


@dataclass
class ComparedRow:
    change: str  # "added", "removed", "changed" or "same"
    old: Node | None
    new: Node | None
    old_html: str
    new_html: str


def _words(text: str) -> list[str]:
    return re.split(r"(\s+)", text)


def diff_html(old: str, new: str) -> tuple[str, str]:
    """Both texts as HTML, the removed words in <del> on the left and the added ones in <ins>
    on the right."""
    a, b = _words(old), _words(new)
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        removed, added = escape("".join(a[i1:i2])), escape("".join(b[j1:j2]))
        if op == "equal":
            left.append(removed)
            right.append(added)
            continue
        if removed:
            left.append(f"<del>{removed}</del>")
        if added:
            right.append(f"<ins>{added}</ins>")
    return mark_safe("".join(left)), mark_safe("".join(right))


def _item_text(item: PlanItem) -> str:
    parts = [item.title, item.description, item.target_group, item.profile, item.problem_areas]
    if item.is_action and (item.start_year or item.end_year):
        parts.append(f"{item.start_year or ''}–{item.end_year or ''}")
    return "\n".join(part for part in parts if part)


def compare_versions(old: PlanVersion, new: PlanVersion) -> list[ComparedRow]:
    """The items of both versions side by side, matched by their key, in the new version's
    order; removed items follow at the end in the old order."""
    old_tree, new_tree = plan_tree(old, details=False), plan_tree(new, details=False)
    old_by_key = {node.item.key: node for node in old_tree}
    rows = []
    for node in new_tree:
        before = old_by_key.pop(node.item.key, None)
        if before is None:
            rows.append(ComparedRow("added", None, node, "", escape(_item_text(node.item))))
            continue
        left, right = diff_html(_item_text(before.item), _item_text(node.item))
        moved = before.number != node.number
        same = _item_text(before.item) == _item_text(node.item) and not moved
        rows.append(ComparedRow("same" if same else "changed", before, node, left, right))
    for node in old_by_key.values():
        rows.append(ComparedRow("removed", node, None, escape(_item_text(node.item)), ""))
    return rows


# A member's own items


@dataclass
class MyPlanItems:
    version: PlanVersion
    year: int
    rows: list[tuple[Node, Evaluation | None]]


def my_plan_items(access, today) -> MyPlanItems | None:
    """The measures and activities of the plan in force that the user answers for, with their
    evaluation of this year (or of the plan's last year, once the period is over)."""
    version = (
        PlanVersion.objects.filter(plan__area=access.area, status=PlanVersion.Status.IN_FORCE)
        .select_related("plan")
        .first()
    )
    if version is None:
        return None
    mine = responsible_item_ids(access, version)
    if not mine:
        return None
    plan = version.plan
    year = plan.nearest_year(today.year)
    evaluations = {e.item_key: e for e in Evaluation.objects.filter(plan=plan, year=year)}
    rows = [
        (node, evaluations.get(node.item.key))
        for node in plan_tree(version, details=False)
        if node.item.pk in mine and node.item.is_action
    ]
    return MyPlanItems(version, year, rows)


def answered_needs():
    """The ids of the needs that a measure of a version being prepared or in force answers,
    as a subquery (`Need.objects.without_measure()` asks it)."""
    live = [s for s in PlanVersion.Status.values if s != PlanVersion.Status.ARCHIVED]
    return PlanItem.objects.filter(
        kind=PlanItem.Kind.MEASURE,
        version__status__in=live,
        needs__isnull=False,  # a NULL in "NOT IN" would hide every need
    ).values("needs")
