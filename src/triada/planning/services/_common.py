"""What the plan's services share: the audit entry, the row lock, the rules of an editable
version and of the plan's period, and the numbers a form or a caller gives."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from triada import events
from triada.audit.models import AuditEntry
from triada.audit.services import audit_record

from ..models import Plan, PlanItem, PlanVersion

S = PlanVersion.Status
K = PlanItem.Kind
# The code of the error that tells an editor someone else saved in the meantime.
EDIT_CONFLICT = "edit_conflict"


def _audit(actor, area, instance, *, action=AuditEntry.Action.UPDATE, before=None, summary=""):
    audit_record(
        actor=actor, area=area, action=action, instance=instance, before=before, summary=summary
    )


def _reindex_if_public(version: PlanVersion) -> None:
    """Keep the search index on what the portal shows of the plan."""
    if version.is_public:
        events.plan_changed.send(sender=Plan, plan=version.plan)


def _require_editable(version: PlanVersion) -> None:
    if version.status == S.SETTLED and version.approval_steps.exists():
        raise ValidationError(
            _(
                "Bodies have already decided on this text; remove their decisions from the "
                "approval path before changing it."
            )
        )
    if not version.is_editable:
        raise ValidationError(
            _(
                "Version %(number)s is %(status)s and can no longer change; "
                "make a new version of the plan."
            )
            % {"number": version.number, "status": version.get_status_display()}
        )


def _require_year_in_period(plan: Plan, year: int | None, field: str = "year") -> None:
    if year is not None and not plan.first_year <= year <= plan.last_year:
        raise ValidationError(
            {
                field: _("The year %(year)s is outside the plan's period %(first)s–%(last)s.")
                % {"year": year, "first": plan.first_year, "last": plan.last_year}
            }
        )


def _require_action(item: PlanItem) -> None:
    if not item.is_action:
        raise ValidationError(
            _("Indicators, costs and the evaluation belong to measures and activities.")
        )


def _decimal(value, field: str) -> Decimal:
    """A number from a form or a caller; anything else is refused on the field."""
    try:
        number = Decimal(str(value).replace(" ", "").replace("\u00a0", "").replace(",", "."))
    except ArithmeticError:
        number = None
    if number is None or not number.is_finite():
        raise ValidationError({field: _("Enter a number.")})
    return number
