"""Reading one cell of a card file: text, dates, sex, direction and purpose.

CSV cells are strings; XLSX cells may already be numbers or dates. A file of a million cards holds
only a few thousand distinct dates and a handful of spellings of the rest, so each reader
remembers what it has read (``Cached``) and a row costs a few dictionary look-ups.
"""

import datetime
import re

from rohnamo.crossings.choices import Direction, Purpose, Sex
from rohnamo.lib.search_text import fold

ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
DAY_FIRST = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")

# Spellings border systems and people use, folded (see ``rohnamo.lib.search_text.fold``).
DIRECTIONS = {
    Direction.EXIT: ["exit", "out", "departure", "выезд", "вылет", "баромад", "баромадан"],
    Direction.ENTRY: ["entry", "in", "arrival", "въезд", "прилет", "воридшавӣ", "ворид"],
}
SEXES = {
    Sex.MALE: ["m", "male", "man", "м", "муж", "мужской", "мужчина", "мард"],
    Sex.FEMALE: ["f", "female", "woman", "ж", "жен", "женский", "женщина", "зан"],
}
PURPOSES = {
    Purpose.WORK: ["work", "работа", "трудовая", "трудовая деятельность", "кор", "меҳнат"],
    Purpose.STUDY: ["study", "учеба", "учёба", "обучение", "таҳсил"],
    Purpose.PRIVATE: ["private", "частная", "частный", "частный визит", "личная", "шахсӣ"],
    Purpose.TOURISM: ["tourism", "туризм", "сайёҳӣ", "сайёҳат"],
    Purpose.BUSINESS: ["business", "бизнес", "деловая", "коммерческая", "тиҷорат", "тиҷоратӣ"],
    Purpose.MEDICAL: ["medical", "лечение", "табобат"],
    Purpose.OFFICIAL: ["official", "служебная", "служебный", "официальная", "хизматӣ", "расмӣ"],
    Purpose.OTHER: ["other", "другое", "иное", "прочее", "дигар"],
}


class Unreadable(ValueError):  # noqa: N818 - reads as the verdict on a cell
    """The cell holds something, but not a value of its kind."""


def text(cell):
    """The cell as text, trimmed, inner whitespace collapsed; a whole number from a spreadsheet
    loses its ``.0``."""
    if cell is None:
        return ""
    if isinstance(cell, str):
        return " ".join(cell.split())
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, datetime.datetime):
        cell = cell.date()
    return " ".join(str(cell).split())


def date(cell):
    """A date from YYYY-MM-DD, DD.MM.YYYY, DD/MM/YYYY or a spreadsheet date cell; None when
    blank; ``Unreadable`` otherwise."""
    if isinstance(cell, datetime.datetime):
        return cell.date()
    if isinstance(cell, datetime.date):
        return cell
    value = text(cell)
    if not value:
        return None
    if match := ISO_DATE.match(value):
        year, month, day = match.groups()
    elif match := DAY_FIRST.match(value):
        day, month, year = match.groups()
    else:
        raise Unreadable(value)
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError as error:
        raise Unreadable(value) from error


def _folded_table(spellings):
    return {key(word): value for value, words in spellings.items() for word in words}


def key(value):
    """``value`` folded for comparison: case, spaces, Tajik letters and script do not matter."""
    return " ".join(fold(value).split())


_DIRECTIONS = _folded_table(DIRECTIONS)
_SEXES = _folded_table(SEXES)
_PURPOSES = {**_folded_table(PURPOSES), **{key(value): value for value in Purpose.values}}


def _choice(table):
    def read(cell):
        value = text(cell)
        if not value:
            return ""
        found = table.get(key(value))
        if found is None:
            raise Unreadable(value)
        return str(found)

    return read


direction = _choice(_DIRECTIONS)
sex = _choice(_SEXES)
purpose = _choice(_PURPOSES)


class Cached:
    """``reader`` remembering its answer (or its ``Unreadable``) for each cell value seen."""

    def __init__(self, reader):
        self.reader = reader
        self.seen = {}

    def __call__(self, cell):
        try:
            answer = self.seen[cell]
        except KeyError:
            try:
                answer = self.reader(cell)
            except Unreadable as error:
                answer = error
            self.seen[cell] = answer
        if isinstance(answer, Unreadable):
            raise answer
        return answer
