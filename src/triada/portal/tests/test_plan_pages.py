"""The public side of the community plan: the plan in force with its numbered tree and
progress, public versions only, names only with consent, the comment period with its spam
protection and the settlement without authors, the needs register and its moderation."""

import datetime
import time

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from triada.meetings import services as meetings
from triada.minutes import services as minutes
from triada.needs import services as needs_services
from triada.needs.models import Need
from triada.people.models import Person
from triada.planning import services
from triada.planning.models import Comment, FundingSource, PlanItem, PlanVersion
from triada.portal import plan_forms
from triada.structure import services as structure_services
from triada.structure.models import Body
from triada.tests import factories

S = PlanVersion.Status
K = PlanItem.Kind
TODAY = datetime.date.today()
EN = {"accept-language": "en"}


@pytest.fixture(autouse=True)
def _empty_cache():
    """The per-address limit lives in the cache; each test starts with none counted."""
    cache.clear()
    yield
    cache.clear()


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def main_text(response) -> str:
    return soup(response).select_one("main").get_text(" ", strip=True)


def items(version, kind=None) -> list[PlanItem]:
    found = version.items.order_by("position", "pk")
    return list(found.filter(kind=kind) if kind else found)


def token(seconds_ago: float = 10) -> str:
    return plan_forms.issue_token(time.time() - seconds_ago)


def in_comments(area, group) -> PlanVersion:
    """A draft open for comments today (and today only)."""
    return factories.advance_plan(factories.make_plan(area, owner=group), S.IN_COMMENTS)


@pytest.fixture
def plan_in_force(area, group):
    """The small plan with responsibilities, an indicator and costs, in force, with the two
    activities evaluated in 2018: one done, one in progress."""
    version = factories.make_plan(area, owner=group)
    measure = items(version, K.MEASURE)[0]
    weekend, car = items(version, K.ACTIVITY)
    consenting = factories.make_person(
        area, first_name="Věra", last_name="Souhlasná", public_consent=True
    )
    hidden = factories.make_person(area, first_name="Tajný", last_name="Odpovědný")
    charity = factories.make_organization(area, name="Charita Český Těšín")
    services.responsibility_add(actor=None, item=measure, body=group)
    services.responsibility_add(actor=None, item=measure, organization=charity)
    services.responsibility_add(actor=None, item=weekend, person=consenting)
    services.responsibility_add(actor=None, item=car, person=hidden)
    services.indicator_add(
        actor=None,
        item=measure,
        name="Klienti o víkendu",
        unit="osoby",
        baseline=10,
        targets={2018: 1500, 2019: 20},
    )
    services.cost_set(actor=None, item=car, year=2018, source=FundingSource.CITY, amount=450000)
    services.cost_set(actor=None, item=car, year=2018, source=FundingSource.EU, amount=1000000)
    services.cost_set(
        actor=None, item=weekend, year=2018, source=FundingSource.REGION, amount="1234.5"
    )
    factories.advance_plan(version, S.IN_FORCE)
    services.evaluation_record(
        actor=None, item=weekend, year=2018, status="done", narrative="Služba běží od září."
    )
    services.evaluation_record(actor=None, item=car, year=2018, status="in_progress")
    return version


# The plan page


def test_plan_page_shows_the_numbered_tree_and_progress(client, plan_in_force):
    area = plan_in_force.plan.area
    response = client.get(f"/{area.slug}/plan/")
    assert response.status_code == 200
    page = soup(response)
    numbers = {
        item.pk: page.select_one(f"#polozka-{item.pk} .plan-number").get_text()
        for item in items(plan_in_force)
    }
    assert sorted(numbers.values()) == ["1", "1.1", "1.1.1", "1.1.1.1", "1.1.1.1.1", "1.1.1.1.2"]
    measure = items(plan_in_force, K.MEASURE)[0]
    weekend, car = items(plan_in_force, K.ACTIVITY)
    assert numbers[weekend.pk] == "1.1.1.1.1"

    def meter(item):
        return page.select_one(f"#polozka-{item.pk} meter")["value"]

    # The last evaluated year is shown: done 100, in progress 50, the measure their mean.
    assert page.select_one("#id_rok option[selected]").get_text() == "2018"
    assert (meter(weekend), meter(car), meter(measure)) == ("100", "50", "75")
    assert page.select_one(".plan-total meter")["value"] == "75"
    assert "Služba běží od září." in page.select_one(f"#polozka-{weekend.pk}").get_text()
    # An earlier year: nothing evaluated yet, everything at 0.
    earlier = soup(client.get(f"/{area.slug}/plan/?rok=2017"))
    assert earlier.select_one(f"#polozka-{measure.pk} meter")["value"] == "0"
    assert "Služba běží" not in earlier.get_text()
    # The indicator's targets by year, in Czech numbers.
    indicator = page.select_one(f"#polozka-{measure.pk} .plan-indicators").get_text(" ")
    assert "Klienti o víkendu" in indicator and "1\xa0500" in indicator


