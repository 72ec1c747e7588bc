"""Turning one cell of an import file into a value, or a reason the person can act on.

CSV cells are strings; XLSX cells may already be numbers or dates. Each reader accepts both and
raises ``CellError`` with a message in the user's language.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from rohnamo.recruitment.choices import Housing

CURRENCY = re.compile(r"^[A-Z]{3}$")
SPACES = re.compile(r"[\s\u00a0\u202f]+")


class CellError(ValueError):
    pass


def text(cell):
    """The cell as trimmed text; a whole number from a spreadsheet loses its ``.0``."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, datetime.datetime):
        cell = cell.date()
    return str(cell).strip()


def required_text(cell):
    value = text(cell)
    if not value:
        raise CellError(_("This column may not be empty."))
    return value


def number(cell, *, default=None):
    """A non-negative decimal; a decimal comma is read as a point (1 200,50 → 1200.50)."""
    if isinstance(cell, bool):
        raise CellError(_("Enter a number."))
    if isinstance(cell, int | float):
        cell = str(cell)
    value = SPACES.sub("", text(cell))
    if not value:
        if default is None:
            raise CellError(_("This column may not be empty."))
        return Decimal(default)
    if "," in value and "." not in value:
        value = value.replace(",", ".")
    try:
        amount = Decimal(value)
    except InvalidOperation as error:
        raise CellError(_("Enter a number.")) from error
    if not amount.is_finite():
        raise CellError(_("Enter a number."))
    if amount < 0:
        raise CellError(_("The number may not be negative."))
    return amount


def whole_number(cell, *, default=None):
    """A whole number of at least 1."""
    amount = number(cell, default=default)
    if amount != amount.to_integral_value():
        raise CellError(_("Enter a whole number."))
    if amount < 1:
        raise CellError(_("Enter a whole number of at least 1."))
    return int(amount)


def currency(cell, *, default=None):
    value = text(cell).upper()
    if not value and default:
        return default
    if not CURRENCY.match(value):
        raise CellError(_("Enter a three-letter currency code, e.g. RUB."))
    return value


def housing(cell):
    value = text(cell).lower()
    if not value:
        return Housing.NOT_PROVIDED
    if value not in Housing.values:
        raise CellError(_("Write free, paid or none."))
    return value


def date(cell):
    if isinstance(cell, datetime.datetime):
        return cell.date()
    if isinstance(cell, datetime.date):
        return cell
    value = text(cell)
    if not value:
        raise CellError(_("This column may not be empty."))
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CellError(_("Enter the date as YYYY-MM-DD.")) from error


def occupation_code(cell):
    """An ISCO-08 code as text; a spreadsheet may have dropped the leading zero of 0110."""
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return text(cell).zfill(4)
    return text(cell)
