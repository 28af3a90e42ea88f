"""The public side of the community plan: the version in force and every public version with
its strategy tree and progress, the archive of plans, the action plan and the evaluation of a
year with their downloads, the comment period with its settlement, and the needs register.

The public sees versions from the comment period on (PlanVersion.PUBLIC), persons only by
their public name, and never who sent a comment or a need."""

from dataclasses import dataclass, field

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from triada.areas.models import Area
from triada.minutes.models import Minutes
from triada.needs import services as needs_services
from triada.needs.models import Need
from triada.people.models import Person
from triada.people.public import public_name
from triada.planning import exports, selectors, services
from triada.planning.access import require_year_in_period
from triada.planning.models import ApprovalStep, Evaluation, Plan, PlanItem, PlanVersion
from triada.ui.forms import query_int, query_year, run_service

from .plan_forms import CommentForm, NeedFilterForm, NeedForm, rate_count, rate_limited

S = PlanVersion.Status
# Versions whose comments are settled: their settlement table is public.
SETTLED_OR_LATER = (S.SETTLED, S.APPROVED, S.IN_FORCE, S.ARCHIVED)
PLAN_FORMATS = tuple(exports.DOCUMENTS["plan"])
YEAR_FORMATS = tuple(exports.DOCUMENTS["akcni-plan"])
NEEDS_PER_PAGE = 25


# Reading the area and its public versions


def _public_version(area_slug: str, pk: int) -> PlanVersion:
    """A public version of a plan of the area; a draft or another area's version is 404."""
    return get_object_or_404(
        PlanVersion.objects.select_related("plan__area"),
        plan__area__slug=area_slug,
        pk=pk,
        status__in=PlanVersion.PUBLIC,
    )


def open_comment_versions(area, today):
    """The area's versions whose comment period is open today (for the notices)."""
    return list(
        PlanVersion.objects.filter(
            plan__area=area,
            status=S.IN_COMMENTS,
            comments_from__lte=today,
            comments_until__gte=today,
        )
        .select_related("plan__area")
        .order_by("comments_until", "pk")
    )


def _body_url(area, body) -> str:
    return reverse("portal:body", kwargs={"area_slug": area.slug, "body_slug": body.slug})


def _meeting_url(area, meeting) -> str:
    return reverse("portal:meeting", kwargs={"area_slug": area.slug, "pk": meeting.pk})


def _version_kwargs(version) -> dict:
    return {"area_slug": version.plan.area.slug, "pk": version.pk}


# The plan page


@dataclass
class Party:
    """A responsible party as the public may see it."""

    name: str
    url: str | None
    kind: str


@dataclass
class IndicatorLine:
    indicator: object
    targets: list  # the target of each year of the period (None where not set)
    actual: object  # the actual value in the chosen year


@dataclass
class ItemView:
    node: selectors.Node
    heading: int
    owner_url: str | None = None
    parties: list[Party] = field(default_factory=list)
    indicators: list[IndicatorLine] = field(default_factory=list)
    percent: int | None = None
    trend: list[tuple[int, int]] = field(default_factory=list)  # (year, percent)
    evaluation: Evaluation | None = None
    needs: list[Need] = field(default_factory=list)

    @property
    def item(self):
        return self.node.item

    @property
    def timeline(self) -> str:
        plan = self.node.item.version.plan
        first = self.item.start_year or plan.first_year
        last = self.item.end_year or plan.last_year
        return str(first) if first == last else f"{first}–{last}"


def _parties(area, item) -> list[Party]:
    """Bodies and organizations always; a person only by the public name, otherwise not at
    all (an unnamed person in a list of responsibilities would still say too much)."""
    parties = []
    for responsibility in item.responsibilities.all():
        if responsibility.body is not None:
            body = responsibility.body
            parties.append(Party(body.name, _body_url(area, body), "body"))
        elif responsibility.organization is not None:
            parties.append(Party(responsibility.organization.name, None, "organization"))
        else:
            name = public_name(responsibility.person)
            if name:
                parties.append(Party(name, None, "person"))
    return parties


