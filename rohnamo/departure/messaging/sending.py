"""Sending queued messages and recording what the gateway says about them.

Each message is claimed under a row lock (``SKIP LOCKED`` on PostgreSQL), so two workers never
send the same one. A failed send stays queued with its error and is retried by the next run;
after ``MAX_ATTEMPTS`` it is marked failed.
"""

from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone

from rohnamo.departure.alerts.choices import MessageStatus
from rohnamo.departure.messaging.backends import Outgoing, SendFailed, get_backend
from rohnamo.departure.models import OutgoingMessage

MAX_ATTEMPTS = 5
DELIVERY_STATUSES = {
    "delivered": MessageStatus.DELIVERED,
    "failed": MessageStatus.FAILED,
    "undelivered": MessageStatus.FAILED,
    "rejected": MessageStatus.FAILED,
    "sent": MessageStatus.SENT,
}


@dataclass
class SendReport:
    """What one run of ``send_queued`` did."""

    sent: int = 0
    retry: int = 0
    failed: int = 0

    def __str__(self):
        return f"Sent {self.sent}, will retry {self.retry}, failed {self.failed}."


def send_queued(*, limit=None, backend=None):
    """Send queued messages, oldest first (at most ``limit``); returns a ``SendReport``."""
    backend = backend or get_backend()
    report = SendReport()
    queued = OutgoingMessage.objects.filter(status=MessageStatus.QUEUED).order_by(
        "created_at", "id"
    )
    ids = list(
        queued.values_list("pk", flat=True)[:limit]
        if limit
        else queued.values_list("pk", flat=True)
    )
    for pk in ids:
        _send_one(pk, backend, report)
    return report


def _claim(pk):
    rows = OutgoingMessage.objects.filter(pk=pk, status=MessageStatus.QUEUED)
    if connection.features.has_select_for_update_skip_locked:
        rows = rows.select_for_update(skip_locked=True)
    return rows.first()


def _send_one(pk, backend, report):
    with transaction.atomic():
        message = _claim(pk)
        if message is None:
            return
        message.attempts += 1
        try:
            gateway_id = backend.send(
                Outgoing(
                    id=message.pk,
                    channel=message.channel,
                    language=message.language,
                    recipient=message.recipient,
                    body=message.body,
                )
            )
        except SendFailed as error:
            message.last_error = str(error)[:500]
            if message.attempts >= MAX_ATTEMPTS:
                message.status = MessageStatus.FAILED
                report.failed += 1
            else:
                report.retry += 1
        else:
            message.status, message.sent_at = MessageStatus.SENT, timezone.now()
            message.gateway_id, message.last_error = (gateway_id or "")[:100], ""
            report.sent += 1
        message.save(update_fields=["attempts", "status", "sent_at", "gateway_id", "last_error"])


def record_delivery_status(*, gateway_id, status):
    """The gateway's report on a sent message; returns the message, or None if unknown.

    ``status`` is delivered, failed (or undelivered, rejected) or sent; anything else raises
    ``ValueError``. A delivered message stays delivered whatever comes later.
    """
    new_status = DELIVERY_STATUSES.get((status or "").strip().casefold())
    if new_status is None:
        raise ValueError(f"unknown delivery status {status!r}")
    if not gateway_id:
        return None
    with transaction.atomic():
        message = (
            OutgoingMessage.objects.select_for_update()
            .filter(gateway_id=str(gateway_id))
            .order_by("-id")
            .first()
        )
        if message is None or message.status == MessageStatus.DELIVERED:
            return message
        message.status = new_status
        fields = ["status"]
        if new_status == MessageStatus.DELIVERED:
            message.delivered_at = timezone.now()
            fields.append("delivered_at")
        elif new_status == MessageStatus.FAILED:
            message.last_error = f"gateway reported {status}"[:500]
            fields.append("last_error")
        message.save(update_fields=fields)
    return message
