"""Demo border cards: 50,000 synthetic cards by default (``CROSSINGS_DEMO_CARDS``; invented
people, the generator's), imported as a statistician would, then linked into persons and
trips; and illustrative work permits.

Loading twice adds nothing: the cards are loaded only into an empty register.
"""

import datetime
import tempfile
from pathlib import Path

from django.conf import settings

from rohnamo.crossings.demo_permits import load_demo_permits
from rohnamo.crossings.imports.importer import import_cards
from rohnamo.crossings.models import Crossing
from rohnamo.crossings.services.linkage import run_linkage
from rohnamo.crossings.synthetic import generate_cards, write_csv

DEMO_SEED = 2026


def load_demo_crossings(users):
    statistician = users["statistician"]
    load_demo_permits()
    if Crossing.objects.exists():
        return
    # Cards up to last month, so that the current quarter's tables have figures.
    end = datetime.date.today().replace(day=1) - datetime.timedelta(days=1)
    rows = generate_cards(
        cards=settings.CROSSINGS_DEMO_CARDS,
        seed=DEMO_SEED,
        start=end.replace(year=end.year - 3),
        end=end,
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo-cards.csv"
        write_csv(rows, path)
        import_cards(path=path, file_name="demo-cards.csv", actor=statistician)
    run_linkage(actor=statistician)
