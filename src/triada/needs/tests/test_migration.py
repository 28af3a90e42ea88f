"""The move of Need from planning to needs keeps every row: planning 0002 and needs 0001 move
the model in Django's state only, needs 0002 renames the table (planning_need → needs_need)
under the plan items' link and moves what stored the old label (the content type, the audit
log's entries). Forwards and backwards, on SQLite and PostgreSQL alike."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from triada.audit.models import AuditEntry
from triada.meetings import services as meeting_services
from triada.needs import services
from triada.needs.models import Need
from triada.planning.models import PlanItem
from triada.tests import factories

BEFORE = [("needs", None), ("planning", "0001_initial")]


def migrate(targets):
    """Migrate to the targets; the state after it (with every migration still applied)."""
    executor = MigrationExecutor(connection)
    state = executor.migrate(targets)
    ContentType.objects.clear_cache()
    return state.apps


def migrate_to_the_end():
    return migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def link_target(table: str, column: str):
    """The table and column a foreign key column of a table points at."""
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    return next(
        c["foreign_key"]
        for c in constraints.values()
        if c["columns"] == [column] and c["foreign_key"]
    )


def tables() -> set[str]:
    return set(connection.introspection.table_names())


@pytest.mark.django_db(transaction=True)
def test_the_needs_and_their_links_survive_the_move_both_ways():
    area = factories.make_area()
    group = factories.make_body(area)
    meeting = meeting_services.meeting_create(actor=None, body=group, starts_at=timezone.now())
    version = factories.make_plan(area, owner=group)
    measure = version.items.get(kind=PlanItem.Kind.MEASURE)
    try:
        old = migrate(BEFORE)
        assert "planning_need" in tables() and "needs_need" not in tables()
        with pytest.raises(LookupError):
            old.get_model("needs", "Need")
        OldNeed = old.get_model("planning", "Need")
        raised = OldNeed.objects.create(
            area_id=area.pk,
            text="Odlehčovací služba o víkendu",
            target_group="rodiny",
            status="addressed",
            body_id=group.pk,
            meeting_id=meeting.pk,
            published=True,
        )
        public = OldNeed.objects.create(
            area_id=area.pk,
            text="Lavičky u domova",
            status="rejected",
            reason="Mimo KPSS",
            submitter_name="Jan",
            submitter_email="jan@example.cz",
        )
        old.get_model("planning", "PlanItem").objects.get(pk=measure.pk).needs.add(raised)
        old_type = old.get_model("contenttypes", "ContentType").objects.get_or_create(
            app_label="planning", model="need"
        )[0]
        old.get_model("audit", "AuditEntry").objects.create(
            area_id=area.pk,
            action="create",
            object_type="planning.need",
            object_id=str(public.pk),
            object_repr="Lavičky u domova",
        )
        created_at = OldNeed.objects.get(pk=raised.pk).created_at

        migrate_to_the_end()
        assert "needs_need" in tables() and "planning_need" not in tables()
        assert link_target("planning_planitem_needs", "need_id") == ("needs_need", "id")
        connection.check_constraints(table_names=["planning_planitem_needs", "needs_need"])
        assert Need.objects.count() == 2
        need = Need.objects.get(pk=raised.pk)
        assert (need.area, need.body, need.meeting) == (area, group, meeting)
        assert (need.text, need.target_group, need.status, need.published) == (
            "Odlehčovací služba o víkendu",
            "rodiny",
            Need.Status.ADDRESSED,
            True,
        )
        assert need.created_at == created_at
        assert list(measure.needs.all()) == [need]
        assert list(need.plan_items.all()) == [measure]
        assert not Need.objects.without_measure().exists()  # answered, and rejected
        moved = Need.objects.get(pk=public.pk)
        assert (moved.reason, moved.submitter_email) == ("Mimo KPSS", "jan@example.cz")
        content_type = ContentType.objects.get(pk=old_type.pk)
        assert (content_type.app_label, content_type.model) == ("needs", "need")
        assert ContentType.objects.get_for_model(Need).pk == old_type.pk
        assert AuditEntry.objects.filter(object_type="needs.need").count() == 1
        assert not AuditEntry.objects.filter(object_type="planning.need").exists()
        # The renamed table goes on numbering its rows.
        later = services.need_create(actor=None, area=area, text="Doprava", body=group)
        assert later.pk > max(raised.pk, public.pk)
        measure.needs.add(later)

        old = migrate(BEFORE)
        assert "planning_need" in tables() and "needs_need" not in tables()
        assert link_target("planning_planitem_needs", "need_id") == ("planning_need", "id")
        OldNeed = old.get_model("planning", "Need")
        assert OldNeed.objects.count() == 3
        assert set(
            old.get_model("planning", "PlanItem")
            .objects.get(pk=measure.pk)
            .needs.values_list("pk", flat=True)
        ) == {raised.pk, later.pk}
        assert OldNeed.objects.get(pk=public.pk).submitter_email == "jan@example.cz"
        content_types = old.get_model("contenttypes", "ContentType").objects
        assert content_types.get(pk=old_type.pk).app_label == "planning"
        entries = old.get_model("audit", "AuditEntry").objects
        assert not entries.filter(object_type="needs.need").exists()
        assert entries.filter(object_type="planning.need").count() == 2  # with Doprava's
    finally:
        migrate_to_the_end()
    assert Need.objects.count() == 3
    assert set(measure.needs.values_list("pk", flat=True)) == {raised.pk, later.pk}
