"""Tracking codes and PINs: how someone without an account follows their request.

The code names the case (printed, read over the phone), the PIN proves it is theirs. Codes use
letters and digits that cannot be confused when read aloud or handwritten (no 0/O, 1/I/L).
"""

import datetime
import secrets

from django.contrib.auth.hashers import check_password, make_password
from django.utils import timezone

from rohnamo.lib.codes import grouped, plain_code, random_code

PIN_DIGITS = 6
# After this many wrong PINs in a row the case's tracking is locked for a while.
PIN_ATTEMPTS = 5
PIN_LOCK = datetime.timedelta(minutes=30)


def new_tracking_code():
    """e.g. ``K7Q4-MX2P``: 8 symbols, about 10^12 possibilities."""
    return grouped(random_code(8))


def normalise_code(text):
    text = plain_code(text)
    return grouped(text) if len(text) == 8 else text


def new_pin():
    return "".join(secrets.choice("0123456789") for _ in range(PIN_DIGITS))


def hash_pin(pin):
    return make_password(pin)


def pin_is_locked(case, now=None):
    return case.pin_locked_until is not None and case.pin_locked_until > (now or timezone.now())


def pin_matches(case, pin):
    return bool(case.pin) and check_password(pin, case.pin)
