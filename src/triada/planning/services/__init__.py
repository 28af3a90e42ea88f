"""Every write of the community plan: plans and versions with their life (`versions`), the
strategy tree (`tree`), comments and their settlement (`comments`), approval steps
(`approval`) and the yearly evaluation (`monitoring`). The needs register is triada.needs.

Each service validates, writes and audits in one transaction; a refused write raises
ValidationError (on the form's field where there is one) and leaves nothing behind. A change
of what the portal shows of a plan sends `events.plan_changed` (the search index follows).

Call them as `from triada.planning import services; services.item_create(...)`: this package
is the one public way in, its modules are planning's own."""

from ._common import EDIT_CONFLICT
from .approval import STAGE_OF_BODY_KIND, approval_step_delete, approval_step_record
from .comments import (
    COMMENT_MAX_LENGTH,
    SETTLING_BODY_KINDS,
    comment_settle,
    comment_submit,
    item_label,
    personal_data_purge,
)
from .monitoring import evaluation_record
from .tree import (
    ITEM_FIELDS,
    cost_set,
    indicator_add,
    indicator_target_set,
    item_create,
    item_delete,
    item_move,
    item_needs_set,
    item_part_delete,
    item_shift,
    item_update,
    responsibility_add,
)
from .versions import (
    comments_open,
    plan_create,
    version_approve,
    version_archive,
    version_delete,
    version_new,
    version_put_in_force,
    version_settle,
    version_update,
)

__all__ = [
    "COMMENT_MAX_LENGTH",
    "EDIT_CONFLICT",
    "ITEM_FIELDS",
    "SETTLING_BODY_KINDS",
    "STAGE_OF_BODY_KIND",
    "approval_step_delete",
    "approval_step_record",
    "comment_settle",
    "comment_submit",
    "comments_open",
    "cost_set",
    "evaluation_record",
    "indicator_add",
    "indicator_target_set",
    "item_create",
    "item_delete",
    "item_label",
    "item_move",
    "item_needs_set",
    "item_part_delete",
    "item_shift",
    "item_update",
    "personal_data_purge",
    "plan_create",
    "responsibility_add",
    "version_approve",
    "version_archive",
    "version_delete",
    "version_new",
    "version_put_in_force",
    "version_settle",
    "version_update",
]
