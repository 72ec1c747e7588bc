"""Time a Russian-sized entry-ban list: its import, the alerts it queues, and the public check.

Usage:
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rohnamo_bench_departure \\
        DEBUG=1 .venv/bin/python bench/departure_lists.py [--persons 300000] [--subscribers 10000]

The database is created if missing and migrated; the lists, subscriptions and messages of earlier
runs are deleted first. People come from the synthetic border-card generator
(``rohnamo.crossings.synthetic``): names in Tajik, Russian or Latin letters with typos, birth
dates sometimes wrong, passports sometimes missing; each person's first card is how the list
writes him, his second card how he writes himself when he subscribes.

1. Version 1 of the list names ``--persons`` people (timed: ``import_list``, as the job runs it).
2. ``--subscribers`` people subscribe (hashes only, as ``subscribe`` stores them): 1,000 of them
   are on no list yet but will be on version 2; the others are never listed.
3. Version 2 names everyone of version 1 and those 1,000 (timed import, then timed
   ``queue_alerts_for_list``). Printed: how many of the 1,000 were alerted (by passport half of
   them, by name the other half, spelled from another card), and how many never-listed
   subscribers were alerted (must be 0).
4. 1,000 public checks against version 2 (``matching.check``, half listed, half not, by name or
   passport): the median and 95th percentile in milliseconds.
"""

import argparse
import csv
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")

from bench.postgres import ensure_database  # noqa: E402 - needs the path above

COLUMNS = ["surname", "given_name", "patronymic", "birth_date", "passport_number"]
NEWLY_LISTED = 1000


def people(wanted, seed):
    """{true person: [first card, second card or None]} for at least ``wanted`` persons."""
    from rohnamo.crossings.synthetic.generator import generate_cards

    found = {}
    cards = int(wanted * 2.4)
    for row in generate_cards(cards=cards, seed=seed):
        cards_of = found.setdefault(row["true_person"], [])
        if len(cards_of) < 2:
            cards_of.append(row)
    return found


