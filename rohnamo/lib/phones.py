"""Phone numbers however people wrote them: comparing, storing in one form, showing masked."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Tajik numbers have nine digits after the country code; comparing the last nine makes
# "+992 90 123 45 67", "90-123-45-67" and "0901234567" the same number.
_SIGNIFICANT_DIGITS = 9


def phone_digits(phone):
    """The last nine digits of ``phone``, or '' when it has none."""
    return re.sub(r"\D", "", phone or "")[-_SIGNIFICANT_DIGITS:]


def international_phone(phone):
    """The number as +digits; nine digits alone are a Tajik number (+992).

    Raises ``ValidationError`` for something that is not a phone number.
    """
    text = (phone or "").strip()
    digits = re.sub(r"\D", "", text)
    if text.startswith("00"):
        digits = digits[2:]
    elif len(digits) == 9 and not text.startswith("+"):
        digits = "992" + digits
    if not 10 <= len(digits) <= 15 or re.search(r"[^\d\s()+.-]", text):
        raise ValidationError(
            _("This is not a phone number. Write it with the country code, e.g. +992 90 123 45 67.")
        )
    return "+" + digits


def masked_phone(phone):
    """A number people can tell apart without reading it: +992 ••• •• 45 67."""
    digits = "".join(character for character in phone or "" if character.isdigit())
    if len(digits) < 4:
        return "•••"
    country = _country_code(digits)
    masked = f"••• •• {digits[-4:-2]} {digits[-2:]}"
    return f"+{country} {masked}" if country else masked


def _country_code(digits):
    # Tajik numbers are +992 and nine digits, Russian and Kazakh +7 and ten; other countries
    # vary, so only the digits that cannot be part of a ten-digit number are shown.
    if digits.startswith("992") and len(digits) == 12:
        return "992"
    if digits.startswith("7") and len(digits) == 11:
        return "7"
    return digits[: max(len(digits) - 10, 0)]
