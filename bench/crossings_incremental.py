"""Benchmark: placing 10,000 new cards among 1,000,000 cards already linked into persons.

    .venv/bin/python bench/crossings_incremental.py                  # 1,000,000 + 10,000
    .venv/bin/python bench/crossings_incremental.py --cards 100000   # small

The history is the generator's first N cards with their persons from a full link_cards run; the
new cards are the next 10,000 (the same people travelling again, and some first-time travellers).
Reports the wall time of link_new_cards alone, its peak memory, and the share of new cards of a
known person placed into that person.
"""

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main():
    import pyarrow as pa

    from rohnamo.crossings.linkage import LINKAGE_COLUMNS, link_cards, link_new_cards
    from rohnamo.crossings.synthetic import generate_cards, linkage_table

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=1_000_000)
    parser.add_argument("--new", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    table = linkage_table(generate_cards(cards=args.cards + args.new, seed=args.seed))
    old, new = table.slice(0, args.cards), table.slice(args.cards)
    started = time.perf_counter()
    linked = link_cards(old.select(LINKAGE_COLUMNS))
    full_seconds = time.perf_counter() - started
    person_of = dict(
        zip(linked.clusters["card_id"].to_pylist(), linked.clusters["cluster_id"].to_pylist(),
            strict=True)
    )  # fmt: skip
    old_ids = old["card_id"].to_pylist()
    existing = old.select(LINKAGE_COLUMNS).append_column(
        "person_id", pa.array([person_of[card] for card in old_ids], pa.int64())
    )
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    started = time.perf_counter()
    result = link_new_cards(existing, new.select(LINKAGE_COLUMNS))
    seconds = time.perf_counter() - started

    # A new card is placed right when its person is the person of the existing cards of the same
    # true person (the majority one, as the full run decided).
    truth_old = dict(zip(old_ids, old["true_person"].to_pylist(), strict=True))
    person_truth = {}
    for card, person in person_of.items():
        person_truth.setdefault(person, truth_old[card])
    known = set(truth_old.values())
    truth_new = dict(zip(new["card_id"].to_pylist(), new["true_person"].to_pylist(), strict=True))
    placed = dict(
        zip(result.clusters["card_id"].to_pylist(), result.clusters["cluster_id"].to_pylist(),
            strict=True)
    )  # fmt: skip
    of_known = [card for card, person in truth_new.items() if person in known]
    right = sum(1 for card in of_known if person_truth.get(placed[card]) == truth_new[card])
    unknown = [card for card, person in truth_new.items() if person not in known]
    fresh = sum(1 for card in unknown if placed[card] < 0)
    print(
        json.dumps(
            {
                "existing_cards": old.num_rows,
                "new_cards": new.num_rows,
                "full_link_seconds": round(full_seconds, 1),
                "incremental_seconds": round(seconds, 2),
                "peak_mb_before_incremental": round(rss_before),
                "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                "known_person_cards": len(of_known),
                "placed_in_their_person": round(right / len(of_known), 4) if of_known else None,
                "unknown_person_cards": len(unknown),
                "given_a_new_id": fresh,
                "timings": result.metrics["timings"],
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
