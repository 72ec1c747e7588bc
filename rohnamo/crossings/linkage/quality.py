"""Pairwise precision, recall and F1 of a clustering against the true persons.

Counting pairs of cards, not cards: a cluster of n cards claims n(n-1)/2 pairs; the true
positives are the pairs inside each (cluster, true person) group. Counts per group, never the
pairs themselves, so a million cards score in a second.
"""

import duckdb


def pairwise_scores(clusters, truth):
    """Scores of ``clusters`` (card_id, cluster_id) against ``truth`` (card_id, true_person):
    precision, recall, f1, persons found, true persons and the person-count error in percent."""
    con = duckdb.connect()
    try:
        con.register("clusters_arrow", clusters)
        con.register("truth_arrow", truth)
        row = con.execute(
            """
            WITH joined AS (
                SELECT c.cluster_id, t.true_person
                FROM clusters_arrow c JOIN truth_arrow t USING (card_id)
            ),
            by_cluster AS (SELECT count(*) AS n FROM joined GROUP BY cluster_id),
            by_person AS (SELECT count(*) AS n FROM joined GROUP BY true_person),
            by_both AS (SELECT count(*) AS n FROM joined GROUP BY cluster_id, true_person)
            SELECT
                (SELECT coalesce(sum(n * (n - 1) / 2), 0) FROM by_cluster),
                (SELECT coalesce(sum(n * (n - 1) / 2), 0) FROM by_person),
                (SELECT coalesce(sum(n * (n - 1) / 2), 0) FROM by_both),
                (SELECT count(*) FROM by_cluster),
                (SELECT count(*) FROM by_person)
            """
        ).fetchone()
    finally:
        con.close()
    predicted, actual, true_positive, persons, true_persons = (float(value) for value in row)
    precision = true_positive / predicted if predicted else 1.0
    recall = true_positive / actual if actual else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "persons": int(persons),
        "true_persons": int(true_persons),
        "person_count_error_pct": 100.0 * (persons - true_persons) / true_persons
        if true_persons
        else 0.0,
    }
