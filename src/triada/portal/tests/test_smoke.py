def test_portal_pages_render(client, group, member):
    area = group.area
    for url in [
        "/",
        f"/{area.slug}/",
        f"/{area.slug}/struktura/",
        f"/{area.slug}/organy/{group.slug}/",
    ]:
        assert client.get(url).status_code == 200, url
