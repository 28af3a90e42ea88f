"""The yearly monitoring of an approved plan: the evaluation of a measure or an activity with
its indicators' actual values, keyed by the plan and the item's key."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from triada.audit.models import AuditEntry
from triada.audit.services import snapshot
from triada.editing import locked

from ..models import Evaluation, IndicatorValue, PlanItem, PlanVersion
from ._common import _audit, _decimal, _require_action, _require_year_in_period


def _validate_evidence(evidence: str) -> None:
    validate = URLValidator()
    for line in evidence.splitlines():
        if line.strip():
            try:
                validate(line.strip())
            except ValidationError:
                raise ValidationError(
                    {
                        "evidence": _("“%(line)s” is not a web address (https://…).")
                        % {"line": line.strip()[:80]}
                    }
                ) from None


@transaction.atomic
def evaluation_record(
    *,
    actor,
    item: PlanItem,
    year: int,
    status: str,
    narrative: str = "",
    evidence: str = "",
    indicator_values: dict | None = None,
) -> Evaluation:
    """The state of a measure or activity at the end of a year, with the indicators' actual
    values (indicator → value; None clears a value)."""
    version = item.version
    plan = locked(version.plan)
    _require_action(item)
    if version.status not in PlanVersion.MONITORED:
        raise ValidationError(_("Only an approved plan is evaluated."))
    if plan.versions.filter(number__gt=version.number, status__in=PlanVersion.MONITORED).exists():
        raise ValidationError(
            _("A newer version of the plan is approved; evaluate the items there.")
        )
    _require_year_in_period(plan, year)
    if status not in Evaluation.Status.values:
        raise ValidationError({"status": _("Choose the status.")})
    _validate_evidence(evidence)
    values = {}
    for indicator, value in (indicator_values or {}).items():
        if indicator.item_id != item.pk:
            raise ValidationError(_("The indicator belongs to another item."))
        values[indicator] = (
            None if value in (None, "") else _decimal(value, f"indicator_{indicator.pk}")
        )
    evaluation = Evaluation.objects.filter(plan=plan, item_key=item.key, year=year).first()
    before = snapshot(evaluation) if evaluation else None
    evaluation = evaluation or Evaluation(plan=plan, item_key=item.key, year=year)
    evaluation.status = status
    evaluation.narrative = narrative
    evaluation.evidence = evidence
    evaluation.updated_by = actor if actor is not None and actor.is_authenticated else None
    evaluation.save()
    for indicator, value in values.items():
        if value is None:
            IndicatorValue.objects.filter(
                plan=plan, indicator_key=indicator.key, year=year
            ).delete()
        else:
            IndicatorValue.objects.update_or_create(
                plan=plan, indicator_key=indicator.key, year=year, defaults={"value": value}
            )
    _audit(
        actor,
        plan.area,
        evaluation,
        action=AuditEntry.Action.UPDATE if before else AuditEntry.Action.CREATE,
        before=before,
        summary=_("%(item)s, %(year)s") % {"item": item.title[:200], "year": year},
    )
    return evaluation
