"""Reading one row of a received list into the values of a ``ListEntry``, or its problems.

A row is rejected, never half-imported: the report names the row, the column and the problem,
so the officer can correct the file and import it again.
"""

import datetime

from django.utils.translation import gettext as _

from rohnamo.crossings.imports.values import Unreadable, date, text
from rohnamo.crossings.linkage.normalise import passport_key
from rohnamo.departure.matching import entry_name_key

# The model's field lengths: longer values are a broken row, not a name.
LENGTHS = {
    "surname": 100, "given_name": 100, "patronymic": 100, "passport_number": 20, "reason": 300,
}  # fmt: skip
DATES = ["birth_date", "listed_from", "listed_until"]
OLDEST_BIRTH = datetime.date(1900, 1, 1)


def read_row(positions, cells, *, today):
    """``(values, problems)`` for one row; ``positions`` maps column -> cell index.

    ``problems`` is a list of (column, message); when it is not empty ``values`` is unusable.
    """
    raw = {
        column: (cells[index] if index < len(cells) else None)
        for column, index in positions.items()
    }
    values, problems = {}, []
    for column, limit in LENGTHS.items():
        value = text(raw.get(column))
        if len(value) > limit:
            problems.append((column, _("longer than %(limit)d characters") % {"limit": limit}))
        values[column] = value
    for column in DATES:
        try:
            values[column] = date(raw.get(column))
        except Unreadable:
            problems.append((column, _("not a real date (write YYYY-MM-DD or DD.MM.YYYY)")))
            values[column] = None
    if not values["surname"]:
        problems.append(("surname", _("missing")))
    birth = values["birth_date"]
    if birth is None and not any(column == "birth_date" for column, _m in problems):
        problems.append(("birth_date", _("missing")))
    elif birth is not None and not (OLDEST_BIRTH <= birth <= today):
        problems.append(("birth_date", _("not a possible date of birth")))
    start, end = values["listed_from"], values["listed_until"]
    if start and end and end < start:
        problems.append(("listed_until", _("earlier than listed_from")))
    if problems:
        return values, problems
    values["name_key"] = entry_name_key(values["surname"], values["given_name"])
    values["passport_key"] = passport_key(values["passport_number"])
    return values, []