def write_list(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as output:
        writer = csv.DictWriter(output, COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def parse_day(text):
    import datetime

    for layout in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(text, layout).date()
        except ValueError:
            continue
    return None


def import_version(path, received_on):
    from rohnamo.core.models import Country
    from rohnamo.departure.choices import ListKind
    from rohnamo.departure.lists.importer import import_list

    started = time.perf_counter()
    ban_list = import_list(
        path=path,
        file_name=path.name,
        actor=None,
        country=Country.objects.get(code="RU"),
        kind=ListKind.ENTRY_BAN,
        name="Entry bans (bench)",
        received_on=received_on,
    )
    return ban_list, time.perf_counter() - started


def subscribe_all(subscribers):
    """Store subscriptions as ``subscribe`` does (hashes and encrypted phone), in bulk."""
    from django.utils import timezone

    from rohnamo.departure.alerts.identity import identity_hashes, phone_hash
    from rohnamo.departure.models import Subscription

    rows, owners = [], []
    for number, (person, card, by_passport) in enumerate(subscribers):
        born = parse_day(card["birth_date"])
        if born is None or (by_passport and not card["passport_number"]):
            continue
        hashes = identity_hashes(
            birth_date=born,
            passport=card["passport_number"] if by_passport else None,
            surname=None if by_passport else card["surname"],
            given_name=None if by_passport else card["given_name"],
        )
        phone = f"+99290{number:07d}"
        rows.append(
            Subscription(
                passport_hash=hashes.passport_hash,
                name_hash=hashes.name_hash,
                surname_hash=hashes.surname_hash,
                phone=phone,
                phone_hash=phone_hash(phone),
                channel="sms",
                language="tg",
                consent_version="bench",
                consented_at=timezone.now(),
            )
        )
        owners.append(person)
    saved = Subscription.objects.bulk_create(rows, batch_size=2000)
    return {subscription.pk: person for subscription, person in zip(saved, owners, strict=True)}


def missed_reasons(everyone, owners, alerted, newly, by_passport):
    """Why newly listed subscribers were not alerted: the list's card against his own."""
    from rohnamo.departure.matching import entry_name_key

    reasons = {}
    by_owner = {person: pk for pk, person in owners.items()}
    for person in newly:
        pk = by_owner.get(person)
        if pk is None or pk in alerted:
            continue
        on_list, own = everyone[person]
        if parse_day(on_list["birth_date"]) is None:
            why = "the list row had no readable birth date (rejected)"
        elif parse_day(on_list["birth_date"]) != parse_day(own["birth_date"]):
            why = "his birth date differs from the list's"
        elif by_passport[person] and not on_list["passport_number"]:
            why = "subscribed by passport, the list has none"
        elif by_passport[person]:
            why = "subscribed by passport, the list's number differs"
        elif entry_name_key(on_list["surname"], on_list["given_name"]) != entry_name_key(
            own["surname"], own["given_name"]
        ):
            why = "subscribed by name, spelled beyond the phonetic key"
        else:
            why = "other"
        reasons[why] = reasons.get(why, 0) + 1
    return reasons


def namesakes(everyone, owners, alerted, newly, on_list):
    """For never-listed subscribers who were alerted: is a listed person his exact namesake?"""
    from rohnamo.departure.matching import entry_name_key

    listed_keys = set()
    for person in on_list:
        card = everyone[person][0]
        born = parse_day(card["birth_date"])
        listed_keys.add((entry_name_key(card["surname"], card["given_name"]), born))
    found = []
    for pk in alerted:
        person = owners.get(pk)
        if person is None or person in newly:
            continue
        card = everyone[person][0]
        key = (entry_name_key(card["surname"], card["given_name"]), parse_day(card["birth_date"]))
        found.append("a listed namesake born the same day" if key in listed_keys else "other")
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=300_000)
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=8)
    options = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL database (it is created if missing).")
    ensure_database(url)

    import datetime

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from rohnamo.departure.alerts.queue import queue_alerts_for_list
    from rohnamo.departure.matching import check
    from rohnamo.departure.models import BanList, OutgoingMessage, Subscription

    OutgoingMessage.objects.all().delete()
    Subscription.objects.all().delete()
    BanList.objects.all().delete()

    started = time.perf_counter()
    everyone = people(options.persons + options.subscribers + NEWLY_LISTED, options.seed)
    persons = list(everyone)
    random.Random(options.seed).shuffle(persons)
    print(f"{len(persons):,} synthetic persons in {time.perf_counter() - started:.1f} s")
    listed = persons[: options.persons]
    newly = [p for p in persons[options.persons :] if len(everyone[p]) == 2][:NEWLY_LISTED]
    taken = set(listed) | set(newly)
    never = [p for p in persons if p not in taken][: options.subscribers - len(newly)]

    folder = Path("/tmp/rohnamo-bench-departure")
    folder.mkdir(exist_ok=True)
    first = folder / "list-v1.csv"
    second = folder / "list-v2.csv"
    write_list(first, [everyone[p][0] for p in listed])
    write_list(second, [everyone[p][0] for p in listed + newly])

    version1, seconds = import_version(first, datetime.date(2026, 1, 10))
    print(
        f"version 1: {version1.rows_read:,} rows, {version1.entries:,} persons, "
        f"{version1.rejected:,} rejected; import {seconds:.1f} s"
    )

    subscribers = [(p, everyone[p][1], index % 2 == 0) for index, p in enumerate(newly)]
    subscribers += [(p, everyone[p][0], index % 2 == 0) for index, p in enumerate(never)]
    owners = subscribe_all(subscribers)
    print(f"{len(owners):,} subscriptions ({len(newly):,} of people version 2 adds)")

    version2, seconds = import_version(second, datetime.date(2026, 3, 5))
    print(f"version 2: {version2.entries:,} persons; import {seconds:.1f} s")
    started = time.perf_counter()
    queued = queue_alerts_for_list(ban_list=version2)
    seconds = time.perf_counter() - started
    alerted = set(
        OutgoingMessage.objects.filter(reason="alert").values_list("subscription_id", flat=True)
    )
    newly_set = set(newly)
    true_alerts = sum(1 for pk in alerted if owners.get(pk) in newly_set)
    false_alerts = len(alerted) - true_alerts
    subscribed_newly = sum(1 for person in owners.values() if person in newly_set)
    print(
        f"alerts queued {queued:,} in {seconds:.2f} s: {true_alerts:,} of the "
        f"{subscribed_newly:,} newly listed subscribers, {false_alerts} never-listed"
    )
    by_passport = {person: index % 2 == 0 for index, person in enumerate(newly)}
    print("missed, by why:", missed_reasons(everyone, owners, alerted, newly_set, by_passport))
    print("never-listed alerted:", namesakes(everyone, owners, alerted, newly_set, listed + newly))

    rng = random.Random(options.seed + 1)
    sample = rng.sample(listed, 500) + rng.sample(never, 500)
    times, found = [], 0
    for index, person in enumerate(sample):
        card = everyone[person][0]
        born = parse_day(card["birth_date"])
        if born is None:
            continue
        by_passport = index % 2 == 0 and card["passport_number"]
        started = time.perf_counter()
        result = check(
            birth_date=born,
            passport=card["passport_number"] if by_passport else None,
            surname=None if by_passport else card["surname"],
            given_name=None if by_passport else card["given_name"],
        )
        times.append((time.perf_counter() - started) * 1000)
        found += result.found
    times.sort()
    print(
        f"{len(times):,} checks: median {statistics.median(times):.1f} ms, "
        f"p95 {times[int(len(times) * 0.95)]:.1f} ms; {found} found"
    )


if __name__ == "__main__":
    main()
