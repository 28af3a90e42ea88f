"""Search covers the published needs and forgets one taken back from the public (the index
follows `events.need_changed`)."""

from triada.needs import services
from triada.search.backends import search


def titles(query, **filters):
    return [hit.document.title for hit in search(query, **filters)]


def test_needs_are_searchable_once_published(area, group):
    need = services.need_submit(area=area, text="Chybí bezbariérové toalety v parku")
    assert titles("bezbarierove") == []
    services.need_update(actor=None, need=need, published=True)
    assert titles("bezbarierove") == ["Chybí bezbariérové toalety v parku"]
    services.need_update(actor=None, need=need, published=False)
    assert titles("bezbarierove") == []
