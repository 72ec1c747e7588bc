"""Linking all cards into persons: normalise, exact keys, Splink, constrained clustering.

1. Names become phonetic keys (``normalise``); cards with identical keys on every compared field
   form one *profile* (a million cards hold far fewer distinct profiles), and Splink compares
   profiles, not cards.
2. Exact keys that are certain join profiles at once: the same passport and birth date, or the same
   surname, given name, birth date and sex.
3. Splink scores the pairs its blocking rules propose; pairs at or above the threshold are joined.
4. Clustering joins forced merges first, then the exact and scored pairs in descending probability,
   refusing any join that would put two separated cards in one cluster.
5. The pairs in the review band, not yet decided, go to the review screen.
"""

import logging
import time
from dataclasses import dataclass, field

import duckdb
import pyarrow as pa

from rohnamo.crossings.linkage import model
from rohnamo.crossings.linkage.clusters import ConstrainedClusters
from rohnamo.crossings.linkage.prepare import check_columns, prepare

DEFAULT_THRESHOLD = 0.75
PROFILE_COLUMNS = ("sn", "gn", "pn", "sex", "birth", "pp", "district")


@dataclass
class LinkageResult:
    """The persons found: each input card's cluster, the pairs to review and the run's figures."""

    clusters: pa.Table  # card_id int64, cluster_id int64
    review_pairs: list = field(default_factory=list)  # (card_a, card_b, probability), a < b
    metrics: dict = field(default_factory=dict)


class _Steps:
    """Timing of the run's steps, reported to ``progress`` as they go."""

    def __init__(self, progress, plan):
        self.progress = progress
        self.plan = plan
        self.timings = {}
        self.started = time.perf_counter()
        self.current = None
        self.current_started = self.started

    def step(self, name):
        now = time.perf_counter()
        if self.current is not None:
            self.timings[self.current] = round(now - self.current_started, 3)
        self.current, self.current_started = name, now
        if self.progress is not None and name in self.plan:
            self.progress(name, self.plan.index(name) / len(self.plan))

    def finish(self):
        self.step(None)
        self.timings["total"] = round(time.perf_counter() - self.started, 3)
        if self.progress is not None:
            self.progress("done", 1.0)
        return self.timings


def normalised_decisions(decisions):
    """Decisions as {(a, b): same_person} with a < b (the last word on a pair wins)."""
    result = {}
    for card_a, card_b, same in decisions:
        a, b = int(card_a), int(card_b)
        if a == b:
            continue
        result[(min(a, b), max(a, b))] = bool(same)
    return result


def quiet_splink():
    """Splink logs every SQL step at INFO; the linkage reports its own progress."""
    logging.getLogger("splink").setLevel(logging.WARNING)


def build_profiles(con, prepared, decided_cards):
    """Tables ``card_profile`` (card_id, profile_id) and ``profiles`` (profile_id = the smallest
    card id of the profile, node = 0..n-1, and the compared columns). Cards named in a decision are
    profiles of their own, so a decision about two identical-looking cards can still hold; so are
    cards with no name, birth date or passport, which identical blanks must not join."""
    con.register("prepared_arrow", prepared)
    con.register(
        "decided_arrow", pa.table({"card_id": pa.array(sorted(decided_cards), pa.int64())})
    )
    columns = ", ".join(PROFILE_COLUMNS)
    con.execute(
        f"""
        CREATE OR REPLACE TABLE card_profile AS
        SELECT p.*, min(p.card_id) OVER (
            PARTITION BY {columns},
            CASE WHEN d.card_id IS NOT NULL
                   OR (p.sn IS NULL AND p.gn IS NULL AND p.birth IS NULL AND p.pp IS NULL)
                 THEN p.card_id ELSE 0 END
        ) AS profile_id
        FROM prepared_arrow p LEFT JOIN decided_arrow d USING (card_id)
        """
    ).fetchall()
    con.execute(
        f"""
        CREATE OR REPLACE TABLE profiles AS
        SELECT (row_number() OVER (ORDER BY card_id) - 1)::BIGINT AS node,
               card_id AS profile_id, {columns}
        FROM card_profile WHERE card_id = profile_id
        """
    ).fetchall()
    con.unregister("prepared_arrow")
    con.unregister("decided_arrow")


