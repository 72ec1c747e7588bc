"""Keeping automated spam out of the public request form without any outside service.

Three checks, none needing JavaScript from the person filling in the form:

- a honeypot field that CSS moves off screen: people leave it empty, form-filling robots do not;
- a signed timestamp in a hidden field: a person needs more than a few seconds to read and fill in
  the form, a robot posting straight away does not; an old token means a page left open for hours
  (or a token harvested once and replayed);
- a limit of requests per client address per hour and per day, counted in Django's cache.

Each token can be used for one request only, so pressing "Send" twice on a slow connection opens
one case, not two, and both presses show its code and PIN.
"""

import secrets
import time

from django.conf import settings
from django.core import signing
from django.core.cache import caches
from django.utils.translation import gettext_lazy as _

from rohnamo.lib import ratelimit
from rohnamo.lib.ratelimit import DAY, HOUR, Rate

HONEYPOT_FIELD = "website"
# A person reading the form and writing what happened needs longer than this.
MIN_SECONDS = 3
# A form left open longer than this is sent again with a fresh token.
MAX_AGE = 6 * HOUR
_SALT = "rohnamo.portal.antispam.request-form"
# A repeated submission (double tap, reload) is answered with the first one's result for this long,
# waiting up to RESULT_WAIT seconds for the first one to finish.
RESULT_SECONDS = 120
RESULT_WAIT = 5
_SHOWN = "shown"

# Requests per client address; many phones share one address behind a mobile operator's NAT, so
# the limits leave room for a few families on the same network.
REQUEST_RATES = (Rate(5, HOUR), Rate(30, DAY))
_SCOPE = "public-request"


class Rejected(Exception):
    """A submission that looks automated; ``message`` tells a person what to do."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


TOO_FAST = _("The form was sent too quickly. Please check what you wrote and press “Send” again.")
TOO_OLD = _("The form was open for too long. Please check what you wrote and press “Send” again.")
HONEYPOT_FILLED = _(
    "Your request was not sent: the field “Leave this field empty” must stay empty. "
    "Please clear it and press “Send” again."
)


def new_token(*, issued_at=None):
    """A signed token saying when the form was shown, and a one-time number."""
    issued_at = int(time.time() if issued_at is None else issued_at)
    return signing.dumps({"t": issued_at, "n": secrets.token_urlsafe(12)}, salt=_SALT)


def check_token(token, *, now=None):
    """The token's one-time number, or :class:`Rejected` when it is forged, too new or too old."""
    now = time.time() if now is None else now
    try:
        data = signing.loads(token or "", salt=_SALT)
        issued_at, nonce = int(data["t"]), str(data["n"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise Rejected(TOO_OLD) from error
    if now - issued_at < MIN_SECONDS:
        raise Rejected(TOO_FAST)
    if now - issued_at > MAX_AGE:
        raise Rejected(TOO_OLD)
    return nonce


def check_honeypot(value):
    if value:
        raise Rejected(HONEYPOT_FILLED)


def _cache():
    return caches[getattr(settings, "ROHNAMO_RATELIMIT_CACHE", "default")]


def claim(nonce):
    """True the first time a token's number is used, False for a repeated submission."""
    return _cache().add(f"antispam:used:{nonce}", True, timeout=MAX_AGE)


def release(nonce):
    """Let a token be used again: its submission was refused and saved nothing."""
    _cache().delete(f"antispam:used:{nonce}")


def remember_result(nonce, result):
    """Keep what the first submission of a token produced, for a repeat that follows it.

    On a slow line a double tap makes the browser drop the first answer (and its session cookie)
    and show the second: the second must show the same code and PIN, or they are lost.
    """
    _cache().set(f"antispam:result:{nonce}", result, timeout=RESULT_SECONDS)


def forget_result(nonce):
    """Once the code and PIN have been shown, a repeat no longer shows them."""
    _cache().set(f"antispam:result:{nonce}", _SHOWN, timeout=RESULT_SECONDS)


def result_of(nonce, *, wait=RESULT_WAIT):
    """What the first submission of this token produced, waiting a little while it is saved."""
    deadline = time.monotonic() + wait
    while True:
        result = _cache().get(f"antispam:result:{nonce}")
        if result == _SHOWN:
            return None
        if result is not None or time.monotonic() >= deadline:
            return result
        time.sleep(0.2)


def _request_rates():
    configured = getattr(settings, "ROHNAMO_PUBLIC_REQUEST_RATES", None)
    return tuple(Rate(*rate) for rate in configured) if configured else REQUEST_RATES


def too_many_requests(address):
    """True when this address has sent as many requests as it may for now."""
    return ratelimit.exceeded(_SCOPE, address, _request_rates())


def count_request(address):
    ratelimit.hit(_SCOPE, address, _request_rates())
