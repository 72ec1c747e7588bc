"""The outbox page: Dilshod the statistician and Farida the administrator see the messages with
masked numbers; Nigora the counsellor finds no such page; the demo fills it."""

import datetime

import pytest
from django.core.cache import cache

from rohnamo.core.choices import Role
from rohnamo.core.demo import DEMO_LOADERS
from rohnamo.core.tests.factories import make_user
from rohnamo.departure.alerts.choices import MessageStatus
from rohnamo.departure.alerts.subscriptions import subscribe
from rohnamo.departure.demo.alerts import load_demo_alerts
from rohnamo.departure.messaging.backends import locmem
from rohnamo.departure.messaging.sending import send_queued
from rohnamo.departure.models import OutgoingMessage, Subscription
from rohnamo.lib.phones import masked_phone

OUTBOX = "/staff/departure/messages/"


@pytest.fixture(autouse=True)
def backend(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.ROHNAMO_MESSAGE_BACKEND = "locmem"
    locmem.outbox.clear()
    cache.clear()


@pytest.fixture
def dilshod(centre):
    """A statistician of the Migration Service."""
    return make_user("dilshod", Role.STATISTICIAN, centre)


def login(client, user):
    client.cookies["django_language"] = "en"
    client.force_login(user)
    return client


def subscriber(number, **changes):
    values = {
        "birth_date": datetime.date(1985, 1, 1) + datetime.timedelta(days=number),
        "surname": "Қурбонов",
        "given_name": "Ҷӯрабек",
        "phone": f"+992 90 123 {number:02d} 67",
        "channel": "sms",
        "language": "tg",
    }
    values.update(changes)
    return subscribe(**values)[0]


def test_a_statistician_sees_the_outbox_with_masked_numbers(client, dilshod):
    subscriber(45)
    subscriber(46, channel="messenger", language="ru")
    send_queued(limit=1)
    page = login(client, dilshod).get(OUTBOX).content.decode()
    assert "+992 ••• •• 45 67" in page and "+992 ••• •• 46 67" in page
    assert "90 123 45 67" not in page and "901234567" not in page
    assert "2 active subscriptions" in page
    assert "Confirmation of the subscription" in page and "Messenger" in page
    assert page.index("Russian") < page.index("Tajik"), "newest first"


def test_the_status_filter_shows_only_that_status(client, farida):
    subscriber(45)
    subscriber(46)
    send_queued(limit=1)
    login(client, farida)
    sent = client.get(OUTBOX, {"status": MessageStatus.SENT}).content.decode()
    assert "+992 ••• •• 45 67" in sent and "+992 ••• •• 46 67" not in sent
    every = client.get(OUTBOX, {"status": "nonsense"}).content.decode()
    assert "+992 ••• •• 46 67" in every


def test_a_counsellor_finds_no_outbox(client, nigora):
    subscriber(45)
    assert login(client, nigora).get(OUTBOX).status_code == 404


def test_the_list_page_links_to_the_outbox_for_those_who_may_read_it(client, dilshod):
    page = login(client, dilshod).get("/staff/departure/lists/").content.decode()
    assert OUTBOX in page


def test_the_outbox_takes_the_same_queries_for_many_messages(
    client, farida, django_assert_max_num_queries
):
    for number in range(3):
        subscriber(number)
    login(client, farida)
    client.get(OUTBOX)
    with django_assert_max_num_queries(12) as few:
        client.get(OUTBOX)
    for number in range(3, 60):
        subscriber(number)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(OUTBOX).content.decode()
    assert "Page 1 of 2" in page


def test_masking_keeps_only_the_country_code_and_last_four_digits():
    assert masked_phone("+992901234567") == "+992 ••• •• 45 67"
    assert masked_phone("+79123456789") == "+7 ••• •• 67 89"
    assert masked_phone("") == "•••"


def test_the_demo_loader_is_registered_and_idempotent(db):
    assert load_demo_alerts in DEMO_LOADERS
    load_demo_alerts({})
    load_demo_alerts({})
    assert Subscription.objects.count() == 2
    assert OutgoingMessage.objects.filter(status=MessageStatus.QUEUED).count() == 1
    assert OutgoingMessage.objects.count() == 3
