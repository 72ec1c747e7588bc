"""A partner system's checks: its own limits, the answer from the newest lists, a log of hashes.

Each person checked counts once against the client's hourly and daily limits (a batch of 80
passengers counts 80). A batch that does not fit in what is left of a limit is refused whole, so
an airline never gets half a flight answered; refused checks are logged with ``refused=True``.

The per-identity limit of the public check does not apply: a border post may check one traveller
several times a day, and every partner is known by its token. The log still shows an identity
checked again and again, and ``client_hash`` (the keyed hash of "partner:<id>" under the client
salt of ``rohnamo.departure.privacy``) lets the abuse review group checks per partner.
"""

import datetime
import time
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rohnamo.departure.choices import Channel
from rohnamo.departure.matching import check, newest_versions
from rohnamo.departure.models import Lookup, PartnerClient
from rohnamo.departure.privacy import CLIENT_SALT, identities, keyed_hash
from rohnamo.lib.ratelimit import DAY, HOUR, Rate, exceeded, hit

SCOPE = "departure-partner"


@dataclass(frozen=True)
class Person:
    """One identity a partner asks about: the date of birth with a passport number, a full
    name, or both (already validated by the API's serializer)."""

    birth_date: datetime.date
    passport: str = ""
    surname: str = ""
    given_name: str = ""
    patronymic: str = ""


class PartnerLimitReached(Exception):  # noqa: N818 - reads as the answer the partner gets
    """The client has no room left for these checks; ``retry_after`` is in seconds."""

    def __init__(self, message, retry_after):
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after


def partner_client_hash(client_id):
    """The ``Lookup.client_hash`` of a partner system's checks."""
    return keyed_hash(f"partner:{client_id}", salt=CLIENT_SALT)


def client_rates(client):
    return [Rate(client.per_hour, HOUR), Rate(client.per_day, DAY)]


def _wait_for_room(client, count, now):
    """Seconds until ``count`` more checks fit in every limit (0 when they fit now).

    The counters do not depend on the limit, so "count more fit under L" is "the counter has
    not reached L - count + 1".
    """
    waits = []
    for rate in client_rates(client):
        room = Rate(rate.limit - count + 1, rate.seconds)
        if exceeded(SCOPE, client.pk, [room], now=now):
            waits.append(rate.seconds - int(now % rate.seconds))
    return max(waits, default=0)


def _asked(person):
    found = identities(
        birth_date=person.birth_date,
        passport=person.passport,
        surname=person.surname,
        given_name=person.given_name,
    )
    if not found:
        raise ValueError("a check needs a passport number or a full name")
    by, text = found[0]
    return by, keyed_hash(text)


def check_people(*, client, people):
    """The ``CheckResult`` of each of ``people`` for partner ``client``, in order.

    Logs one ``Lookup`` per person (hashes only) and stamps the client's ``last_used_at``.
    Raises ``ValidationError`` when the batch is larger than the client's hourly limit (it could
    never pass) and ``PartnerLimitReached``, after logging the refusal, when it does not fit in
    what is left now.
    """
    people = list(people)
    if len(people) > client.per_hour:
        raise ValidationError(
            _("Your limit is %(limit)d checks an hour: send at most %(limit)d persons at once.")
            % {"limit": client.per_hour}
        )
    asked = [_asked(person) for person in people]
    client_hash = partner_client_hash(client.pk)
    now = time.time()

    def log(found, refused):
        return [
            Lookup(
                channel=Channel.API,
                by=by,
                identity_hash=identity,
                client_hash=client_hash,
                found=each_found,
                refused=refused,
            )
            for (by, identity), each_found in zip(asked, found, strict=True)
        ]

    wait = _wait_for_room(client, len(people), now)
    if wait:
        with transaction.atomic():
            Lookup.objects.bulk_create(log([False] * len(people), refused=True))
            PartnerClient.objects.filter(pk=client.pk).update(last_used_at=timezone.now())
        raise PartnerLimitReached(
            _(
                "This partner system has used up its checks (%(per_hour)d an hour, %(per_day)d "
                "a day). Try again in %(minutes)d minutes."
            )
            % {
                "per_hour": client.per_hour,
                "per_day": client.per_day,
                "minutes": (wait + 59) // 60,
            },
            wait,
        )
    hit(SCOPE, client.pk, client_rates(client), now=now, count=len(people))
    with transaction.atomic():
        lists = newest_versions()
        results = [
            check(
                lists=lists,
                birth_date=person.birth_date,
                passport=person.passport,
                surname=person.surname,
                given_name=person.given_name,
                patronymic=person.patronymic,
            )
            for person in people
        ]
        Lookup.objects.bulk_create(log([result.found for result in results], refused=False))
        PartnerClient.objects.filter(pk=client.pk).update(last_used_at=timezone.now())
    return results