def _item_views(area, tree, years, progress_by_year, year, actuals) -> list[ItemView]:
    version = tree.version
    version.plan.area = area  # the items reach the plan through their version; no query
    progress = progress_by_year.get(year)
    views = []
    for node in tree:
        item = node.item
        item.version = version
        view = ItemView(node, heading=min(node.depth + 3, 6))
        if item.owner is not None:
            view.owner_url = _body_url(area, item.owner)
        view.parties = _parties(area, item)
        for indicator in item.indicators.all():
            targets = {t.year: t.value for t in indicator.targets.all()}
            view.indicators.append(
                IndicatorLine(
                    indicator,
                    [targets.get(y) for y in years],
                    actuals.get(indicator.key),
                )
            )
        if progress is not None:
            view.percent = progress.of(item)
            view.evaluation = progress.evaluations.get(item.pk)
            view.trend = [
                (y, p.of(item)) for y, p in progress_by_year.items() if p.of(item) is not None
            ]
        view.needs = [need for need in item.needs.all() if need.published]
        views.append(view)
    return views


def _progress_years(version: PlanVersion, today) -> list[int]:
    """The years of the period up to the current one, for a version that is monitored."""
    if version.status not in PlanVersion.MONITORED:
        return []
    return [y for y in version.plan.years if y <= today.year]


def _chosen_year(request, version: PlanVersion, years: list[int]) -> int | None:
    """?rok= when it is one of the years; otherwise the last evaluated year, or the current
    year within the period."""
    if not years:
        return None
    asked = query_year(request)
    if asked in years:
        return asked
    evaluated = set(
        Evaluation.objects.filter(plan_id=version.plan_id).values_list("year", flat=True)
    )
    evaluated &= set(years)
    return max(evaluated) if evaluated else years[-1]


def _plan_page(request, area, version: PlanVersion, *, current: bool):
    today = timezone.localdate()
    plan = version.plan
    tree = selectors.plan_tree(version)
    years = _progress_years(version, today)
    year = _chosen_year(request, version, years)
    progress_by_year = {y: selectors.plan_progress(tree, y) for y in years}
    actuals = selectors.indicator_actuals(version, year) if year else {}
    items = _item_views(area, tree, list(plan.years), progress_by_year, year, actuals)
    summary = [
        (
            root,
            [(y, progress.of(root.item)) for y, progress in progress_by_year.items()],
        )
        for root in tree.roots
    ]
    steps = list(
        version.approval_steps.select_related("body", "meeting").order_by(
            "stage", "decided_on", "pk"
        )
    )
    in_force = None
    if not current and version.status != S.IN_FORCE:
        in_force = (
            PlanVersion.objects.filter(plan__area=area, status=S.IN_FORCE)
            .select_related("plan")
            .order_by("-plan__first_year")
            .first()
        )
    return render(
        request,
        "portal/plan/detail.html",
        {
            "area": area,
            "version": version,
            "plan": plan,
            "current": current,
            "in_force": in_force,
            "items": items,
            "years": years,
            "year": year,
            "plan_years": list(plan.years),
            "evaluation_years": [y for y in plan.years if y <= today.year] if years else [],
            "progress": progress_by_year.get(year),
            "progress_by_year": list(progress_by_year.items()),
            "summary": summary,
            "steps": [
                (step, _meeting_url(area, step.meeting) if step.meeting else None) for step in steps
            ],
            "open_versions": open_comment_versions(area, today),
            "comments_open": version.comments_open_on(today),
            "today": today,
            "formats": PLAN_FORMATS,
        },
    )


def plan(request, area_slug):
    """The version in force of the area; without one, a page pointing to the archive and to
    any version in its comment period."""
    area = get_object_or_404(Area, slug=area_slug)
    version = (
        PlanVersion.objects.filter(plan__area=area, status=S.IN_FORCE)
        .select_related("plan__area")
        .order_by("-plan__first_year")
        .first()
    )
    if version is None:
        today = timezone.localdate()
        in_comments = (
            PlanVersion.objects.filter(plan__area=area, status=S.IN_COMMENTS)
            .select_related("plan")
            .order_by("-plan__first_year", "-number")
        )
        return render(
            request,
            "portal/plan/none.html",
            {
                "area": area,
                "in_comments": list(in_comments),
                "open_versions": open_comment_versions(area, today),
                "has_plans": PlanVersion.objects.filter(
                    plan__area=area, status__in=PlanVersion.PUBLIC
                ).exists(),
                "today": today,
            },
        )
    return _plan_page(request, area, version, current=True)


