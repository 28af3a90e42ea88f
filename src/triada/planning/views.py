"""Staff pages of the community plan: plans and versions with their life, the tree editor,
comments and their settlement, approval, action plans and evaluation (the needs register:
triada.needs)."""

import copy

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from triada.needs.models import Need
from triada.people.models import Person
from triada.ui.decorators import area_view
from triada.ui.forms import query_int, run_service, submit, whole_number

from . import exports, services
from .access import (
    editable_item_ids,
    get_comment_for_user,
    get_item_for_user,
    get_version_for_user,
    require_year_in_period,
)
from .forms import (
    ApprovalStepForm,
    CommentsOpenForm,
    CostForm,
    EvaluationForm,
    IndicatorForm,
    InForceForm,
    ItemForm,
    MemberCommentForm,
    MoveForm,
    NeedsForm,
    PlanForm,
    ResponsibilityForm,
    SettleForm,
    VersionForm,
)
from .models import ApprovalStep, Evaluation, Plan, PlanItem, PlanVersion
from .selectors import (
    action_plan,
    compare_versions,
    evaluation_report,
    indicator_actuals,
    plan_progress,
    plan_tree,
)

S = PlanVersion.Status


def _to_version(version, anchor=""):
    return redirect(
        f"{_url('planning:version', version.plan.area.slug, version.pk)}{anchor}",
    )


def _url(name, *args):
    return reverse(name, args=args)


def _to_item(item):
    return redirect("planning:item", area_slug=item.version.plan.area.slug, pk=item.pk)


def _attempt(request, service, done: str = "", **kwargs) -> bool:
    """Call a service for a button without a form and say how it went: `done`, or the
    refusal (the service's transaction has left nothing behind)."""
    try:
        service(**kwargs)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return False
    if done:
        messages.success(request, done)
    return True


def _numbered(tree) -> dict[int, str]:
    return {node.item.pk: node.label for node in tree}


@area_view
def plan_list(request, access):
    plans = Plan.objects.filter(area=access.area).prefetch_related("versions")
    needs = Need.objects.filter(area=access.area)
    return render(
        request,
        "planning/plan_list.html",
        {
            "plans": plans,
            "needs_waiting": needs.filter(published=False).count(),
            "needs_open": needs.without_measure().count(),
        },
    )


@area_view
def plan_create(request, access):
    access.require(access.is_coordinator)
    form = PlanForm(request.POST or None)
    version = submit(request, form, services.plan_create, actor=request.user, area=access.area)
    if version:
        messages.success(request, _("The plan was created with its first draft version."))
        return _to_version(version)
    return render(request, "planning/plan_form.html", {"form": form})


def _version_forms(request, access, version):
    """The forms of the version's life on its page; the posted one is bound."""
    action = request.POST.get("action") if request.method == "POST" else None
    data = {name: request.POST if action == name else None for name in ("open", "force", "step")}
    return {
        "open": CommentsOpenForm(data["open"], prefix="open"),
        "force": InForceForm(data["force"], prefix="force"),
        "step": ApprovalStepForm(data["step"], prefix="step", area=access.area),
    }


# The version's life: (service, message) per action of a button without a form.
TRANSITIONS = {
    "settle": (services.version_settle, gettext_lazy("The comments are settled.")),
    "approve": (
        services.version_approve,
        gettext_lazy("The version is approved; its text is frozen."),
    ),
    "archive": (services.version_archive, gettext_lazy("The version is archived.")),
}


@area_view
def version_detail(request, access, pk):
    version = get_version_for_user(access, pk)
    forms = _version_forms(request, access, version)
    if request.method == "POST":
        access.require(access.is_coordinator)
        result = _version_action(request, version, forms)
        if result:
            return result
    tree = plan_tree(version)
    editable = editable_item_ids(access, version) if version.is_editable else frozenset()
    year = version.plan.nearest_year(timezone.localdate().year)
    monitored = version.status in PlanVersion.MONITORED
    return render(
        request,
        "planning/version_detail.html",
        {
            "version": version,
            "plan": version.plan,
            "tree": tree,
            "editable": editable,
            "monitored": monitored,
            "progress": plan_progress(tree, year) if monitored else None,
            "year": year,
            "steps": version.approval_steps.select_related("body", "meeting"),
            "comment_count": version.comments.count(),
            "open_comment_count": version.comments.filter(decision="").count(),
            "other_versions": version.plan.versions.exclude(pk=version.pk),
            "forms": forms,
            "S": S,
            "today": timezone.localdate(),
        },
    )


