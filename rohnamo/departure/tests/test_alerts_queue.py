"""Alerts when a new list arrives: Farrukh from Vahdat subscribed after a check; a newer list
naming him queues exactly one alert in his language, and nothing else ever alerts him twice."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rohnamo.core.choices import JobStatus
from rohnamo.core.models import Country, Job
from rohnamo.departure.alerts.choices import MessageReason, MessageStatus
from rohnamo.departure.alerts.identity import EntryHasher, identity_hashes
from rohnamo.departure.alerts.queue import queue_alerts_for_list
from rohnamo.departure.alerts.subscriptions import end_subscription, subscribe
from rohnamo.departure.choices import ListKind
from rohnamo.departure.matching import entry_name_key
from rohnamo.departure.models import OutgoingMessage
from rohnamo.departure.privacy import keyed_hash
from rohnamo.departure.tests.helpers import imported, person

BORN = datetime.date(1990, 4, 2)
JANUARY, MARCH = datetime.date(2026, 1, 10), datetime.date(2026, 3, 5)


@pytest.fixture(autouse=True)
def public_address(settings):
    settings.ROHNAMO_PUBLIC_URL = "https://rohnamo.example.tj"


def farrukh(**changes):
    """Farrukh from Vahdat, who asked by name on the Tajik page."""
    values = {
        "birth_date": BORN,
        "surname": "Ҳамидов",
        "given_name": "Фаррух",
        "phone": "+992 90 123 45 67",
        "channel": "sms",
        "language": "tg",
    }
    values.update(changes)
    return subscribe(**values)[0]


def alerts():
    return OutgoingMessage.objects.filter(reason=MessageReason.ALERT)


def test_a_newer_list_naming_him_queues_one_alert_in_tajik(db, tmp_path, khujand):
    subscription = farrukh()
    ban_list = imported(tmp_path, [person(), person(surname="Назаров", given_name="Алишер")])
    assert queue_alerts_for_list(ban_list=ban_list) == 1
    alert = alerts().get()
    russia_tg = Country.objects.get(code="RU").name_tg
    assert alert.subscription == subscription and alert.language == "tg"
    assert alert.status == MessageStatus.QUEUED and alert.recipient == "+992901234567"
    assert russia_tg in alert.body and "10.01.2026" in alert.body
    assert "https://rohnamo.example.tj/tg/can-i-travel/" in alert.body
    assert f"/tg/can-i-travel/alerts/stop/{subscription.token}/" in alert.body
    assert "+992 34 111 22 33" in alert.body, "the hotline of a public office"
    assert "Назаров" not in alert.body and "Ҳамидов" not in alert.body


def test_a_russian_subscriber_is_alerted_in_russian_by_passport(db, tmp_path):
    farrukh(surname="", given_name="", passport="40 1234567", language="ru")
    ban_list = imported(tmp_path, [person(surname="Khamidov", given_name="Farrukh")])
    assert queue_alerts_for_list(ban_list=ban_list) == 1
    alert = alerts().get()
    assert alert.language == "ru" and "/ru/can-i-travel/" in alert.body
    assert Country.objects.get(code="RU").name_ru in alert.body


def test_a_reimport_of_the_same_list_does_not_alert_twice(db, tmp_path):
    farrukh()
    first = imported(tmp_path, [person()])
    assert queue_alerts_for_list(ban_list=first) == 1
    again = imported(tmp_path, [person()], file_name="again.csv")
    assert queue_alerts_for_list(ban_list=again) == 0
    assert queue_alerts_for_list(ban_list=first) == 0
    assert alerts().count() == 1


def test_an_older_list_does_not_alert_but_a_newer_version_does(db, tmp_path):
    farrukh()
    march = imported(tmp_path, [person()], received_on=MARCH)
    assert queue_alerts_for_list(ban_list=march) == 1
    january = imported(tmp_path, [person()], received_on=JANUARY)
    assert queue_alerts_for_list(ban_list=january) == 0
    june = imported(tmp_path, [person()], received_on=datetime.date(2026, 6, 1))
    assert queue_alerts_for_list(ban_list=june) == 1
    assert alerts().count() == 2


def test_another_list_of_another_kind_alerts_separately(db, tmp_path):
    farrukh()
    bans = imported(tmp_path, [person()])
    controlled = imported(tmp_path, [person()], name="Controlled persons", kind=ListKind.CONTROLLED)
    assert queue_alerts_for_list(ban_list=bans) == 1
    assert queue_alerts_for_list(ban_list=controlled) == 1


def test_a_namesake_born_on_another_day_is_not_alerted(db, tmp_path):
    farrukh(birth_date=datetime.date(1991, 4, 2))
    ban_list = imported(tmp_path, [person()])
    assert queue_alerts_for_list(ban_list=ban_list) == 0
    assert not alerts().exists()


def test_a_list_giving_only_his_surname_still_names_him(db, tmp_path):
    farrukh()
    ban_list = imported(tmp_path, [person(given_name="", passport_number="")])
    assert queue_alerts_for_list(ban_list=ban_list) == 1


def test_a_list_already_shown_on_his_answer_page_is_not_news(db, tmp_path):
    ban_list = imported(tmp_path, [person()])
    farrukh()
    assert queue_alerts_for_list(ban_list=ban_list) == 0
    newer = imported(tmp_path, [person()], received_on=MARCH)
    assert queue_alerts_for_list(ban_list=newer) == 1


def test_an_ended_subscription_is_never_alerted(db, tmp_path):
    subscription = farrukh()
    end_subscription(subscription=subscription, reason="link")
    ban_list = imported(tmp_path, [person()])
    assert queue_alerts_for_list(ban_list=ban_list) == 0


def test_queueing_schedules_one_sending_job_after_the_commit(
    db, tmp_path, django_capture_on_commit_callbacks
):
    farrukh()
    ban_list = imported(tmp_path, [person()])
    Job.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        queue_alerts_for_list(ban_list=ban_list)
    job = Job.objects.get()
    assert job.kind == "departure_send_messages" and job.status == JobStatus.QUEUED


def test_the_fast_entry_hash_is_the_hash_of_the_log_of_checks(db):
    hasher = EntryHasher()
    assert hasher.hash("passport:401234567|1990-04-02") == keyed_hash(
        "passport:401234567|1990-04-02"
    )
    hashes = identity_hashes(birth_date=BORN, passport="401234567", surname="Ҳамидов",
                             given_name="Фаррух")  # fmt: skip
    entry = hasher.entry_hashes(
        passport_key="401234567", name_key=entry_name_key("Хамидов", "Фаррух"), birth_date=BORN
    )
    assert hashes.passport_hash in entry and hashes.name_hash in entry


def test_matching_a_big_list_takes_batched_queries_not_one_per_entry(db, tmp_path):
    for number in range(30):
        farrukh(phone=f"+992 90 000 00 {number:02d}", birth_date=datetime.date(1980, 1, number + 1))
    rows = [
        person(surname=f"Одам{number}", passport_number=f"5{number:08d}") for number in range(2500)
    ]
    ban_list = imported(tmp_path, [*rows, person()])
    with CaptureQueriesContext(connection) as queries:
        assert queue_alerts_for_list(ban_list=ban_list) == 0
    assert len(queries) < 20