def plan_version(request, area_slug, pk):
    version = _public_version(area_slug, pk)
    return _plan_page(request, version.plan.area, version, current=False)


# The archive


def plans(request, area_slug):
    """Every plan of the area with its public versions, their approval, action plans and
    evaluations by year."""
    area = get_object_or_404(Area, slug=area_slug)
    today = timezone.localdate()
    versions = PlanVersion.objects.filter(status__in=PlanVersion.PUBLIC).prefetch_related(
        Prefetch(
            "approval_steps",
            queryset=ApprovalStep.objects.select_related("body").order_by("stage", "decided_on"),
        )
    )
    all_plans = list(
        Plan.objects.filter(area=area)
        .prefetch_related(Prefetch("versions", queryset=versions, to_attr="public_versions"))
        .order_by("-first_year", "-ordinal")
    )
    evaluated: dict[int, set[int]] = {}
    for plan_id, year in (
        Evaluation.objects.filter(plan__area=area).values_list("plan_id", "year").distinct()
    ):
        evaluated.setdefault(plan_id, set()).add(year)
    rows = []
    for plan_ in all_plans:
        if not plan_.public_versions:
            continue
        for version in plan_.public_versions:
            version.plan = plan_
            plan_.area = area
            version.monitored = version.status in PlanVersion.MONITORED
            version.assembly = next(
                (s for s in version.approval_steps.all() if s.stage == ApprovalStep.Stage.ASSEMBLY),
                None,
            )
        rows.append(
            {
                "plan": plan_,
                "versions": plan_.public_versions,
                "years": list(plan_.years),
                "evaluated": sorted(evaluated.get(plan_.pk, ())),
            }
        )
    return render(
        request,
        "portal/plan/archive.html",
        {"area": area, "rows": rows, "today": today},
    )


# The action plan and the evaluation of a year


def action_plan(request, area_slug, pk, year):
    version = _public_version(area_slug, pk)
    require_year_in_period(version, year)
    area = version.plan.area
    report = selectors.action_plan(selectors.plan_tree(version), year)
    return render(
        request,
        "portal/plan/action_plan.html",
        {
            "area": area,
            "version": version,
            "plan": version.plan,
            "year": year,
            "report": report,
            "years": list(version.plan.years),
            "formats": YEAR_FORMATS,
        },
    )


def plan_evaluation(request, area_slug, pk, year):
    version = _public_version(area_slug, pk)
    require_year_in_period(version, year)
    if version.status not in PlanVersion.MONITORED:
        raise Http404
    area = version.plan.area
    report = selectors.evaluation_report(selectors.plan_tree(version), year)
    return render(
        request,
        "portal/plan/evaluation.html",
        {
            "area": area,
            "version": version,
            "plan": version.plan,
            "year": year,
            "report": report,
            "years": [y for y in version.plan.years if y <= timezone.localdate().year],
            "formats": YEAR_FORMATS,
        },
    )


# Downloads (rendered by triada.planning.exports)


def plan_download(request, area_slug, pk, fmt):
    return exports.version_download(_public_version(area_slug, pk), "plan", fmt)


def action_plan_download(request, area_slug, pk, year, fmt):
    return exports.version_download(_public_version(area_slug, pk), "akcni-plan", fmt, year)


def plan_evaluation_download(request, area_slug, pk, year, fmt):
    return exports.version_download(_public_version(area_slug, pk), "vyhodnoceni", fmt, year)


# The comment period


def _member_person(request, area) -> Person | None:
    """The signed-in user's person in the area: such a member comments under that person."""
    if not request.user.is_authenticated:
        return None
    return Person.objects.filter(user=request.user, area=area).first()


