"""The documented columns of a vacancy import file.

Column names are fixed codes (the same in every interface language) so that a file made in one
office imports in any other; the template's second sheet explains them in the user's language.
"""

from django.utils.translation import gettext as _

COLUMNS = [
    "reference", "agency", "employer", "country", "city", "occupation", "title", "workers",
    "wage", "currency", "hours", "housing", "contract_months", "requirements", "worker_fee",
    "fee_currency", "closes_on",
]  # fmt: skip

# A header must have these; the others may be left out and take their defaults.
REQUIRED = [
    "reference", "agency", "employer", "country", "occupation", "title", "wage", "currency",
    "contract_months", "closes_on",
]  # fmt: skip


def column_help():
    """(column, required, explanation) for the template and the upload page."""
    texts = {
        "reference": _("Your own identifier of the vacancy; importing it again updates it."),
        "agency": _("Licence number or tax number of the agency in the register."),
        "employer": _("Name of the employer."),
        "country": _("Country of work: ISO 3166-1 alpha-2 code, e.g. RU."),
        "city": _("City of work."),
        "occupation": _("ISCO-08 unit group: four digits, e.g. 7112."),
        "title": _("Job title as advertised."),
        "workers": _("Number of workers needed; 1 when empty."),
        "wage": _("Monthly wage, a number."),
        "currency": _("Currency of the wage: ISO 4217 code, e.g. RUB."),
        "hours": _("Working hours."),
        "housing": _("free, paid or none; none when empty."),
        "contract_months": _("Contract length in months, a whole number."),
        "requirements": _("Language, skills, certificates."),
        "worker_fee": _("Fee the worker pays; 0 when empty. Must be within the legal limit."),
        "fee_currency": _("Currency of the fee; TJS when empty."),
        "closes_on": _("Closing date: YYYY-MM-DD or a date cell; not in the past."),
    }
    return [(name, name in REQUIRED, texts[name]) for name in COLUMNS]
