"""Time the official tables of border migration over 10,000,000 crossings (issue #7: any
quarterly table in at most 2 s on PostgreSQL).

Usage:
    .venv/bin/python bench/crossings_tables.py fill     # create and fill rohnamo_bench_tables
    .venv/bin/python bench/crossings_tables.py time     # time every table builder
    .venv/bin/python bench/crossings_tables.py indexes  # add the suggested indexes, then time
    .venv/bin/python bench/crossings_tables.py drop-indexes
    .venv/bin/python bench/crossings_tables.py rebuild-trips  # time rebuild_trips (Python)
    .venv/bin/python bench/crossings_tables.py trip-profiles  # copy sex, birth date, district
                                                              # onto trips built before 0003

``fill`` drops and recreates the database ``rohnamo_bench_tables`` (or the one in
``BENCH_DATABASE_URL``), migrates it and fills it by SQL alone (generate_series; no row passes
through Python): 4,500,000 persons (86 % men; born 1960–2012; a district of residence each) and
their true trips spread over ten years (1 July 2016 – 30 June 2026), 1–3 a person, stays of 1–14
months, destinations weighted as Tajik labour migration is (Russia about three in four, then
Kazakhstan, Türkiye, the Emirates, Uzbekistan, Kyrgyzstan...). Each trip's departure card is kept
with probability 0.97 and its return card with 0.8; the first 10,000,000 cards are written, 98 %
linked to their person, one in ten with a blank sex or birth date. The trips are then built by
SQL with window functions (pairing as ``rohnamo.crossings.trips.pair_crossings`` does, the lost
return estimated with the default stay rather than each person's median).

``time`` runs each builder once to warm the cache, then ``--rounds`` times (default 5), and
prints the median and the worst wall time of each, with EXPLAIN ANALYZE of the slowest query
when ``--explain`` is given.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/rohnamo_bench_tables"
)
os.environ["DATABASE_URL"] = DATABASE
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

import datetime  # noqa: E402

from django.db import connection  # noqa: E402

PERSONS = 4_500_000
CROSSINGS = 10_000_000
# True trips to draw: enough for CROSSINGS cards once lost cards are taken away.
TRIPS = 6_000_000
FIRST_DAY, LAST_DAY = datetime.date(2016, 7, 1), datetime.date(2026, 6, 30)
# Destinations, weighted: the country code and how many in a hundred trips.
DESTINATIONS = [
    ("RU", 74), ("KZ", 8), ("TR", 3), ("AE", 2), ("UZ", 3), ("KG", 2), ("CN", 2), ("KR", 1),
    ("DE", 1), ("US", 1), ("BY", 1), ("PL", 1), ("AF", 1),
]  # fmt: skip
PURPOSES = ["work"] * 70 + ["private"] * 14 + ["study"] * 4 + ["tourism"] * 4
PURPOSES += ["business"] * 3 + ["medical"] * 3 + ["official", "other"]

# Indexes to try before proposing them as model indexes (none now: the covering index on
# (crossing_date, direction) and the one on Trip.returned_on are in migration 0003).
SUGGESTED_INDEXES = {}


def _sql(statement, params=None):
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        rows = cursor.rowcount
    print(f"  {time.perf_counter() - started:7.1f} s  {rows:>10} rows  {statement.split()[0:3]}")


def _ids(query):
    with connection.cursor() as cursor:
        cursor.execute(query)
        return [row[0] for row in cursor.fetchall()]


def _array(values):
    return "ARRAY[" + ",".join(str(value) for value in values) + "]"


def _pick(array):
    return f"({array})[1 + floor(random() * cardinality({array}))::int]"


def fill():
    from django.conf import settings

    name = settings.DATABASES["default"]["NAME"]
    admin = DATABASE.rsplit("/", 1)[0] + "/postgres"
    subprocess.run(["psql", admin, "-c", f"DROP DATABASE IF EXISTS {name}"], check=True)
    subprocess.run(["psql", admin, "-c", f"CREATE DATABASE {name}"], check=True)
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "migrate", "-v", "0"], check=True, cwd=ROOT
    )
    countries = dict(_rows("SELECT code, id FROM core_country"))
    destinations = _array(
        [countries[code] for code, weight in DESTINATIONS for _n in range(weight)]
    )
    districts = _array(_ids("SELECT id FROM core_district"))
    points = _array(_ids("SELECT id FROM crossings_crossingpoint"))
    purposes = "ARRAY[" + ",".join(f"'{purpose}'" for purpose in PURPOSES) + "]"
    tajikistan = countries["TJ"]
    others = _array([countries[code] for code in ("UZ", "AF", "KG", "RU", "CN")])
    days = (LAST_DAY - FIRST_DAY).days
    print("persons")
    _sql(
        f"""
        INSERT INTO crossings_person (id, surname, given_name, patronymic, sex, birth_date,
            residence_district_id, cards, first_crossing, last_crossing)
        SELECT g, '', '', '',
            CASE WHEN r < 0.86 THEN 'M' WHEN r < 0.995 THEN 'F' ELSE '' END,
            CASE WHEN random() < 0.02 THEN NULL
                 WHEN random() < 0.93 THEN date '1960-01-01' + floor(random() * 365 * 45)::int
                 ELSE date '2005-01-01' + floor(random() * 365 * 7)::int END,
            {_pick(districts)}, 0, NULL, NULL
        FROM (SELECT g, random() AS r FROM generate_series(1, {PERSONS}) g) s
        """
    )
    print("true trips")
    _sql("DROP TABLE IF EXISTS bench_trip")
    _sql(
        f"""
        CREATE UNLOGGED TABLE bench_trip AS
        SELECT t AS id,
            CASE WHEN t <= {PERSONS} THEN t ELSE 1 + floor(random() * {PERSONS})::int END
                AS person_id,
            date '{FIRST_DAY}' + floor(random() * {days})::int AS left_on,
            30 + floor(random() * random() * 400)::int AS stay,
            {_pick(destinations)} AS country_id,
            {_pick(purposes)} AS purpose,
            random() < 0.97 AS exit_kept,
            random() < 0.80 AS entry_kept
        FROM generate_series(1, {TRIPS}) t
        """
    )
    print("crossings")
    _sql("INSERT INTO crossings_importbatch (file_name, created_at, status, rows_read, imported,"
         " rejected, duplicates, warnings, report) VALUES ('bench', now(), 'imported', 0, 0, 0,"
         " 0, 0, '')")  # fmt: skip
    batch = _ids("SELECT max(id) FROM crossings_importbatch")[0]
    # Loading without the secondary indexes and the foreign-key triggers, then rebuilding the
    # indexes once, is several times faster than maintaining them row by row.
    indexes = _rows(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'crossings_crossing' "
        "AND indexname NOT LIKE '%pkey'"
    )
    constraint = _ids(
        "SELECT conname FROM pg_constraint WHERE conrelid = 'crossings_crossing'::regclass "
        "AND contype = 'u'"
    )
    # The unique constraint's index goes and comes back with the constraint itself.
    indexes = [(name_, sql) for name_, sql in indexes if name_ not in constraint]
    for name_ in constraint:
        _sql(f"ALTER TABLE crossings_crossing DROP CONSTRAINT {name_}")
    for index_name, _definition in indexes:
        _sql(f"DROP INDEX IF EXISTS {index_name}")
    _sql("ALTER TABLE crossings_crossing DISABLE TRIGGER ALL")
    _sql(
        f"""
        INSERT INTO crossings_crossing (id, batch_id, crossing_point_id, card_number, direction,
            crossing_date, surname, given_name, patronymic, sex, birth_date, passport_number,
            citizenship_id, residence_district_id, country_id, purpose, education, occupation,
            person_id)
        SELECT c.id, {batch}, {_pick(points)}, 'B' || c.id, c.direction, c.day, '', '', '',
            CASE WHEN random() < 0.9 THEN p.sex ELSE '' END,
            CASE WHEN random() < 0.9 THEN p.birth_date END,
            '',
            CASE WHEN random() < 0.95 THEN {tajikistan} WHEN random() < 0.6 THEN NULL
                 ELSE {_pick(others)} END,
            p.residence_district_id, c.country_id, c.purpose, '', '',
            CASE WHEN random() < 0.98 THEN p.id END
        FROM (
            SELECT id * 2 AS id, person_id, 'exit' AS direction, left_on AS day, country_id,
                purpose
            FROM bench_trip WHERE exit_kept
            UNION ALL
            SELECT id * 2 + 1, person_id, 'entry', left_on + stay, country_id, purpose
            FROM bench_trip WHERE entry_kept AND left_on + stay <= date '{LAST_DAY}'
            LIMIT {CROSSINGS}
        ) c JOIN crossings_person p ON p.id = c.person_id
        """
    )
    _sql("ALTER TABLE crossings_crossing ENABLE TRIGGER ALL")
    for _index_name, definition in indexes:
        _sql(definition)
    _sql(
        "ALTER TABLE crossings_crossing ADD CONSTRAINT one_card_per_key "
        "UNIQUE (crossing_point_id, card_number, crossing_date)"
    )
    _sql("SELECT setval('crossings_crossing_id_seq', (SELECT max(id) FROM crossings_crossing))")
    _sql("SELECT setval('crossings_person_id_seq', (SELECT max(id) FROM crossings_person))")
    _sql("DROP TABLE bench_trip")
    trips_by_sql()
    _sql("VACUUM ANALYZE")


def _rows(query):
    with connection.cursor() as cursor:
        cursor.execute(query)
        return cursor.fetchall()


def trips_by_sql():
    """Pair every person's cards into trips with window functions: the same rules as
    ``pair_crossings``, the lost return estimated with the default stay (183 days, capped by
    the gap less 30 days at home, the midpoint under 60 days). Each trip carries its person's
    sex, birth date and district, as ``rebuild_trips`` writes them."""
    from rohnamo.crossings.trips import DEFAULT_STAY_DAYS, MIN_HOME_DAYS

    print("trips")
    _sql("TRUNCATE crossings_trip")
    _sql("ALTER TABLE crossings_trip DISABLE TRIGGER ALL")
    _sql(
        f"""
        INSERT INTO crossings_trip (person_id, exit_crossing_id, entry_crossing_id, left_on,
            returned_on, return_estimated, country_id, stay_days, sex, birth_date,
            residence_district_id)
        WITH ordered AS (
            SELECT id, person_id, direction, crossing_date, country_id,
                lead(id) OVER w AS next_id, lead(direction) OVER w AS next_direction,
                lead(crossing_date) OVER w AS next_date, lead(country_id) OVER w AS next_country,
                lag(direction) OVER w AS previous_direction
            FROM crossings_crossing WHERE person_id IS NOT NULL
            WINDOW w AS (PARTITION BY person_id ORDER BY crossing_date, id)
        ), paired AS (
            SELECT person_id, id AS exit_id,
                CASE WHEN next_direction = 'entry' THEN next_id END AS entry_id,
                crossing_date AS left_on,
                CASE WHEN next_direction = 'entry' THEN next_date
                     WHEN next_direction = 'exit' THEN crossing_date + CASE
                        WHEN next_date - crossing_date < {2 * MIN_HOME_DAYS}
                            THEN (next_date - crossing_date) / 2
                        ELSE least({DEFAULT_STAY_DAYS}, next_date - crossing_date - {MIN_HOME_DAYS})
                     END
                END AS returned_on,
                coalesce(next_direction = 'exit', false) AS estimated,
                coalesce(country_id, CASE WHEN next_direction = 'entry' THEN next_country END)
                    AS country_id
            FROM ordered WHERE direction = 'exit'
        )
        SELECT t.*, p.sex, p.birth_date, p.residence_district_id
        FROM (
            SELECT person_id, exit_id, entry_id, left_on, returned_on, estimated, country_id,
                returned_on - left_on
            FROM paired
            UNION ALL
            SELECT person_id, NULL, id, NULL, crossing_date, false, country_id, NULL
            FROM ordered
            WHERE direction = 'entry' AND coalesce(previous_direction, 'entry') = 'entry'
        ) t JOIN crossings_person p ON p.id = t.person_id
        """
    )
    _sql("ALTER TABLE crossings_trip ENABLE TRIGGER ALL")
    _sql("ANALYZE crossings_trip")


def trip_profiles():
    """Copy each trip's traveller (sex, birth date, district) from the person, as
    ``rebuild_trips`` does, for trips built before migration 0003; then put the trips back in
    date order (the UPDATE leaves a dead copy of every row) and refresh the statistics."""
    print("trip profiles")
    _sql(
        """
        UPDATE crossings_trip t
        SET sex = p.sex, birth_date = p.birth_date, residence_district_id = p.residence_district_id
        FROM crossings_person p WHERE p.id = t.person_id
        """
    )
    _sql("CLUSTER crossings_trip USING trip_dates")
    _sql("ANALYZE crossings_trip")


def _builders():
    from rohnamo.crossings.statistics.periods import HALF, QUARTER, YEAR, Period
    from rohnamo.crossings.statistics.tables import count_table, public_table

    quarter = q = Period(QUARTER, 2026, 1)
    year, half = Period(YEAR, 2025), Period(HALF, 2026, 1)
    return [
        ("1. dep. and returns, Q1 2026 + Q1 2025", lambda: count_table(key="quarterly", period=q)),
        ("1p. public (suppressed), Q1 2026", lambda: public_table(period=quarter)),
        ("2. departures by sex and age, Q1 2026", lambda: count_table(key="age", period=quarter)),
        ("3. form 1-T, Q1 2026", lambda: count_table(key="form-1t", period=quarter)),
        ("4. persons abroad on 31 March 2026", lambda: count_table(key="abroad", period=quarter)),
        ("5. stays by length, Q1 2026", lambda: count_table(key="stays", period=quarter)),
        ("2y. departures by age, year 2025", lambda: count_table(key="age", period=year)),
        ("3h. form 1-T, H1 2026", lambda: count_table(key="form-1t", period=half)),
    ]  # fmt: skip


def time_builders(rounds, only=None):
    from django.utils import translation

    print(f"{_count('crossings_crossing'):,} crossings, {_count('crossings_person'):,} persons, "
          f"{_count('crossings_trip'):,} trips")  # fmt: skip
    results = []
    with translation.override("en"):
        for label, build in _builders():
            if only and label.split(".")[0] not in only:
                continue
            build()  # warm the cache, as a server that has been running would be
            times = []
            for _round in range(rounds):
                started = time.perf_counter()
                build()
                times.append(time.perf_counter() - started)
            median, worst = statistics.median(times), max(times)
            results.append((label, median, worst))
            print(f"  {label:<48} median {median:6.3f} s   worst {worst:6.3f} s")
    return results


def _count(table):
    return _rows(f"SELECT count(*) FROM {table}")[0][0]


def add_indexes():
    for _name, statement in SUGGESTED_INDEXES.items():
        _sql(statement)
    _sql("ANALYZE crossings_crossing")


def drop_indexes():
    for name in SUGGESTED_INDEXES:
        _sql(f"DROP INDEX IF EXISTS {name}")


def rebuild_trips_in_python():
    from rohnamo.crossings.trips import rebuild_trips

    started = time.perf_counter()
    written = rebuild_trips()
    print(f"rebuild_trips(): {written:,} trips in {time.perf_counter() - started:.1f} s")
    _sql("ANALYZE crossings_trip")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "action",
        choices=[
            "fill",
            "time",
            "indexes",
            "drop-indexes",
            "rebuild-trips",
            "trips-sql",
            "trip-profiles",
        ],  # fmt: skip
    )
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--only", nargs="*", help="the tables to time, e.g. 1 1p 2 (default: all)")
    args = parser.parse_args()
    if args.action == "fill":
        fill()
    elif args.action == "trip-profiles":
        trip_profiles()
    elif args.action == "trips-sql":
        trips_by_sql()
    elif args.action == "rebuild-trips":
        rebuild_trips_in_python()
    elif args.action == "indexes":
        add_indexes()
        time_builders(args.rounds)
    elif args.action == "drop-indexes":
        drop_indexes()
    else:
        time_builders(args.rounds, args.only)


if __name__ == "__main__":
    main()
