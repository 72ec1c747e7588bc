"""Certificate codes, the masked holder name and the public verification.

A code is 12 symbols from an alphabet without look-alikes (no 0/O, 1/I/L): about 2^59
possibilities, drawn with ``secrets``, so codes cannot be guessed, and lookups are rate-limited
per address so they cannot be enumerated either.
"""

from dataclasses import dataclass

import segno
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from rohnamo.departure.models import Certificate
from rohnamo.lib.codes import grouped, plain_code, random_code
from rohnamo.lib.ratelimit import HOUR, Rate, exceeded, hit

LENGTH = 12
LOOKUP_RATES = (Rate(60, HOUR),)
_SCOPE = "certificate-lookup"


def new_code():
    return random_code(LENGTH)


def mask_word(word):
    if len(word) <= 1:
        return word
    if len(word) == 2:
        return f"{word[0]}***"
    return f"{word[0]}***{word[-1]}"


def mask_name(name):
    """ "Фаррух Ҳамидов" → "Ф***х Ҳ***в": enough to compare with a passport in hand, too little
    to learn a stranger's name. The number of stars never tells the length."""
    return " ".join(mask_word(word) for word in (name or "").split())


def verification_path(code, language="tg"):
    with translation.override(language):
        return reverse("portal:certificate", kwargs={"code": grouped(code)})


def verification_url(code):
    """The address the QR code carries: the Tajik verification page on the public site."""
    return settings.ROHNAMO_PUBLIC_URL.rstrip("/") + verification_path(code)


def qr_svg(code):
    """The QR code as inline SVG markup for the printed certificate."""
    qr = segno.make(verification_url(code), error="m")
    return qr.svg_inline(scale=3, border=2)


class TooManyLookups(Exception):  # noqa: N818 - reads as the answer the person gets
    """The address used up its verification lookups for this hour."""


@dataclass(frozen=True)
class Verification:
    """What the public may learn about a certificate; nothing about birth year, phone or
    district."""

    code: str
    genuine: bool
    holder: str
    name_removed: bool
    course: str
    destination: object
    centre: object
    starts_on: object
    ends_on: object
    issued_on: object
    revoked_on: object


def find_certificate(code):
    """The certificate with ``code`` (in any case, with or without dashes), or None."""
    code = plain_code(code)
    if len(code) != LENGTH:
        return None
    return (
        Certificate.objects.select_related(
            "enrolment__course__destination", "enrolment__course__office"
        )
        .filter(code=code)
        .first()
    )


def verify(code, *, address):
    """The public answer for ``code`` asked from ``address``; None for an unknown code.

    Raises ``TooManyLookups`` once the address has asked too often this hour.
    """
    if exceeded(_SCOPE, address, LOOKUP_RATES):
        raise TooManyLookups
    hit(_SCOPE, address, LOOKUP_RATES)
    certificate = find_certificate(code)
    if certificate is None:
        return None
    return describe(certificate)


def describe(certificate):
    enrolment = certificate.enrolment
    course = enrolment.course
    return Verification(
        code=grouped(certificate.code),
        genuine=not certificate.is_revoked,
        holder=mask_name(enrolment.full_name),
        name_removed=not enrolment.full_name,
        course=course.title,
        destination=course.destination,
        centre=course.office,
        starts_on=course.starts_on,
        ends_on=course.ends_on,
        issued_on=timezone.localtime(certificate.issued_at).date(),
        revoked_on=(
            timezone.localtime(certificate.revoked_at).date() if certificate.revoked_at else None
        ),
    )
