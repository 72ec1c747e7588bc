"""Outreach events: participants must add up by sex, leaflets handed out reach the log."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from rohnamo.counselling.models import OutreachEvent
from rohnamo.knowledge.models import Distribution
from rohnamo.knowledge.tests.factories import draft_sheet, language

pytestmark = pytest.mark.django_db


def event_form(**overrides):
    data = {
        "kind": "mobile_trip",
        "title": "Сафари сайёр ба ҷамоати Гулистон",
        "date": (timezone.localdate() - datetime.timedelta(days=2)).isoformat(),
        "place": "Ҷамоати Гулистон",
        "participants_female": "18",
        "participants_male": "22",
        "participants_total": "",
        "materials-TOTAL_FORMS": "3",
        "materials-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def test_a_mobile_trip_with_forty_participants_and_leaflets_is_recorded(client, nigora, khujand):
    sheet = draft_sheet(nigora).sheet
    client.force_login(nigora)

    client.post(
        reverse("counselling:event_new"),
        event_form(
            **{
                "materials-0-sheet": sheet.pk,
                "materials-0-language": language("tg").pk,
                "materials-0-quantity": "40",
            }
        ),
    )

    event = OutreachEvent.objects.get()
    assert (event.office, event.participants_female, event.participants_male) == (khujand, 18, 22)
    assert event.participants_total == 40
    handed = Distribution.objects.get()
    assert (handed.sheet, handed.quantity, handed.place_type) == (sheet, 40, "mobile")


def test_participants_that_do_not_add_up_are_refused_and_nothing_is_saved(client, nigora):
    sheet = draft_sheet(nigora).sheet
    client.force_login(nigora)

    client.cookies["django_language"] = "en"
    response = client.post(
        reverse("counselling:event_new"),
        event_form(
            participants_total="41",
            **{
                "materials-0-sheet": sheet.pk,
                "materials-0-language": language("tg").pk,
                "materials-0-quantity": "40",
            },
        ),
    )

    assert "do not add up" in str(response.context["form"].errors["participants_total"])
    assert not OutreachEvent.objects.exists()
    assert not Distribution.objects.exists()


def test_an_event_in_the_future_is_refused(client, nigora):
    client.force_login(nigora)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = client.post(reverse("counselling:event_new"), event_form(date=tomorrow.isoformat()))

    assert response.context["form"].errors["date"]
    assert not OutreachEvent.objects.exists()


def test_another_branch_does_not_see_the_event(client, nigora, umed):
    client.force_login(nigora)
    client.post(reverse("counselling:event_new"), event_form())
    event = OutreachEvent.objects.get()
    client.force_login(umed)

    assert list(client.get(reverse("counselling:events")).context["page"]) == []
    assert client.get(reverse("counselling:event", args=[event.pk])).status_code == 404
