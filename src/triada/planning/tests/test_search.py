"""Search covers the plan the portal shows (the published needs: needs/tests/test_search.py),
and forgets what the public can no longer read there."""

from triada.needs import services as needs_services
from triada.planning import services
from triada.planning.models import PlanVersion
from triada.search.backends import search
from triada.search.models import SearchDocument
from triada.search.services import reindex_all
from triada.tests import factories

S = PlanVersion.Status


def titles(query, **filters):
    return [hit.document.title for hit in search(query, **filters)]


def test_a_draft_is_not_searchable_until_it_goes_out_for_comments(area, group):
    version = factories.make_plan(area, owner=group)
    assert titles("pecovatel") == []
    factories.advance_plan(version, S.IN_COMMENTS)
    assert sorted(titles("pecovatel")) == [
        "1.1.1 Dostupná pečovatelská služba",
        "1.1.1.1 Rozšíření pečovatelské služby",
    ]
    hit = search("vikendova")[0]
    item = version.items.get(title="Víkendová služba")
    assert hit.document.url == f"/{area.slug}/plan/{version.pk}/#polozka-{item.pk}"
    assert hit.document.body == group


def test_the_version_in_force_replaces_the_older_one_in_the_index(area, group):
    version = factories.make_plan(area, owner=group)
    factories.advance_plan(version, S.IN_FORCE)
    new = services.version_new(actor=None, version=version)
    services.item_update(
        actor=None, item=new.items.get(title="Nový automobil"), title="Elektromobil"
    )
    assert titles("elektromobil") == []  # a draft
    factories.advance_plan(new, S.IN_FORCE, assembly=version.approval_steps.get().body)
    assert titles("elektromobil") == ["1.1.1.1.2 Elektromobil"]
    assert titles("automobil") == []
    assert SearchDocument.objects.filter(kind="plan_item").count() == new.items.count()


def test_reindex_all_rebuilds_plan_items_and_needs(area, group):
    version = factories.make_plan(area, owner=group)
    factories.advance_plan(version, S.IN_FORCE)
    needs_services.need_create(actor=None, area=area, text="Odlehčovací služba", body=group)
    expected = set(SearchDocument.objects.values_list("kind", "object_id", "url"))
    SearchDocument.objects.all().delete()
    reindex_all()
    assert set(SearchDocument.objects.values_list("kind", "object_id", "url")) == expected
    assert {kind for kind, _pk, _url in expected} == {"body", "plan_item", "need"}


def test_a_deleted_item_leaves_the_index(area, group):
    version = factories.make_plan(area, owner=group)
    factories.advance_plan(version, S.SETTLED)  # public, and its text can still change
    services.item_delete(actor=None, item=version.items.get(title="Víkendová služba"))
    assert titles("vikendova") == []
    assert SearchDocument.objects.filter(kind="plan_item").count() == version.items.count()
