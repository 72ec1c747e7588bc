import pyarrow as pa
import pytest

from rohnamo.crossings.linkage import LINKAGE_COLUMNS, link_cards, link_new_cards
from rohnamo.crossings.synthetic import generate_cards, linkage_table


@pytest.fixture(scope="module")
def history():
    table = linkage_table(generate_cards(cards=2500, seed=41))
    old = table.slice(0, 2300)
    new = table.slice(2300)
    linked = link_cards(old.select(LINKAGE_COLUMNS))
    person_of = dict(
        zip(
            linked.clusters["card_id"].to_pylist(),
            linked.clusters["cluster_id"].to_pylist(),
            strict=True,
        )
    )
    existing = old.select(LINKAGE_COLUMNS).append_column(
        "person_id", pa.array([person_of[c] for c in old["card_id"].to_pylist()], pa.int64())
    )
    return old, new, existing


def test_a_new_card_of_a_known_person_joins_that_person(history):
    old, new, existing = history
    known = set(old["true_person"].to_pylist())
    truth_old = dict(zip(old["card_id"].to_pylist(), old["true_person"].to_pylist(), strict=True))
    person_truth = {}
    for card, person in zip(
        existing["card_id"].to_pylist(), existing["person_id"].to_pylist(), strict=True
    ):
        person_truth.setdefault(person, truth_old[card])
    result = link_new_cards(existing, new.select(LINKAGE_COLUMNS))
    placed = dict(
        zip(
            result.clusters["card_id"].to_pylist(),
            result.clusters["cluster_id"].to_pylist(),
            strict=True,
        )
    )
    truth_new = dict(zip(new["card_id"].to_pylist(), new["true_person"].to_pylist(), strict=True))
    of_known = [card for card, person in truth_new.items() if person in known]
    right = sum(1 for card in of_known if person_truth.get(placed[card]) == truth_new[card])
    assert of_known and right / len(of_known) > 0.95
    assert sorted(placed) == sorted(truth_new)


def test_an_unknown_person_gets_a_fresh_negative_id(history):
    _old, _new, existing = history
    stranger = pa.table(
        {
            "card_id": pa.array([900001, 900002], pa.int64()),
            "surname": ["Зиёев", "ZIYOEV"],
            "given_name": ["Ятим", "YATIM"],
            "patronymic": ["Қиёмович", "KIYOMOVICH"],
            "sex": ["M", "M"],
            "birth_date": pa.array([pa.scalar(1000, pa.date32()).as_py()] * 2, pa.date32()),
            "passport_number": ["499999991", "499999991"],
            "district": ["gbao-murghob", "gbao-murghob"],
            "citizenship": ["TJ", "TJ"],
            "crossing_date": pa.array([pa.scalar(20000, pa.date32()).as_py()] * 2, pa.date32()),
            "direction": ["exit", "entry"],
        }
    )
    result = link_new_cards(existing, stranger)
    assert result.clusters["cluster_id"].to_pylist() == [-1, -1]


def test_a_separation_keeps_a_new_card_out_of_a_person(history):
    _old, new, existing = history
    first = link_new_cards(existing, new.select(LINKAGE_COLUMNS))
    placed = dict(
        zip(
            first.clusters["card_id"].to_pylist(),
            first.clusters["cluster_id"].to_pylist(),
            strict=True,
        )
    )
    card, person = next((c, p) for c, p in placed.items() if p >= 0)
    person_card = existing.filter(pa.compute.equal(existing["person_id"], person))["card_id"][
        0
    ].as_py()
    again = link_new_cards(
        existing, new.select(LINKAGE_COLUMNS), decisions=[(card, person_card, False)]
    )
    placed_again = dict(
        zip(
            again.clusters["card_id"].to_pylist(),
            again.clusters["cluster_id"].to_pylist(),
            strict=True,
        )
    )
    assert placed_again[card] != person
