"""The documented columns of a received list, in the order of the documented header.

Column names are fixed codes, the same in every interface language; the upload page explains
each in the user's language. Only the surname and the date of birth are required: lists from
some countries carry no passport numbers, and a person without a birth date cannot be told
apart from his namesakes, so such a row could only frighten the wrong people.
"""

from django.utils.translation import gettext as _

COLUMNS = [
    "surname", "given_name", "patronymic", "birth_date", "passport_number", "reason",
    "listed_from", "listed_until",
]  # fmt: skip
REQUIRED = ["surname", "birth_date"]


def column_help():
    """(column, required, explanation) for the upload page."""
    texts = {
        "surname": _("Surname as the list writes it, in any script (Tajik, Russian or Latin)."),
        "given_name": _("Given name."),
        "patronymic": _("Patronymic, if any."),
        "birth_date": _("Date of birth: YYYY-MM-DD or DD.MM.YYYY (or a date cell)."),
        "passport_number": _("Passport number, when the list gives it."),
        "reason": _("Reason for listing, as the list writes it."),
        "listed_from": _("Date from which the person is listed, in the same formats."),
        "listed_until": _("Date until which the person is listed, if the list says."),
    }
    return [(name, name in REQUIRED, texts[name]) for name in COLUMNS]


def report_columns():
    """The names of the columns the error report adds, in the active language."""
    return [_("row"), _("problem")]
