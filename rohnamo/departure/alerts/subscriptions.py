"""Subscribing to alerts and ending them (link, reply, staff).

The person gives the identity again (the answer page keeps nothing), a phone number, a channel
and consent. The identity is kept only as keyed hashes; the phone is encrypted. The lists that
name the person today were on the answer page already, so they are remembered as told: only a
newer version of a list alerts.
"""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rohnamo.core.audit import record
from rohnamo.core.choices import AuditAction
from rohnamo.departure.alerts.choices import EndReason, MessageReason
from rohnamo.departure.alerts.identity import identity_hashes, phone_hash
from rohnamo.departure.alerts.outbox import queue_message, schedule_sending
from rohnamo.departure.alerts.texts import confirmation_text, unsubscribed_text
from rohnamo.departure.matching import check
from rohnamo.departure.models import AlertedList, Subscription
from rohnamo.departure.privacy import CLIENT_SALT, TooManyChecks, keyed_hash
from rohnamo.lib.phones import international_phone
from rohnamo.lib.ratelimit import DAY, HOUR, Rate, exceeded, hit

# Changing the consent text on the form means a new version here.
CONSENT_VERSION = "2026-11"
PER_ADDRESS = [Rate(5, HOUR), Rate(10, DAY)]
STOP_WORDS = {"stop", "стоп", "лағв", "лагв", "отписка", "отписаться", "unsubscribe"}


def check_subscribe_rate(address):
    """Count one subscribe attempt from ``address``; raise ``TooManyChecks`` past the limit."""
    client = keyed_hash(address or "unknown", salt=CLIENT_SALT)
    if exceeded("departure-alerts-address", client, PER_ADDRESS):
        raise TooManyChecks(
            _(
                "Too many requests were made from your connection. Please try again later, "
                "or ask our hotline."
            )
        )
    hit("departure-alerts-address", client, PER_ADDRESS)


def subscribe(
    *,
    birth_date,
    phone,
    channel,
    language,
    passport=None,
    surname=None,
    given_name=None,
    actor=None,
):
    """Subscribe this identity and phone; returns ``(subscription, created)``.

    The same identity and phone again returns the active subscription unchanged (and queues
    nothing). A new one queues a confirmation message.
    """
    recipient = international_phone(phone)
    hashes = identity_hashes(
        birth_date=birth_date, passport=passport, surname=surname, given_name=given_name
    )
    if not (hashes.passport_hash or hashes.name_hash):
        raise ValidationError(_("Write your passport number, or your surname and given name."))
    with transaction.atomic():
        same = Subscription.objects.select_for_update().filter(
            ended_at__isnull=True,
            phone_hash=phone_hash(recipient),
            passport_hash=hashes.passport_hash,
            name_hash=hashes.name_hash,
        )
        existing = same.first()
        if existing is not None:
            return existing, False
        subscription = Subscription.objects.create(
            passport_hash=hashes.passport_hash,
            name_hash=hashes.name_hash,
            surname_hash=hashes.surname_hash,
            phone=recipient,
            phone_hash=phone_hash(recipient),
            channel=channel,
            language=language,
            consent_version=CONSENT_VERSION,
            consented_at=timezone.now(),
        )
        _remember_lists_shown(
            subscription,
            birth_date=birth_date,
            passport=passport,
            surname=surname,
            given_name=given_name,
        )
        queue_message(
            subscription=subscription,
            reason=MessageReason.CONFIRMATION,
            body=confirmation_text(subscription),
        )
        record(
            actor=actor,
            action=AuditAction.CREATE,
            obj=subscription,
            label=f"alert subscription #{subscription.pk}",
        )
        transaction.on_commit(schedule_sending)
    return subscription, True


def _remember_lists_shown(subscription, **identity):
    """The lists naming the person now were on the answer page: they are not news."""
    for finding in check(**identity).findings:
        ban_list = finding.ban_list
        AlertedList.objects.create(
            subscription=subscription,
            country=ban_list.country,
            kind=ban_list.kind,
            list_name=list_group_name(ban_list.name),
            received_on=ban_list.received_on,
            ban_list=ban_list,
        )


def list_group_name(name):
    """A list's name as ``matching.newest_versions`` groups versions."""
    return " ".join(name.split()).casefold()


def end_subscription(*, subscription, reason, actor=None, confirm=True):
    """End one subscription (the link or staff); queue a short confirmation if ``confirm``.

    Ending an ended subscription changes nothing and returns False.
    """
    with transaction.atomic():
        locked = Subscription.objects.select_for_update().get(pk=subscription.pk)
        if locked.ended_at is not None:
            return False
        _end(locked, reason=reason, actor=actor)
        if confirm:
            queue_message(
                subscription=locked,
                reason=MessageReason.UNSUBSCRIBED,
                body=unsubscribed_text(locked.language),
            )
            transaction.on_commit(schedule_sending)
    subscription.refresh_from_db()
    return True


def _end(subscription, *, reason, actor):
    subscription.ended_at, subscription.end_reason = timezone.now(), reason
    subscription.save(update_fields=["ended_at", "end_reason"])
    record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=subscription,
        fields=["ended_at", "end_reason"],
        label=f"alert subscription #{subscription.pk}",
    )


def is_stop_word(text):
    """True for STOP, СТОП, ЛАҒВ, ОТПИСКА… in any case, with spaces or a full stop around."""
    return re.sub(r"[\W_]+", "", text or "").casefold() in STOP_WORDS


def unsubscribe_by_reply(*, phone, text, actor=None):
    """A reply from ``phone``: a stop word ends every active subscription of that number.

    Returns how many ended; one confirmation goes to the number, in the language of its newest
    subscription. Any other text changes nothing.
    """
    if not is_stop_word(text) or not phone:
        return 0
    with transaction.atomic():
        active = list(
            Subscription.objects.select_for_update()
            .filter(phone_hash=phone_hash(phone), ended_at__isnull=True)
            .order_by("-created_at", "-id")
        )
        for subscription in active:
            _end(subscription, reason=EndReason.REPLY, actor=actor)
        if active:
            newest = active[0]
            queue_message(
                subscription=newest,
                reason=MessageReason.UNSUBSCRIBED,
                body=unsubscribed_text(newest.language),
            )
            transaction.on_commit(schedule_sending)
    return len(active)


def subscription_for_token(token):
    """The subscription of an unsubscribe link, or None (also for a malformed token)."""
    if not token or len(token) > 64:
        return None
    return Subscription.objects.filter(token=token).first()
