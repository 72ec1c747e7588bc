"""Counselling records for tests, made through the services so they pass the same rules."""

import datetime

from django.utils import timezone

from rohnamo.core.models import Country
from rohnamo.counselling.choices import Channel
from rohnamo.counselling.services.consultations import record_consultation
from rohnamo.knowledge.models import Topic


def moment(year, month, day, hour=10):
    """An aware datetime in the centre's time zone."""
    return timezone.make_aware(datetime.datetime(year, month, day, hour))


def make_consultation(actor, office, *, at=None, topics=(), destination=None, **fields):
    """A consultation by ``actor``; ``topics`` are topic codes, ``destination`` an ISO code."""
    fields.setdefault("channel", Channel.IN_PERSON)
    return record_consultation(
        actor=actor,
        office=office,
        started_at=at or timezone.now() - datetime.timedelta(hours=1),
        topics=list(Topic.objects.filter(code__in=topics)),
        destination=Country.objects.get(code=destination) if destination else None,
        **fields,
    )
