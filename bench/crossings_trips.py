"""Benchmark: how many true departure→return pairs the trips built on linked persons recover.

    .venv/bin/python bench/crossings_trips.py                  # 1,000,000 cards
    .venv/bin/python bench/crossings_trips.py --cards 100000   # small

The truth: each true person's cards in date order, a departure followed directly by a return
being one trip (the generator's trips never overlap, and a lost return card leaves a departure
followed by another departure). The cards are linked with ``link_cards``; each linked person's
cards are paired by ``trips.pair_crossings``, exactly as ``rebuild_trips`` does. Reports the share
of true pairs recovered (target ≥ 0.98) and the share of found pairs that are true.
"""

import argparse
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def pairs_by_group(groups, cards):
    """The (departure card, return card) pairs of each group of card ids, as one set."""
    from rohnamo.crossings.trips import pair_crossings

    found = set()
    for ids in groups.values():
        history = sorted((cards[i][1], i) for i in ids)
        crossings = [(i, cards[i][0], day, None) for day, i in history]
        for trip in pair_crossings(crossings):
            if trip.exit_id is not None and trip.entry_id is not None:
                found.add((trip.exit_id, trip.entry_id))
    return found


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "1")
    import django

    django.setup()
    from rohnamo.crossings.linkage import LINKAGE_COLUMNS, link_cards
    from rohnamo.crossings.synthetic import generate_cards, linkage_table

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    table = linkage_table(generate_cards(cards=args.cards, seed=args.seed))
    ids = table.column("card_id").to_pylist()
    cards = dict(
        zip(
            ids,
            zip(
                table.column("direction").to_pylist(),
                table.column("crossing_date").to_pylist(),
                strict=True,
            ),
            strict=True,
        )
    )
    started = time.perf_counter()
    clusters = link_cards(table.select(LINKAGE_COLUMNS)).clusters
    linked_seconds = time.perf_counter() - started

    true_groups, linked_groups = defaultdict(list), defaultdict(list)
    for card, person in zip(ids, table.column("true_person").to_pylist(), strict=True):
        true_groups[person].append(card)
    for card, cluster in zip(
        clusters.column("card_id").to_pylist(),
        clusters.column("cluster_id").to_pylist(),
        strict=True,
    ):
        linked_groups[cluster].append(card)

    started = time.perf_counter()
    truth = pairs_by_group(true_groups, cards)
    found = pairs_by_group(linked_groups, cards)
    pairing_seconds = (time.perf_counter() - started) / 2
    recovered = len(truth & found) / len(truth)
    precision = len(truth & found) / len(found) if found else 0.0
    print(f"{args.cards:,} cards, {len(true_groups):,} true persons, {len(linked_groups):,} linked")
    print(f"true departure→return pairs {len(truth):,}; found {len(found):,}")
    print(f"recovered {recovered:.4f} (target ≥ 0.98); found pairs that are true {precision:.4f}")
    print(f"linkage {linked_seconds:.1f} s; pairing all persons' cards {pairing_seconds:.1f} s")


if __name__ == "__main__":
    main()
