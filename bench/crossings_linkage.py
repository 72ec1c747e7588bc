"""Benchmark: linkage of generated border cards into persons, against two baselines.

    .venv/bin/python bench/crossings_linkage.py                 # 1,000,000 cards
    .venv/bin/python bench/crossings_linkage.py --cards 50000   # small
    .venv/bin/python bench/crossings_linkage.py --train         # print m/u for model.TRAINED
    .venv/bin/python bench/crossings_linkage.py --blocking      # comparisons and recall per rule

Methods, on the same generated cards, each in a fresh subprocess (so peak memory is its own):
  ours      rohnamo.crossings.linkage.link_cards (normalised keys, exact keys, Splink, clustering)
  exact     baseline: cards with the same passport number and birth date are one person
  splink    baseline: a default Splink deduplication without our normalisation and blocking:
            the names as written (jaro-winkler 0.9/0.7 levels), exact sex, birth date, passport
            and district; blocking on birth date only; u by random sampling, m by EM on a
            passport block; clusters at 0.9
Scores: pairwise precision/recall/F1 against the true persons, person-count error, wall time of
the linkage alone (not generation), peak memory (ru_maxrss of the subprocess).
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_ours(cards):
    from rohnamo.crossings.linkage import LINKAGE_COLUMNS, link_cards

    result = link_cards(cards.select(LINKAGE_COLUMNS))
    return result.clusters, {
        key: result.metrics[key]
        for key in ("profiles", "exact_clusters", "scored_pairs", "review_pairs", "timings")
    }


def run_exact(cards):
    import duckdb

    con = duckdb.connect()
    con.register("cards", cards)
    clusters = con.sql(
        """
        SELECT card_id, CASE
            WHEN nullif(trim(passport_number), '') IS NULL OR birth_date IS NULL THEN card_id
            ELSE min(card_id) OVER (PARTITION BY replace(passport_number, ' ', ''), birth_date)
        END AS cluster_id FROM cards
        """
    ).to_arrow_table()
    return clusters, {}


def run_default_splink(cards):
    import duckdb
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    con = duckdb.connect()
    con.register("cards_arrow", cards)
    con.execute(
        """
        CREATE TABLE cards AS SELECT card_id AS unique_id,
            nullif(surname, '') AS surname, nullif(given_name, '') AS given_name,
            nullif(patronymic, '') AS patronymic, nullif(sex, '') AS sex,
            CAST(birth_date AS VARCHAR) AS birth_date,
            nullif(passport_number, '') AS passport_number, nullif(district, '') AS district
        FROM cards_arrow
        """
    ).fetchall()
    settings = SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            cl.JaroWinklerAtThresholds("surname", [0.9, 0.7]),
            cl.JaroWinklerAtThresholds("given_name", [0.9, 0.7]),
            cl.JaroWinklerAtThresholds("patronymic", [0.9, 0.7]),
            cl.ExactMatch("sex"),
            cl.ExactMatch("birth_date"),
            cl.ExactMatch("passport_number"),
            cl.ExactMatch("district"),
        ],
        blocking_rules_to_generate_predictions=[block_on("birth_date")],
    )
    db_api = DuckDBAPI(connection=con)
    linker = Linker(db_api.register("cards"), settings, log_level=None)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("passport_number", "birth_date")], recall=0.8
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=1_000_000)
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("passport_number"), estimate_without_term_frequencies=True
    )
    predictions = linker.inference.predict(threshold_match_probability=0.9)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(predictions, 0.9)
    table = (
        clusters.as_duckdbpyrelation().select("unique_id AS card_id, cluster_id").to_arrow_table()
    )
    import pyarrow as pa

    ids = table["cluster_id"]
    if not pa.types.is_integer(ids.type):
        table = table.set_column(1, "cluster_id", ids.cast(pa.string()))
    return table, {}


METHODS = {"ours": run_ours, "exact": run_exact, "splink": run_default_splink}


def child(method, data):
    import logging

    import pyarrow as pa
    import pyarrow.parquet as pq

    from rohnamo.crossings.linkage.quality import pairwise_scores

    logging.getLogger("splink").setLevel(logging.WARNING)
    table = pq.read_table(data)
    cards = table.drop_columns(["true_person", "card_number"])
    started = time.perf_counter()
    clusters, extra = METHODS[method](cards)
    seconds = time.perf_counter() - started
    memory = peak_mb()
    if not pa.types.is_integer(clusters["cluster_id"].type):
        # Splink's cluster ids may be strings; score on a dense integer code.
        codes = clusters["cluster_id"].combine_chunks().dictionary_encode().indices.cast(pa.int64())
        clusters = clusters.set_column(1, "cluster_id", codes)
    scores = pairwise_scores(
        clusters.select(["card_id", "cluster_id"]), table.select(["card_id", "true_person"])
    )
    print(json.dumps({"method": method, "seconds": seconds, "peak_mb": memory, **scores, **extra}))


CANDIDATE_RULES = (
    ("sn", "gn"), ("sn", "gn", "pn"), ("sn", "gn", "district"), ("birth", "gn"), ("birth", "sn"),
    ("pp",), ("birth", "district"), ("birth", "pn"), ("gn", "pn", "district"),
)  # fmt: skip


def blocking_report(table):
    """Per candidate rule: Splink's count of comparisons on the profiles, and the share of true
    profile pairs (two profiles of one person) it proposes; then the union of the chosen rules."""
    import duckdb
    from splink import DuckDBAPI, block_on
    from splink.blocking_analysis import count_comparisons_from_blocking_rules

    from rohnamo.crossings.linkage.engine import build_profiles
    from rohnamo.crossings.linkage.model import BLOCKING_RULES
    from rohnamo.crossings.linkage.prepare import prepare

    con = duckdb.connect()
    build_profiles(con, prepare(table), set())
    con.register("truth", table.select(["card_id", "true_person"]))
    con.execute(
        "CREATE TABLE lab AS SELECT p.*, min(t.true_person) AS tp FROM profiles p "
        "JOIN card_profile c ON c.profile_id = p.profile_id JOIN truth t ON t.card_id = c.card_id "
        "GROUP BY ALL"
    ).fetchall()
    columns = ["sn", "gn", "pn", "birth", "pp", "district"]
    equal = ", ".join(f"(a.{c} = b.{c}) AS {c}_eq" for c in columns)
    con.execute(
        f"CREATE TABLE true_pairs AS SELECT {equal} FROM lab a JOIN lab b "
        "ON a.tp = b.tp AND a.node < b.node"
    ).fetchall()
    total = con.sql("SELECT count(*) FROM true_pairs").fetchall()[0][0]
    db_api = DuckDBAPI(connection=con)
    frame = db_api.register("profiles")

    def covered(rules):
        condition = " OR ".join(
            "(" + " AND ".join(f"coalesce({c}_eq, false)" for c in rule) + ")" for rule in rules
        )
        return con.sql(f"SELECT count(*) FROM true_pairs WHERE {condition}").fetchall()[0][0]

    print(f"profiles: {con.sql('SELECT count(*) FROM lab').fetchall()[0][0]:,}; "
          f"true profile pairs: {total:,}")  # fmt: skip
    for rule in CANDIDATE_RULES:
        # Splink's estimate from a 5 % sample on each side (exact counting of the worst rule
        # would itself create 100 million pairs).
        (counted,) = count_comparisons_from_blocking_rules(
            frame, blocking_rules=block_on(*rule), link_type="dedupe_only",
            unique_id_column_name="profile_id",
        )  # fmt: skip
        comparisons = counted["marginal_comparison_count"]
        print(f"{'+'.join(rule):18s} comparisons ~{comparisons:>13,d}  "
              f"recall {covered([rule]) / total:.4f}")  # fmt: skip
    chosen = count_comparisons_from_blocking_rules(
        frame, blocking_rules=[block_on(*rule) for rule in BLOCKING_RULES],
        link_type="dedupe_only", unique_id_column_name="profile_id", record_sample_proportion=1.0,
    )  # fmt: skip
    for record in chosen:
        print(f"  chosen {record['blocking_rule']}: +{record['marginal_comparison_count']:,d} "
              f"(cumulative {record['cumulative_comparison_count']:,d})")  # fmt: skip
    print(f"chosen {BLOCKING_RULES}: recall of the union {covered(BLOCKING_RULES) / total:.4f}")


def generate(cards, seed, path):
    import pyarrow.parquet as pq

    from rohnamo.crossings.synthetic import generate_cards, linkage_table

    started = time.perf_counter()
    table = linkage_table(generate_cards(cards=cards, seed=seed))
    pq.write_table(table, path)
    return time.perf_counter() - started, table


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--methods", default="ours,exact,splink")
    parser.add_argument("--time-limit", type=int, default=600, help="seconds per baseline")
    parser.add_argument("--train", action="store_true")
    parser.add_argument("--blocking", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--data", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.data)
        return

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "cards.parquet")
        seconds, table = generate(args.cards, args.seed, path)
        persons = len(set(table["true_person"].to_pylist()))
        print(f"generated {table.num_rows:,} cards of {persons:,} true persons in {seconds:.1f} s")
        if args.train:
            from rohnamo.crossings.linkage.training import train

            print(json.dumps(train(table), indent=1))
            return
        if args.blocking:
            blocking_report(table)
            return
        del table
        for method in args.methods.split(","):
            command = [sys.executable, "-W", "ignore", __file__, "--child", method, "--data", path]
            limit = None if method == "ours" else args.time_limit
            try:
                done = subprocess.run(
                    command, capture_output=True, text=True, timeout=limit, check=False
                )
            except subprocess.TimeoutExpired:
                print(json.dumps({"method": method, "stopped_after_s": limit}))
                continue
            if done.returncode:
                print(json.dumps({"method": method, "error": done.stderr[-2000:]}))
                continue
            print(done.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
