"""Shared fixtures of the statistics module: Jamshed the statistician, and card files.

``card(**changes)`` is one good row of the documented columns; ``write_cards`` writes rows as a
CSV file (any encoding or separator), ``write_cards_xlsx`` as a workbook.
"""

import csv

import pytest
from openpyxl import Workbook

from rohnamo.core.choices import Role
from rohnamo.core.tests.factories import make_user
from rohnamo.crossings.imports.columns import COLUMNS


@pytest.fixture
def jamshed(centre):
    """A statistician of the Migration Service at the centre: handles cards and statistics."""
    return make_user("jamshed", Role.STATISTICIAN, centre)


def card(number="A0000001", **changes):
    """One good departure card, as a border system writes it (all values as text)."""
    values = {
        "card_number": number, "crossing_point": "DYU", "direction": "exit",
        "crossing_date": "2026-01-15", "surname": "Раҳимов", "given_name": "Ҷамшед",
        "patronymic": "Қодирович", "sex": "M", "birth_date": "1990-04-02",
        "passport_number": "A1234567", "citizenship": "TJ", "residence_district": "Хуҷанд",
        "country": "RU", "purpose": "work", "education": "миёна", "occupation": "бинокор",
    }  # fmt: skip
    values.update(changes)
    return values


# Windows-1251 has no ҳ ҷ ӯ ӣ ғ қ: a border PC writing it spells names the Russian way.
RUSSIAN_SPELLING = {
    "surname": "Рахимов", "given_name": "Джамшед", "patronymic": "Кодирович",
    "residence_district": "Худжанд", "education": "среднее", "occupation": "строитель",
}  # fmt: skip


def card_ru(number="A0000001", **changes):
    """``card`` spelled the Russian way, as a Windows-1251 file holds it."""
    return card(number, **{**RUSSIAN_SPELLING, **changes})


def cards(count, prefix="A", **changes):
    """``count`` good cards numbered ``prefix``0000001 upwards."""
    return [card(f"{prefix}{index:07d}", **changes) for index in range(1, count + 1)]


def write_cards(path, rows, *, encoding="utf-8", delimiter=",", columns=COLUMNS):
    """Write ``rows`` (dicts) under the header ``columns`` as a CSV file at ``path``."""
    with open(path, "w", encoding=encoding, newline="") as output:
        writer = csv.DictWriter(output, columns, delimiter=delimiter, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_cards_xlsx(path, rows, *, columns=COLUMNS):
    """Write ``rows`` (dicts whose values may be dates or numbers) as an XLSX workbook."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(columns)
    for values in rows:
        sheet.append([values.get(name) for name in columns])
    workbook.save(path)
    return path
