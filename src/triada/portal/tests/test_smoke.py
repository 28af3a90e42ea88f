from triada.conftest import sign_in


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


def test_error_pages_are_czech_with_one_heading(client, db, coordinator, other_area):
    from bs4 import BeautifulSoup

    missing = client.get("/neexistuje/")
    assert missing.status_code == 404
    page = BeautifulSoup(missing.content, "html.parser")
    assert page.html["lang"] == "cs"
    assert [h.get_text() for h in page.find_all("h1")] == ["Stránka nenalezena"]
    sign_in(client, coordinator)
    denied = client.get(f"/sprava/{other_area.slug}/")
    assert denied.status_code == 403
    assert "Přístup odepřen" in denied.content.decode()
