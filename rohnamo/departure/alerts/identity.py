"""The keyed hashes a subscription keeps, and the same hashes of a list entry.

They are the hashes of the log of checks (``rohnamo.departure.privacy``): HMAC-SHA256 of
"passport:KEY|YYYY-MM-DD" or "name:SURNAME KEY|GIVEN KEY|YYYY-MM-DD" under a key derived from
``SECRET_KEY``. A list that gives only a surname has the name key "SURNAME KEY|", so a
subscription also keeps the hash of its surname-only key, as the check matches such entries.
"""

import hashlib
import hmac
from dataclasses import dataclass

from django.conf import settings

from rohnamo.departure.choices import LookupBy
from rohnamo.departure.matching import entry_name_key
from rohnamo.departure.privacy import IDENTITY_SALT, identities, keyed_hash
from rohnamo.lib.phones import phone_digits

PHONE_SALT = "rohnamo.departure.alerts.phone"


@dataclass(frozen=True)
class IdentityHashes:
    """What a subscription stores of the identity it watches."""

    passport_hash: str = ""
    name_hash: str = ""
    surname_hash: str = ""


def identity_hashes(*, birth_date, passport=None, surname=None, given_name=None):
    """The keyed hashes of the identity a person gives on the subscribe form."""
    found = dict(
        identities(birth_date=birth_date, passport=passport, surname=surname, given_name=given_name)
    )
    hashes = IdentityHashes(
        passport_hash=keyed_hash(found[LookupBy.PASSPORT]) if LookupBy.PASSPORT in found else "",
        name_hash=keyed_hash(found[LookupBy.NAME]) if LookupBy.NAME in found else "",
        surname_hash=(
            keyed_hash(f"name:{entry_name_key(surname, '')}|{birth_date.isoformat()}")
            if LookupBy.NAME in found
            else ""
        ),
    )
    return hashes


def phone_hash(phone):
    """Keyed hash of the last nine digits: how a reply from the gateway finds its subscriptions."""
    return keyed_hash(phone_digits(phone), salt=PHONE_SALT)


class EntryHasher:
    """Hashes list entries fast: the HMAC key is derived once, not once per entry.

    Gives exactly ``privacy.keyed_hash`` (Django's ``salted_hmac`` with SHA-256).
    """

    def __init__(self):
        secret = settings.SECRET_KEY
        self._key = hashlib.sha256((IDENTITY_SALT + secret).encode()).digest()

    def hash(self, text):
        return hmac.new(self._key, text.encode(), hashlib.sha256).hexdigest()

    def entry_hashes(self, *, passport_key, name_key, birth_date):
        """The hashes an entry answers to (passport and name identities)."""
        born = birth_date.isoformat()
        hashes = [self.hash(f"name:{name_key}|{born}")]
        if passport_key:
            hashes.append(self.hash(f"passport:{passport_key}|{born}"))
        return hashes
