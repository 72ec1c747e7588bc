"""Retention of alerts: what is kept of messages and subscriptions after a year.

A message older than the period loses its recipient and text and keeps its status, reason,
channel and dates (the outbox counts stay). A subscription that ended longer ago than the
period is deleted with the lists it was told about; its messages stay, unlinked. Queued
messages are left alone: they still have to go out or fail.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from rohnamo.departure.alerts.choices import MessageStatus
from rohnamo.departure.models import OutgoingMessage, Subscription

RETENTION_DAYS = 365


def anonymise_alerts(*, days=RETENTION_DAYS):
    """Anonymise old messages, delete old ended subscriptions; returns both counts."""
    cutoff = timezone.now() - datetime.timedelta(days=days)
    with transaction.atomic():
        messages = (
            OutgoingMessage.objects.filter(created_at__lt=cutoff, anonymised_at__isnull=True)
            .exclude(status=MessageStatus.QUEUED)
            .update(recipient="", body="", anonymised_at=timezone.now())
        )
        subscriptions, _by_model = Subscription.objects.filter(
            ended_at__isnull=False, ended_at__lt=cutoff
        ).delete()
        ended = _by_model.get(Subscription._meta.label, 0)
    return messages, ended
