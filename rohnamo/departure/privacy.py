"""The private side of the public check: rate limits, and a log that cannot be read back.

Every check is logged for abuse review (someone querying one identity again and again, or one
address trying many identities), but the identity asked about is stored only as a keyed hash:
HMAC-SHA256 of the normalised identity ("passport:KEY|YYYY-MM-DD" or
"name:SURNAME|GIVEN|YYYY-MM-DD", the same keys the matching uses) under a key derived from
``settings.SECRET_KEY`` by Django's ``salted_hmac`` (key = SHA-256(salt + SECRET_KEY), salt
``rohnamo.departure.privacy.identity``). Without the secret key nobody can test a passport
number against the log; with it, the same identity always gives the same hash, so repeats show.
Rotating ``SECRET_KEY`` starts new hashes (the old rows stay, unlinkable to the new ones). The
client address is hashed the same way under another salt.

Limits: per address 10 checks an hour and 30 a day; per identity 5 a day (so one cannot probe
a person's birth date by trying dates: each try is another identity, but the address limit
catches it). A refused check is logged with ``refused=True`` and not answered.
"""

from django.db import transaction
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from rohnamo.crossings.linkage.normalise import passport_key
from rohnamo.departure.choices import Channel, LookupBy
from rohnamo.departure.matching import check, entry_name_key
from rohnamo.departure.models import Lookup
from rohnamo.lib.ratelimit import DAY, HOUR, Rate, exceeded, hit

IDENTITY_SALT = "rohnamo.departure.privacy.identity"
CLIENT_SALT = "rohnamo.departure.privacy.client"
PER_ADDRESS = [Rate(10, HOUR), Rate(30, DAY)]
PER_IDENTITY = [Rate(5, DAY)]


class TooManyChecks(Exception):  # noqa: N818 - reads as the answer the person gets
    """The check was refused by a rate limit; ``message`` says so in the user's language."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def keyed_hash(value, *, salt=IDENTITY_SALT):
    """HMAC-SHA256 of ``value`` under a key derived from SECRET_KEY (64 hex digits)."""
    return salted_hmac(salt, value, algorithm="sha256").hexdigest()


def identities(*, birth_date, passport=None, surname=None, given_name=None):
    """The normalised identities a check asks about, as (LookupBy, text) pairs."""
    found = []
    key = passport_key(passport or "")
    if key:
        found.append((LookupBy.PASSPORT, f"passport:{key}|{birth_date.isoformat()}"))
    if surname and given_name:
        name = entry_name_key(surname, given_name)
        found.append((LookupBy.NAME, f"name:{name}|{birth_date.isoformat()}"))
    return found


def private_check(
    *,
    birth_date,
    address,
    passport=None,
    surname=None,
    given_name=None,
    patronymic=None,
    channel=Channel.WEB,
):
    """Check the lists for one identity on behalf of the client at ``address``.

    Logs the check (hashes only) and returns the ``CheckResult``; raises ``TooManyChecks``
    (after logging the refusal) when the address or the identity has used up its limit.
    """
    asked = identities(
        birth_date=birth_date, passport=passport, surname=surname, given_name=given_name
    )
    if not asked:
        raise ValueError("a check needs a passport number or a full name")
    hashes = [keyed_hash(text) for _by, text in asked]
    client = keyed_hash(address or "unknown", salt=CLIENT_SALT)
    log = {"channel": channel, "by": asked[0][0], "identity_hash": hashes[0], "client_hash": client}
    too_many_from_address = exceeded("departure-check-address", client, PER_ADDRESS)
    too_many_for_identity = any(
        exceeded("departure-check-identity", each, PER_IDENTITY) for each in hashes
    )
    if too_many_from_address or too_many_for_identity:
        Lookup.objects.create(**log, found=False, refused=True)
        if too_many_for_identity:
            raise TooManyChecks(
                _(
                    "This person has been checked too many times today. For his safety the "
                    "check is closed until tomorrow; you can also ask the Migration Service "
                    "or our hotline."
                )
            )
        raise TooManyChecks(
            _(
                "Too many checks were made from your connection. Please try again later, "
                "or ask the Migration Service or our hotline."
            )
        )
    hit("departure-check-address", client, PER_ADDRESS)
    for each in hashes:
        hit("departure-check-identity", each, PER_IDENTITY)
    with transaction.atomic():
        result = check(
            birth_date=birth_date,
            passport=passport,
            surname=surname,
            given_name=given_name,
            patronymic=patronymic,
        )
        Lookup.objects.create(**log, found=result.found, refused=False)
    return result
