"""Estimating the model's m and u probabilities from cards whose true persons are known.

Run once on generated cards (``bench/crossings_linkage.py --train``); the figures it prints are
pasted into ``model.TRAINED``, so linkage runs spend no time on training. u comes from random
pairs, m from the pairs of one true person (Splink's label-column estimate).
"""

import duckdb

from rohnamo.crossings.linkage import model
from rohnamo.crossings.linkage.engine import PROFILE_COLUMNS, build_profiles, quiet_splink
from rohnamo.crossings.linkage.prepare import prepare


def train(cards, *, u_pairs=5_000_000, seed=1):
    """m/u per comparison and level (the ``model.TRAINED`` shape) and the matches per profile,
    from ``cards`` (``LINKAGE_COLUMNS`` + ``true_person``)."""
    from splink import DuckDBAPI, Linker

    quiet_splink()
    con = duckdb.connect()
    prepared = prepare(cards)
    build_profiles(con, prepared, set())
    con.register("truth_arrow", cards.select(["card_id", "true_person"]))
    con.execute(
        f"""
        CREATE TABLE labelled AS
        SELECT p.profile_id, {", ".join("p." + c for c in PROFILE_COLUMNS)},
               min(t.true_person) AS true_person
        FROM profiles p JOIN card_profile c ON c.profile_id = p.profile_id
        JOIN truth_arrow t ON t.card_id = c.card_id
        GROUP BY p.profile_id, {", ".join("p." + c for c in PROFILE_COLUMNS)}
        """
    ).fetchall()
    count, pairs = con.execute(
        "SELECT sum(n), sum(n * (n - 1) / 2) FROM "
        "(SELECT count(*) AS n FROM labelled GROUP BY true_person)"
    ).fetchall()[0]
    db_api = DuckDBAPI(connection=con)
    frame = db_api.register("labelled")
    settings = model.settings(profiles=count, trained=None)
    linker = Linker(frame, settings, log_level=None)
    linker.training.estimate_u_using_random_sampling(max_pairs=u_pairs, seed=seed)
    linker.training.estimate_m_from_label_column("true_person")
    saved = linker.misc.save_model_to_json()
    trained = {}
    for comparison in saved["comparisons"]:
        levels = [
            level for level in comparison["comparison_levels"] if not level.get("is_null_level")
        ]
        trained[comparison["output_column_name"]] = {
            "m": [round(level.get("m_probability", 0.0) or 1e-6, 6) for level in levels],
            "u": [round(level.get("u_probability", 0.0) or 1e-7, 7) for level in levels],
        }
    con.close()
    return {"trained": trained, "matches_per_profile": round(float(pairs) / float(count), 4)}
