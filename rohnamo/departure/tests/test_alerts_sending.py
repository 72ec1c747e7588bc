"""Sending the outbox (locmem, file, a real local HTTP gateway), the gateway's callbacks
(a STOP reply, delivery reports, a wrong secret), the commands and the retention."""

import datetime
import io
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from rohnamo.core.jobs import run_job
from rohnamo.core.models import Job
from rohnamo.departure.alerts.choices import EndReason, MessageReason, MessageStatus
from rohnamo.departure.alerts.subscriptions import end_subscription, subscribe
from rohnamo.departure.messaging.backends import locmem
from rohnamo.departure.messaging.sending import MAX_ATTEMPTS, send_queued
from rohnamo.departure.models import OutgoingMessage, Subscription

SECRET = "gateway-shared-secret-42"
INBOUND = "/api/v1/departure/inbound-sms/"
DELIVERY = "/api/v1/departure/delivery-status/"


@pytest.fixture(autouse=True)
def backend(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.VAR_DIR = tmp_path / "var"
    settings.ROHNAMO_MESSAGE_BACKEND = "locmem"
    settings.ROHNAMO_SMS_INBOUND_SECRET = SECRET
    locmem.outbox.clear()
    locmem.failures.clear()
    cache.clear()
    yield
    locmem.outbox.clear()
    locmem.failures.clear()


def subscriber(phone="+992 90 123 45 67", language="tg", **changes):
    values = {
        "birth_date": datetime.date(1990, 4, 2),
        "surname": "Ғафуров",
        "given_name": "Ӯмед",
        "phone": phone,
        "channel": "sms",
        "language": language,
    }
    values.update(changes)
    return subscribe(**values)[0]


class Gateway(BaseHTTPRequestHandler):
    """A tiny SMS gateway: remembers what it got; answers as ``answer`` says."""

    received = []
    answer = (200, {"message_id": "gw-77"})

    def do_POST(self):  # noqa: N802 - the name http.server calls
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Gateway.received.append((dict(self.headers), json.loads(body)))
        status, payload = Gateway.answer
        content = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    def log_message(self, *args):
        pass


@pytest.fixture
def gateway(settings):
    Gateway.received, Gateway.answer = [], (200, {"message_id": "gw-77"})
    server = HTTPServer(("127.0.0.1", 0), Gateway)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.ROHNAMO_MESSAGE_BACKEND = "http"
    settings.ROHNAMO_SMS_GATEWAY_URL = f"http://127.0.0.1:{server.server_port}/send"
    settings.ROHNAMO_SMS_GATEWAY_TOKEN = "token-123"
    yield Gateway
    server.shutdown()
    server.server_close()


def test_queued_messages_go_out_through_the_configured_backend(db):
    subscriber()
    report = send_queued()
    assert (report.sent, report.retry, report.failed) == (1, 0, 0)
    assert locmem.outbox[0].recipient == "+992901234567"
    message = OutgoingMessage.objects.get()
    assert message.status == MessageStatus.SENT and message.sent_at and message.attempts == 1
    assert send_queued().sent == 0, "a sent message is not sent again"


def test_the_http_backend_posts_to_the_gateway_and_keeps_its_id(db, gateway):
    subscriber()
    assert send_queued().sent == 1
    headers, payload = gateway.received[0]
    assert headers["Authorization"] == "Bearer token-123"
    assert payload["to"] == "+992901234567" and payload["language"] == "tg"
    assert payload["reference"] == f"rohnamo-{OutgoingMessage.objects.get().pk}"
    message = OutgoingMessage.objects.get()
    assert message.gateway_id == "gw-77" and message.status == MessageStatus.SENT


def test_a_gateway_error_leaves_the_message_queued_to_retry(db, gateway):
    subscriber()
    gateway.answer = (503, {"error": "busy"})
    report = send_queued()
    assert (report.sent, report.retry) == (0, 1)
    message = OutgoingMessage.objects.get()
    assert message.status == MessageStatus.QUEUED and message.attempts == 1
    assert "503" in message.last_error and "busy" in message.last_error
    gateway.answer = (200, {"id": 9})
    assert send_queued().sent == 1
    message.refresh_from_db()
    assert message.gateway_id == "9" and message.last_error == "" and message.attempts == 2


def test_an_unreachable_gateway_is_a_retryable_failure(db, settings):
    settings.ROHNAMO_MESSAGE_BACKEND = "http"
    settings.ROHNAMO_SMS_GATEWAY_URL = "http://127.0.0.1:9/send"
    subscriber()
    assert send_queued().retry == 1
    assert "unreachable" in OutgoingMessage.objects.get().last_error


def test_after_five_failed_attempts_a_message_is_marked_failed(db):
    subscriber()
    locmem.failures.extend(["no route"] * MAX_ATTEMPTS)
    for _attempt in range(MAX_ATTEMPTS - 1):
        assert send_queued().retry == 1
    assert send_queued().failed == 1
    message = OutgoingMessage.objects.get()
    assert message.status == MessageStatus.FAILED and message.attempts == MAX_ATTEMPTS
    assert send_queued().sent == 0


def test_the_file_backend_appends_json_lines_under_var(db, settings, tmp_path):
    settings.ROHNAMO_MESSAGE_BACKEND = "file"
    subscriber()
    subscriber(phone="+992 93 555 66 77", language="ru")
    send_queued()
    lines = (tmp_path / "var" / "messages" / "outbox.jsonl").read_text("utf-8").splitlines()
    assert [json.loads(line)["language"] for line in lines] == ["tg", "ru"]


def test_the_command_and_the_job_send_and_say_so_in_english(db):
    subscriber()
    output = io.StringIO()
    call_command("send_departure_messages", stdout=output)
    assert output.getvalue().strip() == "Sent 1, will retry 0, failed 0."
    subscriber(phone="+992 93 555 66 77")
    job = run_job(Job.objects.create(kind="departure_send_messages").pk)
    assert job.status == "succeeded" and "Sent 1" in job.log


def gateway_post(client, url, data, secret=SECRET):
    return client.post(url, data, content_type="application/json", HTTP_X_GATEWAY_SECRET=secret)


@pytest.mark.parametrize("text", ["STOP", " stop ", "Стоп", "ЛАҒВ", "лағв.", "ОТПИСКА"])
def test_a_stop_reply_ends_every_subscription_of_that_phone(client, db, text):
    first = subscriber()
    second = subscriber(passport="401234567", surname="", given_name="")
    other = subscriber(phone="+992 93 555 66 77")
    response = gateway_post(client, INBOUND, {"from": "992901234567", "text": text})
    assert response.status_code == 200 and response.json() == {"ended": 2}
    for subscription in (first, second):
        subscription.refresh_from_db()
        assert subscription.end_reason == EndReason.REPLY
    other.refresh_from_db()
    assert other.is_active
    goodbye = OutgoingMessage.objects.get(reason=MessageReason.UNSUBSCRIBED)
    assert goodbye.recipient == "+992901234567" and goodbye.language == "tg"


def test_any_other_reply_changes_nothing(client, db):
    subscriber()
    response = gateway_post(client, INBOUND, {"from": "+992901234567", "text": "Салом, раҳмат"})
    assert response.json() == {"ended": 0}
    assert Subscription.objects.get().is_active


@pytest.mark.parametrize("secret", ["wrong", ""])
def test_a_wrong_secret_is_refused_and_changes_nothing(client, db, secret):
    subscriber()
    send_queued()
    message = OutgoingMessage.objects.get()
    response = gateway_post(client, INBOUND, {"from": "+992901234567", "text": "STOP"}, secret)
    assert response.status_code == 403
    response = gateway_post(
        client, DELIVERY, {"id": message.gateway_id, "status": "delivered"}, secret
    )
    assert response.status_code == 403
    assert Subscription.objects.get().is_active
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT and OutgoingMessage.objects.count() == 1


def test_without_a_configured_secret_the_callbacks_are_closed(client, db, settings):
    settings.ROHNAMO_SMS_INBOUND_SECRET = ""
    subscriber()
    response = gateway_post(client, INBOUND, {"from": "+992901234567", "text": "STOP"}, "")
    assert response.status_code == 403 and Subscription.objects.get().is_active


def test_a_delivery_report_marks_the_message_delivered(client, db, gateway):
    subscriber()
    send_queued()
    response = gateway_post(client, DELIVERY, {"id": "gw-77", "status": "delivered"})
    assert response.status_code == 200
    message = OutgoingMessage.objects.get()
    assert message.status == MessageStatus.DELIVERED and message.delivered_at
    unknown = gateway_post(client, DELIVERY, {"id": "nobody", "status": "delivered"})
    assert unknown.status_code == 404
    bad = gateway_post(client, DELIVERY, {"id": "gw-77", "status": "maybe"})
    assert bad.status_code == 400


def test_retention_removes_old_numbers_and_texts_and_ended_subscriptions(db):
    kept = subscriber()
    ended = subscriber(phone="+992 93 555 66 77")
    end_subscription(subscription=ended, reason=EndReason.STAFF, confirm=False)
    send_queued()
    old = timezone.now() - datetime.timedelta(days=400)
    OutgoingMessage.objects.update(created_at=old)
    Subscription.objects.filter(pk=ended.pk).update(ended_at=old)
    fresh = subscriber(phone="+992 91 000 00 01")  # queued and new: left alone
    output = io.StringIO()
    call_command("anonymise_departure_alerts", "--days", "365", stdout=output)
    assert "2 messages anonymised and 1 ended subscriptions deleted" in output.getvalue()
    assert set(Subscription.objects.values_list("pk", flat=True)) == {kept.pk, fresh.pk}
    old_messages = OutgoingMessage.objects.filter(created_at=old)
    assert all(m.recipient == "" and m.body == "" for m in old_messages)
    assert OutgoingMessage.objects.filter(subscription=fresh).get().recipient