def _version_action(request, version, forms):
    """Run the posted action of the version page; a response when done, None to show the
    page again with the form's errors."""
    action = request.POST.get("action")
    actor = request.user
    if action in TRANSITIONS:
        service, done = TRANSITIONS[action]
        _attempt(request, service, done, actor=actor, version=version)
        return _to_version(version)
    if action == "new":
        done = _("A new draft version was made from this one.")
        if _attempt(request, services.version_new, done, actor=actor, version=version):
            return _to_version(version.plan.versions.first())  # the newest
        return _to_version(version)
    if action == "delete":
        done = _("The draft was deleted.")
        if _attempt(request, services.version_delete, done, actor=actor, version=version):
            return redirect("planning:plans", area_slug=version.plan.area.slug)
        return _to_version(version)
    services_by_form = {
        "open": (services.comments_open, _("The comment period is open.")),
        "force": (services.version_put_in_force, _("The version is in force.")),
        "step": (services.approval_step_record, _("The decision was recorded.")),
    }
    if action in services_by_form:
        service, done = services_by_form[action]
        if submit(request, forms[action], service, actor=actor, version=version):
            messages.success(request, done)
            return _to_version(version, f"#{action}")
    return None


@require_POST
@area_view
def approval_step_delete(request, access, pk):
    access.require(access.is_coordinator)
    step = ApprovalStep.objects.select_related("version__plan__area").filter(
        version__plan__area=access.area, pk=pk
    )
    step = step.first()
    if step is None:
        raise Http404
    done = _("The decision was removed from the approval path.")
    _attempt(request, services.approval_step_delete, done, actor=request.user, step=step)
    return _to_version(step.version, "#step")


@area_view
def version_edit(request, access, pk):
    version = get_version_for_user(access, pk, write=True)
    form = VersionForm(request.POST or None, instance=copy.copy(version))
    if submit(request, form, services.version_update, actor=request.user, version=version):
        messages.success(request, _("The changes were saved."))
        return _to_version(version)
    return render(request, "planning/version_form.html", {"form": form, "version": version})


@area_view
def version_compare(request, access, pk):
    version = get_version_for_user(access, pk)
    others = version.plan.versions.exclude(pk=version.pk)
    other_pk = query_int(request, "s")
    other = others.filter(pk=other_pk).first() if other_pk else None
    other = other or version.based_on or others.first()
    rows = []
    if other is not None:
        old, new = sorted([other, version], key=lambda v: v.number)
        rows = compare_versions(old, new)
    else:
        old = new = None
    return render(
        request,
        "planning/version_compare.html",
        {"version": version, "others": others, "old": old, "new": new, "rows": rows},
    )


# The tree


@area_view
def item_create(request, access, pk):
    version = get_version_for_user(access, pk)
    parent_pk = query_int(request, "nadrazena")
    parent = version.items.filter(pk=parent_pk).first() if parent_pk else None
    if parent_pk and parent is None:
        raise Http404
    editable = editable_item_ids(access, version)
    access.require(access.is_coordinator if parent is None else parent.pk in editable)
    kind = PlanItem.Kind.SUPPORT_AREA if parent is None else PlanItem.CHILD_KIND.get(parent.kind)
    if kind is None:
        raise Http404
    form = ItemForm(request.POST or None, kind=kind, area=access.area)
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "edit_count"}
        item = run_service(
            form, services.item_create, actor=request.user, version=version, parent=parent, **fields
        )
        if item:
            messages.success(request, _("The item was added."))
            return _to_item(item)
    return render(
        request,
        "planning/item_create.html",
        {
            "form": form,
            "version": version,
            "parent": parent,
            "kind_label": PlanItem.Kind(kind).label,
        },
    )


def _item_forms(request, item, tree, area):
    """Every form of the item page; the one named by the posted `action` is bound."""
    action = request.POST.get("action") if request.method == "POST" else None

    def data(name):
        return request.POST if action == name else None

    numbered = _numbered(tree)
    return {
        "item": ItemForm(
            data("item"), instance=copy.copy(item), kind=item.kind, area=area, prefix="item"
        ),
        "move": MoveForm(
            data("move"),
            item=item,
            numbered=numbered,
            prefix="move",
            initial={"parent": item.parent_id},
        ),
        "indicator": IndicatorForm(
            data("indicator"), years=item.version.plan.years, prefix="indicator"
        ),
        "cost": CostForm(data("cost"), prefix="cost"),
        "responsibility": ResponsibilityForm(data("responsibility"), area=area, prefix="resp"),
        "needs": NeedsForm(
            data("needs"),
            area=area,
            prefix="needs",
            initial={"needs": [n.pk for n in item.needs.all()]},
        ),
    }


