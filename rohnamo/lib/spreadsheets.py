"""Cells of CSV files people open in a spreadsheet program.

Text that came from outside (a visitor's answer, a row of an uploaded file) may start like a
formula (=, +, -, @); a spreadsheet would run it. Such text is written with a leading apostrophe,
which spreadsheets read as "this is text".
"""

import datetime

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_text(value):
    """``value`` as the text of a CSV cell, never a formula."""
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    value = str(value)
    return "'" + value if value.startswith(FORMULA_START) else value
