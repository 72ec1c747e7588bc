"""Demo alert subscriptions and messages, so the outbox page shows something after ``make demo``.

Two invented people subscribe (one in Tajik by SMS, one in Russian by messenger); the first
confirmation counts as sent and delivered, the second waits in the queue, and one alert about a
list that does not exist is recorded as sent. Independent of the demo lists; phone numbers are
placeholders.
"""

import datetime

from django.utils import timezone

from rohnamo.departure.alerts.choices import MessageChannel, MessageReason, MessageStatus
from rohnamo.departure.alerts.identity import phone_hash
from rohnamo.departure.alerts.subscriptions import subscribe
from rohnamo.departure.models import OutgoingMessage, Subscription

PEOPLE = [
    {
        "birth_date": datetime.date(1993, 5, 14),
        "surname": "Раҳимов",
        "given_name": "Ҷаҳонгир",
        "phone": "+992 90 000 11 45",
        "channel": MessageChannel.SMS,
        "language": "tg",
    },
    {
        "birth_date": datetime.date(1988, 9, 3),
        "passport": "409876543",
        "phone": "+992 93 000 22 67",
        "channel": MessageChannel.MESSENGER,
        "language": "ru",
    },
]


def load_demo_alerts(users):
    """Subscribe the demo people once; a second run leaves everything as it is."""
    if Subscription.objects.filter(phone_hash=phone_hash(PEOPLE[0]["phone"])).exists():
        return
    subscriptions = [subscribe(**person)[0] for person in PEOPLE]
    now = timezone.now()
    OutgoingMessage.objects.filter(subscription=subscriptions[0]).update(
        status=MessageStatus.DELIVERED, attempts=1, sent_at=now, delivered_at=now
    )
    OutgoingMessage.objects.create(
        subscription=subscriptions[0],
        channel=subscriptions[0].channel,
        language=subscriptions[0].language,
        recipient=subscriptions[0].phone,
        body="Rohnamo (demo): a newer entry-ban list names you.",
        reason=MessageReason.ALERT,
        status=MessageStatus.SENT,
        attempts=1,
        sent_at=now,
        gateway_id="demo-1",
    )
