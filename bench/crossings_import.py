"""Time the import of 1,000,000 border cards from a CSV file into PostgreSQL (issue #7: <= 60 s).

Usage:
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rohnamo_bench_crossings \\
        DEBUG=1 .venv/bin/python bench/crossings_import.py [--cards 1000000] [--again]

The database is created if missing and migrated; the cards of earlier runs are deleted first. The
file comes from the synthetic generator (``rohnamo.crossings.synthetic``: three scripts, typos,
missing fields, dates in two formats) and is kept in /tmp for the next run. The timed part is
exactly what the background job does: ``import_cards`` on the stored file, from the first byte
read to the commit, with the report of warnings written. Then a sample of the cards is checked
against the generator's truth (district and destination resolved to the right codes).
``--again`` imports the same file a second time: no card may be added (all duplicates).
"""

import argparse
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")

from bench.postgres import ensure_database  # noqa: E402 - needs the path above

SAMPLE_EVERY = 997


def generate(path, cards, seed):
    from rohnamo.crossings.synthetic import generate_cards, write_csv

    truth = {}

    def rows():
        for index, row in enumerate(generate_cards(cards=cards, seed=seed)):
            if index % SAMPLE_EVERY == 0:
                truth[row["card_number"]] = (row["district_code"], row["country_code"])
            yield row

    started = time.perf_counter()
    written = write_csv(rows(), path)
    print(f"generated {written:,} cards in {time.perf_counter() - started:.1f} s: {path}")
    truth_path = path.with_suffix(".truth")
    truth_path.write_text(
        "\n".join(f"{number},{district},{country}" for number, (district, country) in truth.items())
    )
    return truth


def load_truth(path):
    truth = {}
    for line in path.with_suffix(".truth").read_text().splitlines():
        number, district, country = line.split(",")
        truth[number] = (district, country)
    return truth


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--again", action="store_true", help="import the same file again")
    options = parser.parse_args()

    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL database, e.g. .../rohnamo_bench_crossings")
    ensure_database(url)

    import django

    django.setup()
    from django.conf import settings

    # The report of a million cards' warnings is tens of megabytes: keep it out of var/.
    settings.MEDIA_ROOT = Path("/tmp/rohnamo-bench-media")
    from django.core.management import call_command
    from django.db import connection
    from django.utils import translation

    from rohnamo.crossings.imports.importer import import_cards
    from rohnamo.crossings.models import Crossing, ImportBatch

    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE crossings_crossing, crossings_importbatch CASCADE")

    path = Path(f"/tmp/rohnamo-bench-cards-{options.cards}-{options.seed}.csv")
    if path.exists() and path.with_suffix(".truth").exists():
        truth = load_truth(path)
        print(f"reusing {path} ({path.stat().st_size / 1e6:.0f} MB)")
    else:
        truth = generate(path, options.cards, options.seed)

    print("load average before: {:.2f} {:.2f} {:.2f} (2 cores)".format(*os.getloadavg()))
    with translation.override("en"):
        started = time.perf_counter()
        batch = import_cards(path=str(path), file_name=path.name, actor=None)
        elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"import: {batch.status}; rows read {batch.rows_read:,}, imported {batch.imported:,}, "
        f"rejected {batch.rejected:,}, duplicates {batch.duplicates:,}, "
        f"warnings {batch.warnings:,}"
    )
    timed = elapsed
    print("load average after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    print(
        f"wall time {elapsed:.1f} s, {batch.rows_read / elapsed:,.0f} rows/s, "
        f"peak RSS {peak:.0f} MB"
    )
    print(f"report: {batch.report.path if batch.report else '-'}")

    sample = Crossing.objects.filter(card_number__in=list(truth)).values_list(
        "card_number", "residence_district__code", "country__code"
    )
    wrong = [
        (number, district, country)
        for number, district, country in sample
        if (district or "", country or "") != truth[number]
    ]
    print(f"sample of {len(truth)} cards checked against the truth: {len(wrong)} resolved wrongly")
    for line in wrong[:10]:
        print("  wrong:", line, "expected", truth[line[0]])

    if options.again:
        started = time.perf_counter()
        again = import_cards(path=str(path), file_name=path.name, actor=None)
        elapsed = time.perf_counter() - started
        print(
            f"again: imported {again.imported:,}, duplicates {again.duplicates:,} "
            f"in {elapsed:.1f} s; cards in the register {Crossing.objects.count():,}"
        )
    print(f"batches: {ImportBatch.objects.count()}")
    ok = batch.imported + batch.duplicates + batch.rejected == batch.rows_read and timed <= 60
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
