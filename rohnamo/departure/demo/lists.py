"""Two demo lists from Russia, so "Can I travel?" can be tried after ``make demo``.

Try passport 401234567 (or "Khamidov Farrukh") born 02.04.1990: on the entry-ban list; anyone
else: on no list. The people are invented.
"""

import csv
import datetime
import tempfile
from pathlib import Path

from rohnamo.core.models import Country
from rohnamo.departure.choices import ListKind
from rohnamo.departure.lists.columns import COLUMNS
from rohnamo.departure.lists.importer import import_list
from rohnamo.departure.models import BanList

RECEIVED = datetime.date(2026, 10, 1)
LISTS = {
    (ListKind.ENTRY_BAN, "Entry bans (demo)"): [
        ["Ҳамидов", "Фаррух", "Каримович", "1990-04-02", "401234567",
         "нарушение режима пребывания", "2024-03-01", "2029-03-01"],
        ["Қодиров", "Ҷамшед", "", "1987-11-20", "", "административное выдворение",
         "2025-06-15", "2030-06-15"],
    ],
    (ListKind.CONTROLLED, "Controlled persons (demo)"): [
        ["Ғафуров", "Ӯмед", "Саидович", "1995-01-07", "402345678", "", "2026-02-01", ""],
    ],
}  # fmt: skip


def load_demo_lists(users):
    """Import each demo list once (a second ``make demo`` leaves them as they are)."""
    russia = Country.objects.get(code="RU")
    for (kind, name), rows in LISTS.items():
        if BanList.objects.filter(country=russia, kind=kind, name=name).exists():
            continue
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "demo-list.csv"
            with open(path, "w", encoding="utf-8", newline="") as output:
                writer = csv.writer(output)
                writer.writerow(COLUMNS)
                writer.writerows(rows)
            import_list(
                path=path,
                file_name=path.name,
                actor=users.get("statistician"),
                country=russia,
                kind=kind,
                name=name,
                received_on=RECEIVED,
            )