def _item_action(request, item, forms, editable, is_coordinator):
    """Run the posted action of the item page: a success message or None (errors stay on
    the bound form). `editable` are the items the user may change."""
    action = request.POST.get("action")
    actor = request.user
    if action and action.startswith("delete_"):
        return _item_delete_part(request, item, action.removeprefix("delete_"))
    form = forms.get(action)
    if form is None or not form.is_valid():
        return None
    data = form.cleaned_data
    if action == "move" and not (
        data["parent"].pk in editable if data["parent"] else is_coordinator
    ):
        form.add_error("parent", _("You can move the item only under an item you may change."))
        return None
    calls = {
        "item": lambda: services.item_update(
            actor=actor,
            item=item,
            **{k: v for k, v in data.items() if k != "edit_count"},
            edit_count=data.get("edit_count"),
        ),
        "move": lambda: services.item_move(
            actor=actor, item=item, parent=data["parent"], position=data["position"]
        ),
        "indicator": lambda: services.indicator_add(
            actor=actor,
            item=item,
            name=data["name"],
            unit=data["unit"],
            baseline=data["baseline"],
            targets=form.targets(),
        ),
        "cost": lambda: services.cost_set(actor=actor, item=item, **data),
        "responsibility": lambda: services.responsibility_add(actor=actor, item=item, **data),
        "needs": lambda: services.item_needs_set(actor=actor, item=item, needs=data["needs"]),
    }
    if run_service(form, lambda: calls[action]()) is None and form.errors:
        return None
    return _("The changes were saved.")


def _item_delete_part(request, item, part):
    """Remove an indicator, a cost or a responsible party of the item."""
    related = {
        "indicator": item.indicators,
        "cost": item.costs,
        "responsibility": item.responsibilities,
    }
    if part not in related:
        raise Http404
    obj = related[part].filter(pk=whole_number(request.POST.get("pk", ""))).first()
    if obj is None:
        raise Http404
    if not _attempt(request, services.item_part_delete, actor=request.user, part=obj):
        return None
    return _("Removed.")


@area_view
def item_detail(request, access, pk):
    item = get_item_for_user(access, pk)
    version = item.version
    editable = editable_item_ids(access, version)
    may_edit = item.pk in editable and version.is_editable
    tree = plan_tree(version)
    forms = _item_forms(request, item, tree, access.area)
    if request.method == "POST":
        access.require(item.pk in editable)
        if not version.is_editable:
            messages.error(request, _("This version is frozen; make a new version of the plan."))
            return _to_item(item)
        done = _item_action(request, item, forms, editable, access.is_coordinator)
        if done:
            messages.success(request, done)
            return _to_item(item)
        if forms["item"].has_error(NON_FIELD_ERRORS, services.EDIT_CONFLICT):
            forms["item"].show_saved_version(PlanItem.objects.get(pk=item.pk))
    node = tree.by_pk()[item.pk]
    evaluations = {
        e.year: e for e in Evaluation.objects.filter(plan=version.plan, item_key=item.key)
    }
    return render(
        request,
        "planning/item_detail.html",
        {
            "item": node.item,
            "node": node,
            "version": version,
            "forms": forms,
            "may_edit": may_edit,
            "may_add_child": may_edit and item.kind in PlanItem.CHILD_KIND,
            "child_kind": PlanItem.CHILD_KIND.get(item.kind),
            "years": version.plan.years,
            "evaluation_rows": [(year, evaluations.get(year)) for year in version.plan.years],
            "may_evaluate": item.is_action
            and version.status in PlanVersion.MONITORED
            and item.pk in editable,
        },
    )


@require_POST
@area_view
def item_shift(request, access, pk):
    item = get_item_for_user(access, pk, write=True)
    offset = -1 if request.POST.get("direction") == "up" else 1
    _attempt(request, services.item_shift, actor=request.user, item=item, offset=offset)
    return _to_version(item.version, f"#polozka-{item.pk}")


@require_POST
@area_view
def item_delete(request, access, pk):
    item = get_item_for_user(access, pk, write=True)
    version = item.version
    done = _("The item and everything below it were deleted.")
    if not _attempt(request, services.item_delete, done, actor=request.user, item=item):
        return _to_item(item)
    return _to_version(version)


