"""Placing new cards among persons already linked, without re-running the whole history.

The existing cards are reduced to profiles that remember their person; Splink compares each new
card with those profiles and with the other new cards (link-only, so the history is never compared
with itself). A new card joins the person of its best pair at or above the threshold; new cards of
an unknown person group among themselves under a fresh negative id. Known persons are never
merged here (that is the full run's job), and decisions hold as in the full run.
"""

import duckdb
import pyarrow as pa

from rohnamo.crossings.linkage import model
from rohnamo.crossings.linkage.clusters import ConstrainedClusters
from rohnamo.crossings.linkage.engine import (
    DEFAULT_THRESHOLD,
    PROFILE_COLUMNS,
    LinkageResult,
    _Steps,
    normalised_decisions,
    quiet_splink,
)
from rohnamo.crossings.linkage.prepare import check_columns, prepare

COLUMNS = ", ".join(PROFILE_COLUMNS)


def link_new_cards(
    existing,
    new,
    *,
    decisions=(),
    review_band=(0.5, 0.95),
    progress=None,
    threshold=DEFAULT_THRESHOLD,
):
    """Place ``new`` cards among the persons of ``existing`` (``LINKAGE_COLUMNS`` + person_id).

    The clusters cover the new cards only: ``cluster_id`` is an existing person_id when the card
    belongs to a known person, else a fresh negative id (-1, -2, ...) per new person.
    """
    check_columns(existing, extra=("person_id",))
    check_columns(new)
    steps = _Steps(progress, ["normalise", "profiles", "splink", "cluster", "review"])
    steps.step("normalise")
    decided = normalised_decisions(decisions)
    new_prepared = prepare(new)
    existing_prepared = prepare(existing).append_column(
        "person_id", existing["person_id"].cast(pa.int64())
    )

    steps.step("profiles")
    con = duckdb.connect()
    try:
        con.register("new_arrow", new_prepared)
        con.register("existing_arrow", existing_prepared)
        con.execute(
            f"""
            CREATE TABLE existing_profiles AS
            SELECT min(card_id) AS profile_id, person_id, {COLUMNS}
            FROM existing_arrow GROUP BY person_id, {COLUMNS}
            """
        ).fetchall()
        con.execute(
            f"""
            CREATE TABLE new_cards AS
            SELECT (row_number() OVER (ORDER BY card_id) - 1)::BIGINT AS node,
                   card_id AS profile_id, {COLUMNS}
            FROM new_arrow
            """
        ).fetchall()
        con.execute(f"CREATE VIEW new_compared AS SELECT profile_id, {COLUMNS} FROM new_cards")
        # Only the profiles that share a blocking key with a new card can be compared: picking
        # them first keeps Splink's work proportional to the new cards, not to the history.
        shared = " UNION ".join(
            "SELECT e.profile_id FROM existing_profiles e SEMI JOIN new_cards n ON "
            + " AND ".join(f"e.{c} = n.{c}" for c in rule)
            for rule in model.BLOCKING_RULES
        )
        con.execute(
            f"""
            CREATE TABLE candidates AS
            SELECT profile_id, {COLUMNS} FROM existing_profiles
            WHERE profile_id IN ({shared})
            UNION ALL SELECT profile_id, {COLUMNS} FROM new_cards
            """
        ).fetchall()
        # Existing cards named in a decision: their person, so a decision can be honoured even
        # when the card is not its profile's representative.
        card_person = {}
        for pair in decided:
            card_person.update(dict.fromkeys(pair))
        if card_person:
            con.register(
                "decided_cards", pa.table({"card_id": pa.array(list(card_person), pa.int64())})
            )
            for card_id, person_id in con.execute(
                "SELECT e.card_id, e.person_id FROM existing_arrow e "
                "JOIN decided_cards d USING (card_id)"
            ).fetchall():
                card_person[card_id] = person_id
        new_count = con.execute("SELECT count(*) FROM new_cards").fetchall()[0][0]
        candidate_count = con.execute("SELECT count(*) FROM candidates").fetchall()[0][0]
        existing_count = con.execute("SELECT count(*) FROM existing_profiles").fetchall()[0][0]

        steps.step("splink")
        low = min(review_band[0], threshold)
        pairs = _score(con, low=low, profiles=existing_count + new_count)
        exact = _exact_pairs(con)

        steps.step("cluster")
        result, scored = _cluster(
            con, pairs=pairs, exact=exact, threshold=threshold, decided=decided,
            card_person=card_person, new_count=new_count,
        )  # fmt: skip

        steps.step("review")
        review = _review(pairs, review_band=review_band, decided=decided)
    finally:
        con.close()
    timings = steps.finish()
    persons_known = sum(1 for value in result["cluster_id"].to_pylist() if value >= 0)
    metrics = {
        "cards": result.num_rows,
        "existing_profiles": existing_count,
        "candidate_profiles": candidate_count - new_count,
        "scored_pairs": scored,
        "threshold": threshold,
        "cards_of_known_persons": persons_known,
        "new_persons": len({value for value in result["cluster_id"].to_pylist() if value < 0}),
        "review_pairs": len(review),
        "decisions": len(decided),
        "timings": timings,
    }
    return LinkageResult(clusters=result, review_pairs=review, metrics=metrics)


