"""Writing list files for the tests, and Dilshod the statistician who imports them."""

import csv
import datetime

from rohnamo.core.models import Country
from rohnamo.departure.choices import ListKind
from rohnamo.departure.lists.columns import COLUMNS
from rohnamo.departure.lists.importer import import_list


def person(**changes):
    values = {
        "surname": "Ҳамидов", "given_name": "Фаррух", "patronymic": "Каримович",
        "birth_date": "1990-04-02", "passport_number": "401234567",
        "reason": "нарушение режима пребывания", "listed_from": "2024-03-01",
        "listed_until": "2029-03-01",
    }  # fmt: skip
    values.update(changes)
    return values


def write_list(path, rows, *, encoding="utf-8", columns=COLUMNS, delimiter=","):
    with open(path, "w", encoding=encoding, newline="") as output:
        writer = csv.DictWriter(output, columns, delimiter=delimiter, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def imported(
    tmp_path,
    rows,
    *,
    actor=None,
    name="Entry bans",
    received_on=datetime.date(2026, 1, 10),
    kind=ListKind.ENTRY_BAN,
    file_name=None,
):
    file_name = file_name or f"{name}-{received_on}.csv"
    path = write_list(tmp_path / file_name, rows)
    return import_list(
        path=path,
        file_name=file_name,
        actor=actor,
        country=Country.objects.get(code="RU"),
        kind=kind,
        name=name,
        received_on=received_on,
    )