def test_plan_page_links_the_owner_the_approval_and_the_downloads(client, plan_in_force, group):
    area = plan_in_force.plan.area
    page = soup(client.get(f"/{area.slug}/plan/"))
    support_area = items(plan_in_force, K.SUPPORT_AREA)[0]
    owner_link = f"a[href='/{area.slug}/organy/{group.slug}/']"
    assert page.select_one(f"#polozka-{support_area.pk} {owner_link}") is not None
    approval = page.select_one(".plan-approval").get_text(" ", strip=True)
    assert "Zastupitelstvo" in approval and "1/1" in approval
    hrefs = {a["href"] for a in page.select("main a")}
    base = f"/{area.slug}/plan/{plan_in_force.pk}"
    assert {f"{base}/plan.pdf", f"{base}/plan.docx", f"{base}/akcni-plan/2018/"} <= hrefs
    assert f"{base}/vyhodnoceni/2018/" in hrefs


def test_plan_page_has_no_inline_styles_or_scripts(client, plan_in_force):
    area = plan_in_force.plan.area
    for url in [
        f"/{area.slug}/plan/",
        f"/{area.slug}/plan/{plan_in_force.pk}/akcni-plan/2018/",
        f"/{area.slug}/plan/{plan_in_force.pk}/vyhodnoceni/2018/",
        f"/{area.slug}/potreby/",
    ]:
        page = soup(client.get(url))
        assert not page.select("[style]"), url
        assert not page.find_all("style"), url
        assert all(script.get("src") for script in page.find_all("script")), url


def test_persons_are_named_only_with_consent(client, plan_in_force):
    area = plan_in_force.plan.area
    html = client.get(f"/{area.slug}/plan/").content.decode()
    assert "Věra Souhlasná" in html
    assert "Odpovědný" not in html and "Tajný" not in html
    assert "Charita Český Těšín" in html  # organizations are always public
    car = items(plan_in_force, K.ACTIVITY)[1]
    # The person without consent is left out entirely, not shown as "name not published".
    car_section = soup(client.get(f"/{area.slug}/plan/")).select_one(f"#polozka-{car.pk}")
    assert car_section.select_one(".plan-parties") is None


def test_draft_versions_are_not_public(client, area, group):
    draft = factories.make_plan(area, owner=group)
    base = f"/{area.slug}/plan/{draft.pk}"
    for url in [
        f"{base}/",
        f"{base}/pripominky/",
        f"{base}/akcni-plan/2018/",
        f"{base}/plan.pdf",
    ]:
        assert client.get(url).status_code == 404, url
    # Without a version in force the plan page is friendly, and the draft is not listed.
    response = client.get(f"/{area.slug}/plan/", headers=EN)
    assert response.status_code == 200
    assert f"{base}/" not in response.content.decode()
    assert f"{base}/" not in client.get(f"/{area.slug}/plany/").content.decode()


def test_a_version_is_found_only_under_its_own_area(client, plan_in_force, other_area):
    base = f"/{other_area.slug}/plan/{plan_in_force.pk}"
    for url in [f"{base}/", f"{base}/akcni-plan/2018/", f"{base}/pripominky/", f"{base}/plan.pdf"]:
        assert client.get(url).status_code == 404, url
    assert (
        client.get(f"/{plan_in_force.plan.area.slug}/plan/{plan_in_force.pk}/").status_code == 200
    )