def exact_edges(con, table="profiles"):
    """Pairs of nodes joined by a certain key, as (lefts, rights) lists."""
    rows = con.sql(
        f"""
        SELECT node, other FROM (
            SELECT node, min(node) OVER (PARTITION BY pp, birth) AS other
            FROM {table} WHERE pp IS NOT NULL AND birth IS NOT NULL
            UNION ALL
            SELECT node, min(node) OVER (PARTITION BY sn, gn, pn, birth) AS other
            FROM {table}
            WHERE sn IS NOT NULL AND gn IS NOT NULL AND pn IS NOT NULL AND birth IS NOT NULL
        ) WHERE node <> other
        """
    ).to_arrow_table()
    return rows["node"].to_pylist(), rows["other"].to_pylist()


def splink_predictions(con, *, engine, spark, threshold, table="profiles", count=None):
    """Splink's scored pairs at or above ``threshold`` as an Arrow table
    (profile_id_l, profile_id_r, match_probability)."""
    from splink import Linker

    quiet_splink()
    count = (
        count
        if count is not None
        else con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
    )
    if count < 2:
        return pa.table(
            {
                "profile_id_l": pa.array([], pa.int64()),
                "profile_id_r": pa.array([], pa.int64()),
                "match_probability": pa.array([], pa.float64()),
            }
        )
    settings = model.settings(profiles=count)
    if engine == "spark":
        from rohnamo.crossings.linkage.spark import spark_api

        profiles = con.sql(
            f"SELECT profile_id, {', '.join(PROFILE_COLUMNS)} FROM {table}"
        ).to_arrow_table()
        db_api, frame = spark_api(spark, profiles)
    elif engine == "duckdb":
        from splink import DuckDBAPI

        db_api = DuckDBAPI(connection=con)
        frame = db_api.register(table)
    else:
        raise ValueError(f"unknown linkage engine: {engine}")
    linker = Linker(frame, settings, log_level=None)
    predictions = linker.inference.predict(threshold_match_probability=threshold)
    result = predictions.as_pyarrow_table()
    result = result.select(["profile_id_l", "profile_id_r", "match_probability"])
    predictions.drop_table_from_database_and_remove_from_cache()
    return result


def link_cards(
    cards,
    *,
    decisions=(),
    engine="duckdb",
    review_band=(0.5, 0.95),
    progress=None,
    spark=None,
    threshold=DEFAULT_THRESHOLD,
):
    """Link ``cards`` (a pyarrow.Table with ``LINKAGE_COLUMNS``) into persons.

    ``decisions`` are (card_a, card_b, same_person) and win over the model; pairs scored within
    ``review_band`` and not decided are returned for review; ``threshold`` is the probability from
    which the model joins a pair by itself. ``engine`` is "duckdb" or "spark" (``spark`` may pass a
    SparkSession; a local one is started otherwise).
    """
    check_columns(cards)
    steps = _Steps(progress, ["normalise", "profiles", "exact", "splink", "cluster", "review"])
    steps.step("normalise")
    prepared = prepare(cards)
    decided = normalised_decisions(decisions)
    decided_cards = {card for pair in decided for card in pair}

    steps.step("profiles")
    con = duckdb.connect()
    try:
        build_profiles(con, prepared, decided_cards)
        del prepared
        profile_count = con.execute("SELECT count(*) FROM profiles").fetchall()[0][0]

        steps.step("exact")
        clusters = ConstrainedClusters(profile_count)
        node_of = _decided_nodes(con, decided_cards)
        conflicts = _apply_decisions(clusters, decided, node_of)
        lefts, rights = exact_edges(con)
        clusters.union_all(lefts, rights)
        exact_pairs = len(lefts)
        exact_clusters = len(set(clusters.roots()))
        del lefts, rights

        steps.step("splink")
        low = min(review_band[0], threshold)
        predictions = splink_predictions(
            con, engine=engine, spark=spark, threshold=low, count=profile_count
        )
        con.register("predictions_arrow", predictions)
        con.execute(
            """
            CREATE OR REPLACE TABLE predictions AS
            SELECT l.node AS node_l, r.node AS node_r, p.profile_id_l, p.profile_id_r,
                   p.match_probability
            FROM predictions_arrow p
            JOIN profiles l ON l.profile_id = p.profile_id_l
            JOIN profiles r ON r.profile_id = p.profile_id_r
            """
        )
        con.unregister("predictions_arrow")
        scored = len(predictions)
        del predictions

        steps.step("cluster")
        joined = con.sql(
            "SELECT node_l, node_r FROM predictions WHERE match_probability >= ? "
            "ORDER BY match_probability DESC",
            params=[threshold],
        ).to_arrow_table()
        clusters.union_all(joined["node_l"].to_pylist(), joined["node_r"].to_pylist())
        del joined
        roots = clusters.roots()
        con.register("roots_arrow", pa.table({"root": pa.array(roots, pa.int64())}))
        con.execute(
            """
            CREATE OR REPLACE TABLE node_root AS
            SELECT (row_number() OVER () - 1)::BIGINT AS node, root FROM roots_arrow
            """
        )
        con.unregister("roots_arrow")
        del roots
        con.execute(
            """
            CREATE OR REPLACE TABLE card_cluster AS
            SELECT c.card_id, min(c.card_id) OVER (PARTITION BY nr.root) AS cluster_id
            FROM card_profile c
            JOIN profiles p ON p.profile_id = c.profile_id
            JOIN node_root nr ON nr.node = p.node
            """
        )
        result_clusters = con.sql(
            "SELECT card_id, cluster_id FROM card_cluster ORDER BY card_id"
        ).to_arrow_table()

        steps.step("review")
        review = review_pairs(con, review_band=review_band, decided=decided)
        persons = con.execute("SELECT count(DISTINCT cluster_id) FROM card_cluster").fetchall()[0][
            0
        ]
    finally:
        con.close()
    timings = steps.finish()
    metrics = {
        "engine": engine,
        "cards": result_clusters.num_rows,
        "profiles": profile_count,
        "exact_pairs": exact_pairs,
        "exact_clusters": exact_clusters,
        "scored_pairs": scored,
        "threshold": threshold,
        "review_pairs": len(review),
        "decisions": len(decided),
        "decisions_conflicting": conflicts,
        "joins_refused": clusters.refused,
        "persons": persons,
        "timings": timings,
    }
    return LinkageResult(clusters=result_clusters, review_pairs=review, metrics=metrics)


