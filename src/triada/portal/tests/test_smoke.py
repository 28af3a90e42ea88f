def test_portal_pages_render(client, group, member):
    area = group.area
    for url in [
        "/",
        f"/{area.slug}/",
        f"/{area.slug}/struktura/",
        f"/{area.slug}/organy/{group.slug}/",
    ]:
        assert client.get(url).status_code == 200, url


def test_the_stylesheet_and_icon_are_served(client, db):
    page = client.get("/").content.decode()
    for path in ["/static/triada/site.css", "/static/triada/favicon.svg"]:
        assert path in page
        response = client.get(path)
        assert response.status_code == 200, path
        assert b"".join(response.streaming_content if response.streaming else [response.content])
