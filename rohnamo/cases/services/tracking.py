"""Checking a tracking code and PIN for the public "Check my request" page.

The answer never tells whether a code exists: an unknown code, a wrong PIN and a locked case all
raise the same :class:`WrongCodeOrPin`. Guessing is slowed twice: per case (after
``tracking.PIN_ATTEMPTS`` wrong PINs in a row the case cannot be checked for
``tracking.PIN_LOCK``) and per client address (wrong attempts per hour and per day, counted in the
cache), so one address cannot try a PIN on many codes either.
"""

from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from rohnamo.cases import tracking
from rohnamo.cases.choices import CaseStatus, EntryKind
from rohnamo.cases.models import Case, CaseEntry
from rohnamo.lib import ratelimit
from rohnamo.lib.ratelimit import DAY, HOUR, Rate

# Wrong attempts one client address may make before it must wait.
ADDRESS_RATES = (Rate(20, HOUR), Rate(60, DAY))
_SCOPE = "tracking-failures"


class TrackingRefused(Exception):
    """The request cannot be shown; ``message`` says why without revealing whether it exists."""

    @property
    def message(self):
        return gettext("The request cannot be shown.")


class WrongCodeOrPin(TrackingRefused):
    @property
    def message(self):
        return gettext(
            "We found no request with this code and PIN. Check both and try again. After "
            "%(attempts)d wrong PINs, checking a request is paused for %(minutes)d minutes."
        ) % {
            "attempts": tracking.PIN_ATTEMPTS,
            "minutes": int(tracking.PIN_LOCK.total_seconds() // 60),
        }


class TooManyAttempts(TrackingRefused):
    @property
    def message(self):
        return gettext(
            "There were too many wrong attempts from your connection. Please try again later, "
            "or call the hotline."
        )


def check_request(*, code, pin, address):
    """The case with this tracking code when ``pin`` is its PIN; raises :class:`TrackingRefused`.

    A wrong PIN counts against the case (locking it after ``tracking.PIN_ATTEMPTS``) and against
    ``address``; the right PIN resets the case's count. The counters are updated under a row lock
    so that parallel guesses cannot slip past the limit.
    """
    if ratelimit.exceeded(_SCOPE, address, ADDRESS_RATES):
        raise TooManyAttempts
    with transaction.atomic():
        case = (
            Case.objects.select_for_update()
            .filter(tracking_code=tracking.normalise_code(code))
            .first()
        )
        matched = _try_pin(case, str(pin or "").strip(), timezone.now())
    if not matched:
        # Not reset on success: one's own request must not buy more guesses at others'.
        ratelimit.hit(_SCOPE, address, ADDRESS_RATES)
        raise WrongCodeOrPin
    return case


def _try_pin(case, pin, now):
    if case is None or tracking.pin_is_locked(case, now):
        # Hash anyway, so that the time taken does not tell an unknown code from a known one.
        make_password(pin)
        return False
    if tracking.pin_matches(case, pin):
        if case.pin_failures or case.pin_locked_until:
            case.pin_failures, case.pin_locked_until = 0, None
            case.save(update_fields=["pin_failures", "pin_locked_until"])
        return True
    case.pin_failures += 1
    if case.pin_failures >= tracking.PIN_ATTEMPTS:
        # Locked for a while; afterwards the next few tries start from zero again.
        case.pin_failures, case.pin_locked_until = 0, now + tracking.PIN_LOCK
    case.save(update_fields=["pin_failures", "pin_locked_until"])
    return False


@dataclass(frozen=True)
class PublicStatus:
    """All the public page may show about a case: nothing personal, not the narrative."""

    status: str
    changed_at: object
    message: str


def public_status(case):
    """The status label, when it last changed and the message the office left for the public."""
    last_change = (
        CaseEntry.objects.filter(case=case, kind=EntryKind.STATUS)
        .order_by("-created_at", "-id")
        .values_list("created_at", flat=True)
        .first()
    )
    return PublicStatus(
        status=CaseStatus(case.status).label,
        changed_at=last_change or case.created_at,
        message=case.public_message,
    )