def _decided_nodes(con, decided_cards):
    if not decided_cards:
        return {}
    con.register(
        "decided_lookup", pa.table({"card_id": pa.array(sorted(decided_cards), pa.int64())})
    )
    rows = con.execute(
        "SELECT p.profile_id, p.node FROM profiles p JOIN decided_lookup d "
        "ON d.card_id = p.profile_id"
    ).fetchall()
    con.unregister("decided_lookup")
    return dict(rows)


def _apply_decisions(clusters, decided, node_of):
    """Forced merges first, then separations; returns how many separations could not hold
    because merges already joined the two cards."""
    for (a, b), same in decided.items():
        if same and a in node_of and b in node_of:
            clusters.union(node_of[a], node_of[b])
    conflicts = 0
    for (a, b), same in decided.items():
        if (
            not same
            and a in node_of
            and b in node_of
            and not clusters.forbid(node_of[a], node_of[b])
        ):
            conflicts += 1
    return conflicts


def review_pairs(con, *, review_band, decided):
    """The undecided pairs scored within the band, one per pair of clusters (the most probable),
    as (card_a, card_b, probability) with card_a < card_b, most uncertain first."""
    low, high = review_band
    rows = con.execute(
        """
        WITH banded AS (
            SELECT least(p.profile_id_l, p.profile_id_r) AS card_a,
                   greatest(p.profile_id_l, p.profile_id_r) AS card_b,
                   p.match_probability,
                   least(cl.cluster_id, cr.cluster_id) AS cluster_a,
                   greatest(cl.cluster_id, cr.cluster_id) AS cluster_b
            FROM predictions p
            JOIN card_cluster cl ON cl.card_id = p.profile_id_l
            JOIN card_cluster cr ON cr.card_id = p.profile_id_r
            WHERE p.match_probability >= ? AND p.match_probability < ?
        )
        SELECT card_a, card_b, match_probability FROM banded
        QUALIFY row_number() OVER (
            PARTITION BY cluster_a, cluster_b ORDER BY match_probability DESC, card_a, card_b
        ) = 1
        ORDER BY abs(match_probability - 0.5), card_a, card_b
        """,
        [low, high],
    ).fetchall()
    return [(a, b, float(probability)) for a, b, probability in rows if (a, b) not in decided]
