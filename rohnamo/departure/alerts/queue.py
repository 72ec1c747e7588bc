"""Queueing alerts when a new version of a list is imported.

The entries are read in batches; each batch's keyed hashes are looked up in the indexed hash
columns of the active subscriptions, so 300,000 entries and 10,000 subscriptions cost a few
hundred indexed queries, never a comparison of every entry with every subscription.

A subscription is alerted about a list version only when that version is the newest of its list
(country, kind and name: what the public check answers from) and the subscription has not yet
been told about this version or a newer one of the same list. A re-import of the same version
or the import of an older one therefore never alerts twice.
"""

from django.db import transaction
from django.db.models import Q

from rohnamo.core.audit import record
from rohnamo.core.choices import AuditAction
from rohnamo.departure.alerts.choices import MessageReason
from rohnamo.departure.alerts.identity import EntryHasher
from rohnamo.departure.alerts.outbox import new_message, schedule_sending
from rohnamo.departure.alerts.subscriptions import list_group_name
from rohnamo.departure.alerts.texts import alert_text, hotline
from rohnamo.departure.matching import newest_versions
from rohnamo.departure.models import AlertedList, ListEntry, OutgoingMessage, Subscription

BATCH = 1000


def matching_subscriptions(ban_list, *, batch=BATCH):
    """Ids of the active subscriptions whose identity an entry of ``ban_list`` names."""
    hasher = EntryHasher()
    found = set()
    entries = (
        ListEntry.objects.filter(ban_list=ban_list)
        .order_by()
        .values_list("passport_key", "name_key", "birth_date")
    )
    hashes = []
    for passport_key, name_key, birth_date in entries.iterator(chunk_size=batch * 2):
        hashes += hasher.entry_hashes(
            passport_key=passport_key, name_key=name_key, birth_date=birth_date
        )
        if len(hashes) >= batch:
            found |= _subscriptions_with(hashes)
            hashes = []
    if hashes:
        found |= _subscriptions_with(hashes)
    return found


def _subscriptions_with(hashes):
    return set(
        Subscription.objects.filter(ended_at__isnull=True)
        .filter(Q(passport_hash__in=hashes) | Q(name_hash__in=hashes) | Q(surname_hash__in=hashes))
        .values_list("pk", flat=True)
    )


def queue_alerts_for_list(*, ban_list, actor=None):
    """Queue one alert per subscription a new version of a list names; returns how many."""
    if ban_list.pk not in {each.pk for each in newest_versions()}:
        return 0
    matched = matching_subscriptions(ban_list)
    if not matched:
        return 0
    group = {
        "country_id": ban_list.country_id,
        "kind": ban_list.kind,
        "list_name": list_group_name(ban_list.name),
    }
    with transaction.atomic():
        already = set(
            AlertedList.objects.filter(
                subscription_id__in=matched, received_on__gte=ban_list.received_on, **group
            ).values_list("subscription_id", flat=True)
        )
        to_alert = list(
            Subscription.objects.select_for_update()
            .filter(pk__in=matched - already, ended_at__isnull=True)
            .order_by("pk")
        )
        if not to_alert:
            return 0
        number = hotline()
        messages = [
            new_message(
                subscription=subscription,
                reason=MessageReason.ALERT,
                body=alert_text(subscription, ban_list, hotline_number=number),
            )
            for subscription in to_alert
        ]
        for start in range(0, len(messages), BATCH):
            OutgoingMessage.objects.bulk_create(messages[start : start + BATCH])
        ids = [subscription.pk for subscription in to_alert]
        AlertedList.objects.filter(subscription_id__in=ids, **group).delete()
        AlertedList.objects.bulk_create(
            [
                AlertedList(
                    subscription_id=pk,
                    received_on=ban_list.received_on,
                    ban_list=ban_list,
                    **group,
                )
                for pk in ids
            ],
            batch_size=BATCH,
        )
        record(
            actor=actor,
            action=AuditAction.CREATE,
            obj=ban_list,
            label=f"{len(messages)} alerts queued for list #{ban_list.pk}",
        )
        transaction.on_commit(schedule_sending)
    return len(messages)