def plan_comments(request, area_slug, pk):
    version = _public_version(area_slug, pk)
    area = version.plan.area
    today = timezone.localdate()
    person = _member_person(request, area)
    is_open = version.comments_open_on(today)
    form = None
    if request.method == "POST" or is_open:
        nodes = list(selectors.plan_tree(version, details=False))
        form = CommentForm(
            request.POST if request.method == "POST" else None,
            nodes=nodes,
            signed_in=person is not None,
        )
    if request.method == "POST":
        if form.is_valid():
            if rate_limited("comment", request):
                form.add_error(
                    None,
                    _("Too many comments were sent from your address; please try again later."),
                )
            else:
                comment = run_service(
                    form,
                    services.comment_submit,
                    version=version,
                    person=person,
                    **form.submission(),
                )
                if comment is not None:
                    rate_count("comment", request)
                    messages.success(
                        request,
                        _(
                            "Thank you. Your comment was received as No. %(number)s; it will "
                            "be settled after the comment period and the settlement published "
                            "here."
                        )
                        % {"number": comment.number},
                    )
                    return redirect("portal:plan_comments", **_version_kwargs(version))
        form.refresh_token()
    settled = []
    received = None
    if version.status in SETTLED_OR_LATER:
        settled = [
            (comment, _body_url(area, comment.settled_by) if comment.settled_by else None)
            for comment in version.comments.select_related("settled_by").only(
                "number",
                "section",
                "text",
                "decision",
                "reason",
                "settled_on",
                "settled_by__name",
                "settled_by__slug",
            )
        ]
    elif version.status == S.IN_COMMENTS:
        received = version.comments.count()
    return render(
        request,
        "portal/plan/comments.html",
        {
            "area": area,
            "version": version,
            "plan": version.plan,
            "form": form,
            "person": person,
            "person_name": person.full_name if person else "",
            "is_open": is_open,
            "not_yet": version.status == S.IN_COMMENTS
            and version.comments_from is not None
            and today < version.comments_from,
            "settled": settled,
            "received": received,
            "today": today,
        },
    )


# The needs register


@dataclass
class NeedView:
    need: Need
    body_url: str | None
    meeting_url: str | None
    measures: list  # (item, url)


def _need_views(area, needs) -> list[NeedView]:
    views = []
    for need in needs:
        meeting = need.meeting
        minutes = getattr(meeting, "minutes", None) if meeting is not None else None
        public_meeting = minutes is not None and minutes.status == Minutes.Status.PUBLISHED
        views.append(
            NeedView(
                need,
                _body_url(area, need.body) if need.body else None,
                _meeting_url(area, meeting) if public_meeting else None,
                [
                    (
                        item,
                        reverse(
                            "portal:plan_version",
                            kwargs={"area_slug": area.slug, "pk": item.version_id},
                        )
                        + f"#polozka-{item.pk}",
                    )
                    for item in need.public_items
                ],
            )
        )
    return views


def needs(request, area_slug):
    area = get_object_or_404(Area, slug=area_slug)
    published = Need.objects.published().filter(area=area)
    if request.method == "POST":
        form = NeedForm(request.POST)
        if form.is_valid():
            if rate_limited("need", request):
                form.add_error(
                    None,
                    _("Too many needs were sent from your address; please try again later."),
                )
            elif run_service(form, needs_services.need_submit, area=area, **form.submission()):
                rate_count("need", request)
                messages.success(
                    request,
                    _(
                        "Thank you. The need was received; it will appear in the register "
                        "once the coordinator has reviewed it."
                    ),
                )
                return redirect(reverse("portal:needs", kwargs={"area_slug": area.slug}))
        form.refresh_token()
    else:
        form = NeedForm()
    groups = sorted(
        {g for g in published.values_list("target_group", flat=True).distinct() if g},
        key=str.casefold,
    )
    filters = NeedFilterForm(request.GET or None, target_groups=groups)
    chosen = filters.filters()
    listed = published
    if "stav" in chosen:
        listed = listed.filter(status=chosen["stav"])
    if "skupina" in chosen:
        listed = listed.filter(target_group=chosen["skupina"])
    one = query_int(request, "potreba")
    if one is not None:
        listed = listed.filter(pk=one)
    listed = listed.select_related("body", "meeting__minutes").prefetch_related(
        Prefetch(
            "plan_items",
            queryset=PlanItem.objects.filter(version__status__in=PlanVersion.PUBLIC)
            .select_related("version__plan")
            .order_by("-version__plan__first_year", "-version__number", "position", "pk"),
            to_attr="public_items",
        )
    )
    page = Paginator(listed, NEEDS_PER_PAGE).get_page(request.GET.get("strana"))
    return render(
        request,
        "portal/plan/needs.html",
        {
            "area": area,
            "page": page,
            "needs": _need_views(area, page.object_list),
            "filters": filters,
            "filtered": bool(chosen) or one is not None,
            "form": form,
            "statuses": Need.Status,
        },
    )