def test_years_outside_the_period_are_not_found(client, plan_in_force, area, group):
    base = f"/{area.slug}/plan/{plan_in_force.pk}"
    assert client.get(f"{base}/akcni-plan/2018/").status_code == 200
    assert client.get(f"{base}/vyhodnoceni/2018/").status_code == 200
    for url in [
        f"{base}/akcni-plan/2016/",
        f"{base}/akcni-plan/2021/",
        f"{base}/vyhodnoceni/2021/",
        f"{base}/akcni-plan/2016.xlsx",
        f"{base}/vyhodnoceni/2016.pdf",
    ]:
        assert client.get(url).status_code == 404, url
    # A version not approved yet is not evaluated.
    draft = in_comments(area, group)
    assert client.get(f"/{area.slug}/plan/{draft.pk}/vyhodnoceni/2018/").status_code == 404
    assert client.get(f"/{area.slug}/plan/{draft.pk}/akcni-plan/2018/").status_code == 200


def test_action_plan_sums_costs_by_source(client, plan_in_force):
    area = plan_in_force.plan.area
    page = soup(client.get(f"/{area.slug}/plan/{plan_in_force.pk}/akcni-plan/2018/"))
    totals = page.select_one(".plan-totals tfoot").get_text(" ", strip=True)
    assert "1\xa0451\xa0234,5" in totals  # 450 000 + 1 000 000 + 1 234,50
    heads = [th.get_text(strip=True) for th in page.select(".plan-costs thead th")]
    assert len(heads) == 2 + 3 + 1  # only the sources that pay for something this year


def test_evaluation_page_shows_status_and_narrative(client, plan_in_force):
    area = plan_in_force.plan.area
    response = client.get(f"/{area.slug}/plan/{plan_in_force.pk}/vyhodnoceni/2018/")
    text = main_text(response)
    assert "Služba běží od září." in text
    assert soup(response).select_one(".plan-total meter")["value"] == "75"


