"""Comparing phone numbers however people wrote them."""

import re

# Tajik numbers have nine digits after the country code; comparing the last nine makes
# "+992 90 123 45 67", "90-123-45-67" and "0901234567" the same number.
_SIGNIFICANT_DIGITS = 9


def phone_digits(phone):
    """The last nine digits of ``phone``, or '' when it has none."""
    return re.sub(r"\D", "", phone or "")[-_SIGNIFICANT_DIGITS:]
