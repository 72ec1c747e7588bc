"""The documented columns of a border-card file, in the order of the documented header.

Column names are fixed codes (the same in every interface language), as the border systems write
them; the upload page explains each in the user's language.
"""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import override

COLUMNS = [
    "card_number", "crossing_point", "direction", "crossing_date", "surname", "given_name",
    "patronymic", "sex", "birth_date", "passport_number", "citizenship", "residence_district",
    "country", "purpose", "education", "occupation",
]  # fmt: skip

# Without these a card is not a crossing: a row lacking one is rejected.
REQUIRED = ["card_number", "crossing_point", "direction", "crossing_date"]

# Blank in these keeps the card but earns a warning: the linkage and the tables need them.
EXPECTED = [
    "surname", "given_name", "sex", "birth_date", "passport_number", "citizenship",
    "residence_district", "country",
]  # fmt: skip


def column_help():
    """(column, required, explanation) for the upload page."""
    texts = {
        "card_number": _("Number printed on the migration card."),
        "crossing_point": _(
            "Code of the crossing point (e.g. DYU) or its name in Tajik, Russian or English. "
            "A point not yet known is registered for you to confirm."
        ),
        "direction": _("exit or entry (also выезд/въезд, баромад/воридшавӣ, out/in)."),
        "crossing_date": _("Date of crossing: YYYY-MM-DD, DD.MM.YYYY, DD/MM/YYYY or a date cell."),
        "surname": _("Surname as written on the card, in any script."),
        "given_name": _("Given name as written on the card."),
        "patronymic": _("Patronymic, if any."),
        "sex": _("M or F (also М/Ж, мард/зан, male/female)."),
        "birth_date": _("Date of birth, in the same formats as the date of crossing."),
        "passport_number": _("Passport number."),
        "citizenship": _(
            "Country of citizenship: ISO 3166-1 code (TJ, TJK) or name in Tajik, Russian or "
            "English."
        ),
        "residence_district": _("District or city of residence, in Tajik, Russian or English."),
        "country": _(
            "Country of destination on exit, country arrived from on entry: a code or a name."
        ),
        "purpose": _(
            "work, study, private, tourism, business, medical, official or other (or the word "
            "in Tajik or Russian)."
        ),
        "education": _("Education, as written."),
        "occupation": _("Occupation, as written."),
    }
    return [(name, name in REQUIRED, texts[name]) for name in COLUMNS]


def report_columns():
    """The names of the columns the error report adds, in the active language."""
    return [_("row"), _("kind"), _("problem")]


def report_column_names():
    """Those names in every interface language, folded to lower case: a corrected report
    uploaded again carries them, and they are not card data."""
    names = set()
    for code, _label in settings.LANGUAGES:
        with override(code):
            names.update(name.strip().lower() for name in report_columns())
    return names