def test_archive_lists_public_versions_with_their_years(client, plan_in_force, area, group):
    newer = services.version_new(actor=None, version=plan_in_force)  # a draft: not public
    page = soup(client.get(f"/{area.slug}/plany/"))
    hrefs = {a["href"] for a in page.select("main a")}
    base = f"/{area.slug}/plan/{plan_in_force.pk}"
    assert f"{base}/" in hrefs
    assert f"/{area.slug}/plan/{newer.pk}/" not in hrefs
    assert {f"{base}/akcni-plan/{y}/" for y in range(2017, 2021)} <= hrefs
    assert f"{base}/vyhodnoceni/2018/" in hrefs
    assert f"{base}/vyhodnoceni/2019/" not in hrefs  # not evaluated


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("plan.pdf", "application/pdf"),
        ("plan.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("akcni-plan/2018.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml"),
        ("akcni-plan/2018.pdf", "application/pdf"),
        ("vyhodnoceni/2018.docx", "application/vnd.openxmlformats-officedocument.wordprocessing"),
        ("vyhodnoceni/2018.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml"),
    ],
)
def test_downloads(client, plan_in_force, path, content_type):
    area = plan_in_force.plan.area
    response = client.get(f"/{area.slug}/plan/{plan_in_force.pk}/{path}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert response.content
    assert "attachment" in response["Content-Disposition"]


def test_a_plan_pdf_is_rendered_once_until_the_areas_data_changes(client, plan_in_force, group):
    """Rendering a plan takes seconds (`make bench`): anonymous downloads come from the page
    cache, and a change in the area renders it anew."""
    url = f"/{plan_in_force.plan.area.slug}/plan/{plan_in_force.pk}/plan.pdf"
    first = client.get(url)
    with CaptureQueriesContext(connection) as cached:
        again = client.get(url)
    assert len(cached) == 0
    assert again.content == first.content
    assert again["Content-Disposition"] == first["Content-Disposition"]
    structure_services.body_update(actor=None, body=group, name="Senioři a pečující")
    with CaptureQueriesContext(connection) as rendered:
        assert client.get(url).status_code == 200
    assert len(rendered) > 0


def test_unknown_download_formats_are_not_found(client, plan_in_force):
    base = f"/{plan_in_force.plan.area.slug}/plan/{plan_in_force.pk}"
    for url in [f"{base}/plan.xlsx", f"{base}/plan.exe", f"{base}/akcni-plan/2018.html"]:
        assert client.get(url).status_code == 404, url


# The comment period


def comment_url(version) -> str:
    return f"/{version.plan.area.slug}/plan/{version.pk}/pripominky/"


def post_comment(client, version, **fields):
    data = {"item": "", "text": "Chybí noční služba.", "token": token(), "web": "", **fields}
    return client.post(comment_url(version), data, headers=EN)


def test_the_plan_page_announces_the_open_comment_period(client, area, group):
    version = in_comments(area, group)
    page = soup(client.get(f"/{area.slug}/plan/{version.pk}/"))
    notice = page.select_one(".plan-comment-notice")
    assert notice is not None
    assert notice.select_one(f"a[href='{comment_url(version)}']") is not None
    # Also on the plan page of the area, which has no version in force.
    assert soup(client.get(f"/{area.slug}/plan/")).select_one(".plan-comment-notice")


def test_a_comment_is_accepted_in_the_window(client, area, group):
    version = in_comments(area, group)
    goal = items(version, K.GOAL)[0]
    form = soup(client.get(comment_url(version)))
    options = [o.get_text(strip=True) for o in form.select("select[name=item] option")]
    assert len(options) == 1 + 6
    assert any(o.endswith("1.1.1 Dostupná pečovatelská služba") for o in options)
    response = post_comment(
        client, version, item=str(goal.pk), author_name="Karel", author_email="k@example.org"
    )
    assert response.status_code == 302
    comment = Comment.objects.get(version=version)
    assert (comment.number, comment.item, comment.section) == (
        1,
        goal,
        "1.1.1 Dostupná pečovatelská služba",
    )
    assert (comment.author_name, comment.author_email, comment.person) == (
        "Karel",
        "k@example.org",
        None,
    )
    thanks = client.get(response["Location"], headers=EN)
    assert "Thank you" in main_text(thanks)
    assert "1" in soup(thanks).select_one(".plan-received").get_text()


def test_a_comment_on_the_whole_plan(client, area, group):
    version = in_comments(area, group)
    assert post_comment(client, version).status_code == 302
    comment = Comment.objects.get(version=version)
    assert comment.item is None and comment.section == "The plan as a whole"


def test_a_comment_outside_the_window_is_refused(client, area, group):
    version = in_comments(area, group)
    PlanVersion.objects.filter(pk=version.pk).update(
        comments_from=TODAY - datetime.timedelta(days=10),
        comments_until=TODAY - datetime.timedelta(days=1),
    )
    assert soup(client.get(comment_url(version))).select_one("textarea") is None
    response = post_comment(client, version)
    assert response.status_code == 200
    assert "The comment period of this version is not open." in main_text(response)
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"web": "https://spam.example"}, "could not be accepted"),
        ({"token": 0}, "too quickly"),
        ({"token": 2 * 24 * 3600}, "expired"),
        ({"token": "forged"}, "expired"),
    ],
    ids=["honeypot", "too fast", "a day old", "forged"],
)
def test_spam_is_refused_and_nothing_written(client, area, group, fields, message):
    version = in_comments(area, group)
    if isinstance(fields.get("token"), int):  # seconds ago, issued now rather than collected
        fields = {**fields, "token": token(fields["token"])}
    response = post_comment(client, version, **fields)
    assert response.status_code == 200
    assert message in main_text(response)
    assert not Comment.objects.exists()
    # The form is shown again with a fresh timestamp.
    again = soup(response).select_one("input[name=token]")["value"]
    assert plan_forms.token_age(again) < plan_forms.MIN_SECONDS


