"""Subscribing on the public page and stopping: Farrukh asks to be told about a newer list,
and later stops by the link; nothing typed is stored in the clear."""

from django.db import connection

from rohnamo.departure.alerts.choices import EndReason, MessageReason
from rohnamo.departure.alerts.queue import queue_alerts_for_list
from rohnamo.departure.models import OutgoingMessage, Subscription
from rohnamo.departure.tests.helpers import imported, person

CHECK = "/{lang}/can-i-travel/"
ALERTS = "/{lang}/can-i-travel/alerts/"


def form(**changes):
    values = {
        "alert-birth_date": "02.04.1990",
        "alert-passport": "401234567",
        "alert-surname": "Ҳамидов",
        "alert-given_name": "Фаррух",
        "alert-phone": "+992 90 123 45 67",
        "alert-channel": "sms",
        "alert-consent": "on",
    }
    values.update(changes)
    return {key: value for key, value in values.items() if value is not None}


def ask_alerts(client, lang="en", address="10.0.0.7", **changes):
    return client.post(ALERTS.format(lang=lang), form(**changes), REMOTE_ADDR=address)


def test_after_a_check_the_answer_offers_the_alert_form_without_his_details(client, db):
    response = client.post(
        CHECK.format(lang="tg"),
        {"birth_date": "02.04.1990", "surname": "Ҳамидов", "given_name": "Фаррух"},
        REMOTE_ADDR="10.0.0.8",
    )
    page = response.content.decode()
    assert 'action="/tg/can-i-travel/alerts/"' in page
    assert 'name="alert-phone"' in page and 'name="alert-consent"' in page
    assert "Ҳамидов" not in page and "1990-04-02" not in page
    assert "<script" not in page and " style=" not in page
    assert len(response.content) < 30 * 1024


def test_he_subscribes_in_tajik_and_a_confirmation_is_queued(client, db):
    response = ask_alerts(client, lang="tg")
    page = response.content.decode()
    assert response.status_code == 200 and 'role="status"' in page
    assert "Ҳамидов" not in page and "+992 90 123 45 67" not in page
    subscription = Subscription.objects.get()
    assert subscription.language == "tg" and subscription.channel == "sms"
    assert subscription.is_active and subscription.consent_version
    confirmation = OutgoingMessage.objects.get()
    assert confirmation.reason == MessageReason.CONFIRMATION
    assert confirmation.recipient == "+992901234567"
    assert f"/tg/can-i-travel/alerts/stop/{subscription.token}/" in confirmation.body


def test_the_database_holds_no_passport_name_or_phone_in_the_clear(client, db):
    ask_alerts(client)
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM departure_subscription")
        subscription_row = " ".join(str(value) for value in cursor.fetchone())
        cursor.execute("SELECT * FROM departure_outgoingmessage")
        message_row = " ".join(str(value) for value in cursor.fetchone())
    for row in (subscription_row, message_row):
        for secret in ("401234567", "Ҳамидов", "Фаррух", "HAMIDOV", "hamidav", "1234567", "1990"):
            assert secret not in row
    assert len(Subscription.objects.get().passport_hash) == 64


def test_the_same_phone_and_identity_twice_is_one_subscription(client, db):
    ask_alerts(client)
    page = ask_alerts(client, **{"alert-phone": "90-123-45-67"}).content.decode()
    assert "You had already asked for these alerts" in page
    assert Subscription.objects.count() == 1 and OutgoingMessage.objects.count() == 1


def test_another_phone_for_the_same_identity_is_another_subscription(client, db):
    ask_alerts(client)
    ask_alerts(client, **{"alert-phone": "+7 912 345 67 89"})
    assert Subscription.objects.count() == 2


def test_without_consent_or_with_a_bad_phone_nothing_is_saved(client, db):
    page = ask_alerts(client, **{"alert-consent": None}).content.decode()
    assert "Tick the box to agree" in page
    page = ask_alerts(client, **{"alert-phone": "12ab"}).content.decode()
    assert "This is not a phone number" in page
    page = ask_alerts(client, **{"alert-passport": "", "alert-surname": ""}).content.decode()
    assert "Write both your surname and your given name" in page
    assert not Subscription.objects.exists() and not OutgoingMessage.objects.exists()


def test_the_subscribe_form_is_rate_limited_per_address(client, db):
    for number in range(5):
        ask_alerts(client, **{"alert-phone": f"+992 90 000 00 0{number}"})
    response = ask_alerts(client, **{"alert-phone": "+992 90 000 00 09"})
    assert response.status_code == 429
    assert "Too many requests were made from your connection" in response.content.decode()
    assert Subscription.objects.count() == 5
    other = ask_alerts(client, address="10.9.9.9", **{"alert-phone": "+992 90 000 00 09"})
    assert other.status_code == 200 and Subscription.objects.count() == 6


def test_the_stop_link_asks_first_and_stops_on_the_button(client, db):
    ask_alerts(client)
    subscription = Subscription.objects.get()
    url = f"/en/can-i-travel/alerts/stop/{subscription.token}/"
    page = client.get(url).content.decode()
    assert 'name="stop"' in page and "csrfmiddlewaretoken" in page
    subscription.refresh_from_db()
    assert subscription.is_active, "opening the link (or a link preview) changes nothing"
    page = client.post(url).content.decode()
    assert "you will receive no more alerts" in page
    subscription.refresh_from_db()
    assert subscription.end_reason == EndReason.LINK and not subscription.is_active
    assert OutgoingMessage.objects.filter(reason=MessageReason.UNSUBSCRIBED).count() == 1
    again = client.post(url).content.decode()
    assert "already stopped" in again
    assert OutgoingMessage.objects.filter(reason=MessageReason.UNSUBSCRIBED).count() == 1


def test_a_made_up_stop_link_is_not_found_and_stops_nobody(client, db):
    ask_alerts(client)
    response = client.post("/en/can-i-travel/alerts/stop/not-a-real-token/")
    assert response.status_code == 404 and "This link is not valid" in response.content.decode()
    assert Subscription.objects.get().is_active


def test_subscribing_when_already_listed_does_not_alert_about_that_list(client, db, tmp_path):
    ban_list = imported(tmp_path, [person()])
    ask_alerts(client)
    assert queue_alerts_for_list(ban_list=ban_list) == 0


def test_the_alerts_page_is_small_and_in_tajik_without_scripts(client, db):
    response = client.get(ALERTS.format(lang="tg"))
    page = response.content.decode()
    assert '<html lang="tg">' in page and 'name="alert-birth_date"' in page
    assert "<script" not in page and "<style" not in page and " style=" not in page
    assert len(response.content) < 30 * 1024
