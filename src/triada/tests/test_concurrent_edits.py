"""Two editors, one text: both open the edit page, the first saves, the second saves from the
stale page. The second is told, keeps the text he or she wrote and sees the text saved
meanwhile next to each field, so that nothing of either is lost; the first editor's text
stays saved and only that save is in the audit log."""

import datetime

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.urls import reverse

from triada.audit.models import AuditEntry
from triada.conftest import client_for
from triada.meetings import services as meeting_services
from triada.minutes import services as minutes_services
from triada.minutes.models import Minutes
from triada.planning.models import PlanItem
from triada.tests import factories


def _english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _posted(form, **texts) -> dict:
    """What the browser sends from the page it shows: every field's value, some retyped."""
    data = {field.html_name: "" if field.value() is None else field.value() for field in form}
    data.update(texts)
    return data


def test_second_editor_of_the_minutes_keeps_both_texts(group, coordinator, leader):
    meeting = meeting_services.meeting_create(
        actor=None,
        body=group,
        starts_at=datetime.datetime(2019, 3, 14, 15, tzinfo=datetime.UTC),
        agenda=("Úvod", "Rozpočet"),
    )
    minutes = minutes_services.minutes_start(actor=None, meeting=meeting)
    first_section, second_section = minutes.sections.all()
    url = reverse("minutes:edit", kwargs={"area_slug": group.area.slug, "pk": meeting.pk})
    first, second = client_for(coordinator), _english(client_for(leader))
    first_form = first.get(url).context["form"]
    second_form = second.get(url).context["form"]
    entries = AuditEntry.objects.count()

    saved = first.post(
        url,
        _posted(
            first_form,
            opening="Zahájila koordinátorka.",
            **{f"section_{first_section.pk}": "Diskuse prvního editora."},
        ),
    )
    assert saved.status_code == 302
    refused = second.post(
        url,
        _posted(
            second_form,
            opening="Zahájil vedoucí.",
            **{f"section_{second_section.pk}": "Rozpočet podle druhého editora."},
        ),
    )

    assert refused.status_code == 200
    form = refused.context["form"]
    assert form.has_error(NON_FIELD_ERRORS, minutes_services.EDIT_CONFLICT)
    html = refused.content.decode()
    assert "Someone else saved these minutes while you were editing them" in html
    # The second editor's text stays in the form …
    assert form["opening"].value() == "Zahájil vedoucí."
    assert form[f"section_{second_section.pk}"].value() == "Rozpočet podle druhého editora."
    # … and the first editor's text is shown next to the fields where the two differ.
    assert form.fields["opening"].saved_version == "Zahájila koordinátorka."
    assert form.fields[f"section_{first_section.pk}"].saved_version == "Diskuse prvního editora."
    assert form.fields[f"section_{second_section.pk}"].saved_version == ""
    assert not hasattr(form.fields["closing"], "saved_version")  # the same on both sides
    assert "The current saved version:" in html and "Zahájila koordinátorka." in html
    # The first editor's text is saved, and only that save is in the audit log.
    minutes.refresh_from_db()
    assert minutes.opening == "Zahájila koordinátorka."
    assert minutes.sections.get(pk=second_section.pk).discussion == ""
    assert AuditEntry.objects.count() == entries + 1

    # Having merged the texts, the second editor saves from the page shown.
    first_discussion = f"section_{first_section.pk}"
    merged = second.post(
        url,
        _posted(
            form,
            opening="Zahájila koordinátorka, pokračoval vedoucí.",
            **{first_discussion: form.fields[first_discussion].saved_version},
        ),
    )
    assert merged.status_code == 302
    minutes = Minutes.objects.get(pk=minutes.pk)
    assert minutes.opening == "Zahájila koordinátorka, pokračoval vedoucí."
    assert minutes.sections.get(pk=first_section.pk).discussion == "Diskuse prvního editora."
    assert minutes.sections.get(pk=second_section.pk).discussion == (
        "Rozpočet podle druhého editora."
    )
    assert AuditEntry.objects.count() == entries + 2


def test_second_editor_of_a_plan_item_keeps_both_texts(area, group, coordinator, leader):
    version = factories.make_plan(area, owner=group)
    support_area = version.items.get(kind=PlanItem.Kind.SUPPORT_AREA)
    url = reverse("planning:item", kwargs={"area_slug": area.slug, "pk": support_area.pk})
    first, second = client_for(coordinator), _english(client_for(leader))
    first_form = first.get(url).context["forms"]["item"]
    second_form = second.get(url).context["forms"]["item"]
    entries = AuditEntry.objects.count()

    saved = first.post(
        url,
        {"action": "item", **_posted(first_form, **{"item-description": "Popis prvního."})},
    )
    assert saved.status_code == 302
    refused = second.post(
        url,
        {
            "action": "item",
            **_posted(
                second_form,
                **{"item-description": "Popis druhého.", "item-profile": "Profil druhého."},
            ),
        },
    )

    assert refused.status_code == 200
    form = refused.context["forms"]["item"]
    assert form.has_error(NON_FIELD_ERRORS, "edit_conflict")
    html = refused.content.decode()
    assert "Someone else changed this item in the meantime" in html
    assert form["description"].value() == "Popis druhého."
    assert form["profile"].value() == "Profil druhého."
    assert form.fields["description"].saved_version == "Popis prvního."
    assert form.fields["profile"].saved_version == ""
    assert not hasattr(form.fields["title"], "saved_version")
    assert "The current saved version:" in html and "Popis prvního." in html
    support_area.refresh_from_db()
    assert (support_area.description, support_area.profile) == ("Popis prvního.", "")
    assert AuditEntry.objects.count() == entries + 1

    merged = second.post(
        url,
        {"action": "item", **_posted(form, **{"item-description": "Popis obou."})},
    )
    assert merged.status_code == 302
    support_area.refresh_from_db()
    assert (support_area.description, support_area.profile) == ("Popis obou.", "Profil druhého.")
    assert AuditEntry.objects.count() == entries + 2


def test_an_item_form_without_its_edit_count_is_refused(area, group, coordinator):
    """Without the count the form started from, a save could overwrite someone's change."""
    version = factories.make_plan(area, owner=group)
    measure = version.items.get(kind=PlanItem.Kind.MEASURE)
    url = reverse("planning:item", kwargs={"area_slug": area.slug, "pk": measure.pk})
    response = client_for(coordinator).post(url, {"action": "item", "item-title": "Jinak"})
    assert response.status_code == 200
    assert response.context["forms"]["item"].errors["edit_count"]
    assert PlanItem.objects.get(pk=measure.pk).title != "Jinak"