def test_too_fast_is_refused_even_when_sent_at_once(client, area, group):
    version = in_comments(area, group)
    shown = soup(client.get(comment_url(version))).select_one("input[name=token]")["value"]
    response = post_comment(client, version, token=shown)
    assert "too quickly" in main_text(response)
    assert not Comment.objects.exists()


def test_comments_from_one_address_are_limited(client, area, group, monkeypatch):
    monkeypatch.setattr(plan_forms, "RATE_LIMIT", 2)
    version = in_comments(area, group)
    assert post_comment(client, version).status_code == 302
    assert post_comment(client, version).status_code == 302
    refused = post_comment(client, version)
    assert refused.status_code == 200
    assert "Too many comments" in main_text(refused)
    assert Comment.objects.count() == 2
    data = {"text": "Z jiné adresy.", "token": token(), "web": ""}
    other = client.post(comment_url(version), data, REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 302  # another address has its own count
    assert Comment.objects.count() == 3


def test_behind_the_proxy_the_address_the_proxy_saw_is_counted(rf, settings):
    request = rf.post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 192.0.2.9")
    settings.SECURE_PROXY_SSL_HEADER = None
    assert plan_forms.client_address(request) == "10.0.0.1"
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert plan_forms.client_address(request) == "192.0.2.9"  # not the forged first entry


def test_a_member_comments_as_his_or_her_person(client, area, group, member):
    version = in_comments(area, group)
    client.force_login(member)
    page = soup(client.get(comment_url(version)))
    assert page.select_one("input[name=author_name]") is None
    assert page.select_one("input[name=author_email]") is None
    response = post_comment(client, version, author_name="Podvrh", author_email="x@example.org")
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.person == Person.objects.get(user=member)
    assert (comment.author_name, comment.author_email) == ("", "")


def test_the_settlement_is_public_without_authors(client, area, group, member):
    version = in_comments(area, group)
    person = Person.objects.get(user=member)
    first = services.comment_submit(
        version=version,
        item=None,
        section="Plán jako celek",
        text="Doplnit dopravu seniorů.",
        author_name="Karel Pisatel",
        author_email="karel.pisatel@example.org",
    )
    second = services.comment_submit(
        version=version, item=None, section="Plán jako celek", text="Více míst.", person=person
    )
    for comment, decision in ((first, "accepted"), (second, "rejected")):
        services.comment_settle(
            actor=None,
            comment=comment,
            decision=decision,
            reason=f"Zdůvodnění {comment.number}",
            settled_by=group,
            settled_on=TODAY,
        )
    # In the comment period only the count is public, not the comments.
    during = client.get(comment_url(version))
    assert "Doplnit dopravu" not in during.content.decode()
    assert soup(during).select_one(".plan-received .stat-number").get_text() == "2"
    factories.advance_plan(version, S.SETTLED)
    response = client.get(comment_url(version))
    html = response.content.decode()
    table = soup(response).select_one(".plan-settlement").get_text(" ", strip=True)
    assert "Doplnit dopravu seniorů." in table and "Zdůvodnění 1" in table
    assert "Více míst." in table and group.name in table
    for secret in ("Karel", "Pisatel", "karel.pisatel", "@example.org", "Členová"):
        assert secret not in html, secret
    assert soup(response).select_one("textarea") is None  # no form after the period


# The needs register


def needs_url(area) -> str:
    return f"/{area.slug}/potreby/"


@pytest.fixture
def raised_needs(area, group, leader):
    meeting = meetings.meeting_create(
        actor=None,
        body=group,
        starts_at=datetime.datetime(2019, 3, 15, 14, tzinfo=datetime.UTC),
        agenda=("Potřeby",),
    )
    record = minutes.minutes_start(actor=None, meeting=meeting)
    minutes.minutes_approve(actor=None, minutes=record)
    minutes.minutes_publish(actor=None, minutes=record)
    unpublished_meeting = meetings.meeting_create(
        actor=None, body=group, starts_at=datetime.datetime(2019, 4, 15, 14, tzinfo=datetime.UTC)
    )
    transport = needs_services.need_create(
        actor=None,
        area=area,
        text="Doprava seniorů k lékaři",
        target_group="senioři",
        body=group,
        meeting=meeting,
    )
    respite = needs_services.need_create(
        actor=None,
        area=area,
        text="Odlehčovací služba o víkendu",
        target_group="rodiny",
        body=group,
        meeting=unpublished_meeting,
    )
    rejected = needs_services.need_create(
        actor=None,
        area=area,
        text="Aquapark",
        target_group="senioři",
        status=Need.Status.REJECTED,
        reason="Není sociální služba.",
    )
    hidden = needs_services.need_submit(area=area, text="Tajná neschválená potřeba")
    return {
        "transport": transport,
        "respite": respite,
        "rejected": rejected,
        "hidden": hidden,
        "meeting": meeting,
        "unpublished_meeting": unpublished_meeting,
    }


def test_needs_register_shows_only_published_needs(client, area, raised_needs):
    response = client.get(needs_url(area))
    page = soup(response)
    shown = {li["id"] for li in page.select("li.need")}
    expected = {f"potreba-{raised_needs[k].pk}" for k in ("transport", "respite", "rejected")}
    assert shown == expected
    assert "Tajná neschválená" not in response.content.decode()
    rejected = page.select_one(f"#potreba-{raised_needs['rejected'].pk}").get_text()
    assert "Není sociální služba." in rejected
    # The meeting is linked only when its minutes are published.
    meeting, unpublished = raised_needs["meeting"], raised_needs["unpublished_meeting"]
    assert page.select_one(f"a[href='/{area.slug}/jednani/{meeting.pk}/']") is not None
    assert page.select_one(f"a[href='/{area.slug}/jednani/{unpublished.pk}/']") is None


def test_needs_register_filters(client, area, raised_needs):
    def shown(**query):
        return {li["id"] for li in soup(client.get(needs_url(area), query)).select("li.need")}

    transport, rejected = raised_needs["transport"], raised_needs["rejected"]
    assert shown(skupina="senioři") == {f"potreba-{transport.pk}", f"potreba-{rejected.pk}"}
    assert shown(stav="rejected") == {f"potreba-{rejected.pk}"}
    assert shown(stav="rejected", skupina="rodiny") == set()
    assert len(shown(stav="nonsense")) == 3  # an unknown filter is ignored


def test_needs_link_the_measures_of_public_versions(client, area, group, raised_needs):
    version = factories.make_plan(area, owner=group)
    measure = items(version, K.MEASURE)[0]
    services.item_needs_set(actor=None, item=measure, needs=[raised_needs["transport"]])
    link = f"/{area.slug}/plan/{version.pk}/#polozka-{measure.pk}"
    assert link not in client.get(needs_url(area)).content.decode()  # a draft
    factories.advance_plan(version, S.IN_COMMENTS)
    page = soup(client.get(needs_url(area)))
    assert page.select_one(f"#potreba-{raised_needs['transport'].pk} a[href='{link}']")


def test_needs_register_is_paginated(client, area, raised_needs):
    for n in range(30):
        needs_services.need_create(actor=None, area=area, text=f"Potřeba {n}")
    first = soup(client.get(needs_url(area)))
    second = soup(client.get(needs_url(area) + "?strana=2"))
    assert len(first.select("li.need")) == 25
    assert len(second.select("li.need")) == 33 - 25
    assert first.select_one(".pagination") is not None


def post_need(client, area, **fields):
    data = {
        "text": "Chybí denní stacionář.",
        "target_group": "senioři",
        "submitter_name": "Jana Navrhovatelka",
        "submitter_email": "jana@example.org",
        "token": token(),
        "web": "",
        **fields,
    }
    return client.post(needs_url(area), data, headers=EN)


def test_a_need_from_the_public_waits_for_moderation(client, area):
    response = post_need(client, area)
    assert response.status_code == 302
    need = Need.objects.get()
    assert (need.published, need.submitter_name, need.submitter_email) == (
        False,
        "Jana Navrhovatelka",
        "jana@example.org",
    )
    after = client.get(response["Location"], headers=EN)
    assert "once the coordinator has reviewed it" in main_text(after)
    assert "Chybí denní stacionář." not in after.content.decode()
    assert "Navrhovatelka" not in after.content.decode()


@pytest.mark.parametrize(
    "fields", [{"web": "x"}, {"token": 0}, {"token": ""}], ids=["honeypot", "fast", "none"]
)
def test_need_spam_is_refused(client, area, fields):
    if fields.get("token") == 0:
        fields = {"token": token(0)}
    response = post_need(client, area, **fields)
    assert response.status_code == 200
    assert soup(response).select_one(".form-errors") is not None
    assert not Need.objects.exists()


def test_forms_carry_the_privacy_notice_and_the_hidden_honeypot(client, area, group):
    version = in_comments(area, group)
    for url in [comment_url(version), needs_url(area)]:
        page = soup(client.get(url, headers=EN))
        notice = page.select_one(".privacy-notice").get_text(" ", strip=True)
        assert "never published" in notice and "controller" in notice, url
        honeypot = page.select_one("input[name=web]")
        assert "hp-field" in honeypot.parent["class"], url
        assert honeypot["tabindex"] == "-1"


# Query budget


def build_plan(area, group, scale: int) -> PlanVersion:
    """A plan with `scale` support areas, each with 2×scale measures of two activities, every
    action with a responsible person, an organization, an indicator, costs and evaluations."""
    version = services.plan_create(
        actor=None, area=area, ordinal=scale, title="Plán", first_year=2017, last_year=2020
    )
    organization = factories.make_organization(area)
    for a in range(scale):
        root = services.item_create(
            actor=None, version=version, title=f"Oblast {a}", owner=group, target_group="senioři"
        )
        priority = services.item_create(actor=None, version=version, parent=root, title="P")
        goal = services.item_create(actor=None, version=version, parent=priority, title="C")
        for m in range(2 * scale):
            measure = services.item_create(
                actor=None, version=version, parent=goal, title=f"Opatření {m}"
            )
            need = needs_services.need_create(actor=None, area=area, text=f"Potřeba {a} {m}")
            services.item_needs_set(actor=None, item=measure, needs=[need])
            for t in range(2):
                activity = services.item_create(
                    actor=None, version=version, parent=measure, title=f"Aktivita {t}"
                )
                person = factories.make_person(area, public_consent=t == 0)
                services.responsibility_add(actor=None, item=activity, person=person)
                services.responsibility_add(actor=None, item=activity, organization=organization)
                services.responsibility_add(actor=None, item=activity, body=group)
                services.indicator_add(
                    actor=None,
                    item=activity,
                    name="Klienti",
                    unit="osoby",
                    targets={2018: 5, 2019: 6},
                )
                services.cost_set(actor=None, item=activity, year=2018, source="city", amount=1000)
    assembly = factories.make_body(area, kind=Body.Kind.ASSEMBLY)
    factories.advance_plan(version, S.IN_FORCE, assembly=assembly)
    for item in version.items.filter(kind=K.ACTIVITY):
        services.evaluation_record(actor=None, item=item, year=2018, status="done")
    return version


def page_queries(client, version) -> dict[str, int]:
    slug, pk = version.plan.area.slug, version.pk
    counts = {}
    for name, url in {
        "plan": f"/{slug}/plan/",
        "version": f"/{slug}/plan/{pk}/?rok=2018",
        "action plan": f"/{slug}/plan/{pk}/akcni-plan/2018/",
        "evaluation": f"/{slug}/plan/{pk}/vyhodnoceni/2018/",
        "archive": f"/{slug}/plany/",
        "needs": f"/{slug}/potreby/",
        "comments": f"/{slug}/plan/{pk}/pripominky/",
    }.items():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, name
        counts[name] = len(queries)
    return counts


@pytest.mark.django_db
def test_plan_page_queries_do_not_grow_with_the_plan(client):
    small_area, big_area = factories.make_area(), factories.make_area()
    small = build_plan(small_area, factories.make_body(small_area), 1)
    big = build_plan(big_area, factories.make_body(big_area), 4)
    assert big.items.count() > 10 * small.items.count()
    small_counts, big_counts = page_queries(client, small), page_queries(client, big)
    assert small_counts == big_counts
    assert max(small_counts.values()) <= 20, small_counts