def _score(con, *, low, profiles):
    """Splink's pairs (new card, candidate) at or above ``low`` as rows
    (new card id, candidate profile id, probability); self-pairs removed."""
    from splink import DuckDBAPI, Linker

    quiet_splink()
    db_api = DuckDBAPI(connection=con)
    new_frame = db_api.register("new_compared", dataset_display_name="new")
    candidate_frame = db_api.register("candidates", dataset_display_name="candidates")
    settings = model.settings(profiles=profiles, link_type="link_only")
    linker = Linker([new_frame, candidate_frame], settings, log_level=None)
    predictions = linker.inference.predict(threshold_match_probability=low)
    table = predictions.as_pyarrow_table()
    predictions.drop_table_from_database_and_remove_from_cache()
    left_is_new = [source == "new" for source in table["source_dataset_l"].to_pylist()]
    lefts = table["profile_id_l"].to_pylist()
    rights = table["profile_id_r"].to_pylist()
    probabilities = table["match_probability"].to_pylist()
    rows = []
    for is_new, left, right, probability in zip(
        left_is_new, lefts, rights, probabilities, strict=True
    ):
        new_card, candidate = (left, right) if is_new else (right, left)
        if new_card != candidate:
            rows.append((new_card, candidate, probability))
    return rows


def _exact_pairs(con):
    """(new card, candidate) pairs on the certain keys (passport + birth date, or all names +
    birth date), which the full run joins whatever the score."""
    return con.execute(
        """
        SELECT n.profile_id, c.profile_id FROM new_cards n JOIN candidates c
          ON n.pp = c.pp AND n.birth = c.birth
        WHERE n.profile_id <> c.profile_id
        UNION
        SELECT n.profile_id, c.profile_id FROM new_cards n JOIN candidates c
          ON n.sn = c.sn AND n.gn = c.gn AND n.pn = c.pn AND n.birth = c.birth
        WHERE n.profile_id <> c.profile_id
        """
    ).fetchall()


def _cluster(con, *, pairs, exact, threshold, decided, card_person, new_count):
    """Union new cards with each other and with persons, strongest first; returns the clusters
    table and the number of scored pairs used."""
    node_of_new = dict(con.execute("SELECT profile_id, node FROM new_cards").fetchall())
    person_of_profile = dict(
        con.execute(
            "SELECT e.profile_id, e.person_id FROM existing_profiles e "
            "SEMI JOIN candidates c ON c.profile_id = e.profile_id"
        ).fetchall()
    )
    person_node = {}

    def node(candidate):
        if candidate in node_of_new:
            return node_of_new[candidate]
        person = person_of_profile.get(candidate, card_person.get(candidate))
        if person is None:
            return None
        if person not in person_node:
            person_node[person] = new_count + len(person_node)
        return person_node[person]

    edges = [(1.0, a, b) for a, b in exact]
    edges += [(p, a, b) for a, b, p in pairs if p >= threshold]
    edges.sort(key=lambda edge: -edge[0])
    # Resolve node numbers first so the union-find knows every node.
    resolved = []
    forced = []
    separated = []
    for (a, b), same in decided.items():
        if a not in node_of_new and b not in node_of_new:
            continue
        na, nb = node(a), node(b)
        if na is not None and nb is not None:
            (forced if same else separated).append((na, nb))
    for _probability, a, b in edges:
        na, nb = node_of_new.get(a), node(b)
        if na is not None and nb is not None:
            resolved.append((na, nb))
    count = new_count + len(person_node)
    anchors = {index: person for person, index in person_node.items()}
    clusters = ConstrainedClusters(count, anchors=anchors)
    for na, nb in forced:
        clusters.union(na, nb)
    for na, nb in separated:
        clusters.forbid(na, nb)
    for na, nb in resolved:
        clusters.union(na, nb)
    cards = [card for card, _node in sorted(node_of_new.items(), key=lambda item: item[1])]
    fresh = {}
    cluster_ids = []
    for index in range(new_count):
        root = clusters.find(index)
        person = clusters.anchors.get(root)
        if person is None:
            person = fresh.setdefault(root, -(len(fresh) + 1))
        cluster_ids.append(person)
    table = pa.table(
        {"card_id": pa.array(cards, pa.int64()), "cluster_id": pa.array(cluster_ids, pa.int64())}
    )
    return table, len(resolved)


def _review(pairs, *, review_band, decided):
    low, high = review_band
    best = {}
    for new_card, candidate, probability in pairs:
        if not low <= probability < high:
            continue
        key = (min(new_card, candidate), max(new_card, candidate))
        if key in decided:
            continue
        if probability > best.get(key, -1.0):
            best[key] = probability
    return sorted(
        ((a, b, probability) for (a, b), probability in best.items()),
        key=lambda row: (abs(row[2] - 0.5), row[0], row[1]),
    )