# Comments


@area_view
def comment_list(request, access, pk):
    version = get_version_for_user(access, pk)
    tree = plan_tree(version, details=False)
    numbered = _numbered(tree)
    person = Person.objects.filter(area=access.area, user=request.user).first()
    may_comment = person is not None and version.comments_open_on(timezone.localdate())
    form = MemberCommentForm(
        request.POST if request.POST.get("action") == "comment" else None,
        version=version,
        numbered=numbered,
    )
    if request.method == "POST" and may_comment and form.is_valid():
        item = form.cleaned_data["item"]
        if run_service(
            form,
            services.comment_submit,
            version=version,
            item=item,
            section=numbered.get(item.pk, "") if item else "",
            text=form.cleaned_data["text"],
            person=person,
        ):
            messages.success(request, _("Thank you, your comment was recorded."))
            return redirect("planning:comments", area_slug=access.area.slug, pk=version.pk)
    comments = version.comments.select_related("person", "settled_by", "item")
    return render(
        request,
        "planning/comment_list.html",
        {
            "version": version,
            "comments": comments,
            "form": form,
            "may_comment": may_comment,
            "may_settle": access.is_coordinator and version.status == S.IN_COMMENTS,
            "settle_form": SettleForm(
                area=access.area, initial={"settled_on": timezone.localdate()}
            ),
        },
    )


@area_view
def comment_settle(request, access, pk):
    comment = get_comment_for_user(access, pk)
    form = SettleForm(
        request.POST or None,
        area=access.area,
        initial={
            "decision": comment.decision,
            "reason": comment.reason,
            "settled_by": comment.settled_by_id,
            "settled_on": comment.settled_on or timezone.localdate(),
        },
    )
    if submit(request, form, services.comment_settle, actor=request.user, comment=comment):
        messages.success(request, _("The comment is settled."))
        return redirect(
            f"{_url('planning:comments', access.area.slug, comment.version_id)}"
            f"#pripominka-{comment.pk}"
        )
    return render(request, "planning/comment_settle.html", {"form": form, "comment": comment})


# Action plans, evaluation and downloads


@area_view
def action_plan_page(request, access, pk, year):
    version = get_version_for_user(access, pk)
    require_year_in_period(version, year)
    return render(
        request,
        "planning/action_plan.html",
        {"version": version, "report": action_plan(plan_tree(version), year), "year": year},
    )


@area_view
def evaluation_page(request, access, pk, year):
    version = get_version_for_user(access, pk)
    require_year_in_period(version, year)
    if version.status not in PlanVersion.MONITORED:
        raise Http404
    return render(
        request,
        "planning/evaluation_report.html",
        {
            "version": version,
            "report": evaluation_report(plan_tree(version), year),
            "year": year,
            "editable": editable_item_ids(access, version),
        },
    )


@area_view
def item_evaluate(request, access, pk, year):
    item = get_item_for_user(access, pk, write=True)
    version = item.version
    require_year_in_period(version, year)
    if not item.is_action or version.status not in PlanVersion.MONITORED:
        raise Http404
    evaluation = Evaluation.objects.filter(plan=version.plan, item_key=item.key, year=year).first()
    indicators = list(item.indicators.prefetch_related("targets"))
    actuals = indicator_actuals(version, year)
    initial = {f"indicator_{i.pk}": actuals.get(i.key) for i in indicators}
    if evaluation:
        initial.update(
            status=evaluation.status, narrative=evaluation.narrative, evidence=evaluation.evidence
        )
    form = EvaluationForm(request.POST or None, indicators=indicators, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if run_service(
            form,
            services.evaluation_record,
            actor=request.user,
            item=item,
            year=year,
            status=data["status"],
            narrative=data["narrative"],
            evidence=data["evidence"],
            indicator_values=form.indicator_values(),
        ):
            messages.success(request, _("The evaluation was saved."))
            nxt = request.POST.get("next", "")
            if nxt == "my-page":
                return redirect("staff:my_page", area_slug=access.area.slug)
            return _to_item(item)
    return render(
        request,
        "planning/evaluation_form.html",
        {
            "item": item,
            "number": _numbered(plan_tree(version, details=False)).get(item.pk, item.title),
            "version": version,
            "year": year,
            "form": form,
            "next": request.GET.get("dalsi", request.POST.get("next", "")),
        },
    )


@area_view
def download(request, access, pk, document, fmt, year=None):
    return exports.version_download(get_version_for_user(access, pk), document, fmt, year)
