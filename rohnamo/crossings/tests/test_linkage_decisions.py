import pytest

from rohnamo.crossings.linkage import LINKAGE_COLUMNS, link_cards
from rohnamo.crossings.synthetic import generate_cards, linkage_table


@pytest.fixture(scope="module")
def cards():
    return linkage_table(generate_cards(cards=1500, seed=31)).select(LINKAGE_COLUMNS)


def cluster_of(result):
    return dict(
        zip(
            result.clusters["card_id"].to_pylist(),
            result.clusters["cluster_id"].to_pylist(),
            strict=True,
        )
    )


def a_linked_pair(result):
    by_cluster = {}
    for card, cluster in cluster_of(result).items():
        by_cluster.setdefault(cluster, []).append(card)
    return next(sorted(cards)[:2] for cards in by_cluster.values() if len(cards) >= 3)


def test_a_forced_split_holds_on_every_later_run(cards):
    first = link_cards(cards)
    card_a, card_b = a_linked_pair(first)
    decisions = [(card_a, card_b, False)]
    for _run in range(2):
        again = cluster_of(link_cards(cards, decisions=decisions))
        assert again[card_a] != again[card_b]


def test_a_forced_merge_holds_on_every_later_run(cards):
    first = cluster_of(link_cards(cards))
    card_a = 1
    card_b = next(card for card, cluster in first.items() if cluster != first[card_a])
    decisions = [(card_b, card_a, True)]
    for _run in range(2):
        again = cluster_of(link_cards(cards, decisions=decisions))
        assert again[card_a] == again[card_b]


def test_decided_pairs_never_come_back_for_review(cards):
    first = link_cards(cards, review_band=(0.2, 0.999))
    assert first.review_pairs
    decided = [(a, b, True) for a, b, _p in first.review_pairs[:3]]
    decided += [(a, b, False) for a, b, _p in first.review_pairs[3:6]]
    again = link_cards(cards, decisions=decided, review_band=(0.2, 0.999))
    asked = {(a, b) for a, b, _p in again.review_pairs}
    assert not asked & {(a, b) for a, b, _same in decided}
    clusters = cluster_of(again)
    for a, b, same in decided:
        assert (clusters[a] == clusters[b]) is same
