import pyarrow as pa
import pytest

from rohnamo.crossings.linkage import LINKAGE_COLUMNS, link_cards
from rohnamo.crossings.linkage.quality import pairwise_scores
from rohnamo.crossings.synthetic import generate_cards, linkage_table


@pytest.fixture(scope="module")
def generated():
    return linkage_table(generate_cards(cards=2000, seed=21))


def cards_of(table):
    return table.select(LINKAGE_COLUMNS)


def test_a_small_linkage_finds_the_true_persons(generated):
    result = link_cards(cards_of(generated))
    scores = pairwise_scores(result.clusters, generated.select(["card_id", "true_person"]))
    assert scores["f1"] > 0.97
    assert abs(scores["person_count_error_pct"]) < 3
    assert result.metrics["persons"] == scores["persons"]


def test_every_card_is_in_exactly_one_cluster(generated):
    result = link_cards(cards_of(generated))
    ids = result.clusters["card_id"].to_pylist()
    assert sorted(ids) == sorted(generated["card_id"].to_pylist())
    assert len(set(ids)) == len(ids)
    assert result.clusters.schema.field("cluster_id").type == pa.int64()


def test_review_pairs_lie_in_the_band_with_the_smaller_card_first(generated):
    result = link_cards(cards_of(generated), review_band=(0.3, 0.99))
    assert result.review_pairs
    for card_a, card_b, probability in result.review_pairs:
        assert card_a < card_b
        assert 0.3 <= probability < 0.99


def test_the_same_person_in_three_scripts_is_one_cluster():
    rows = [
        ("Ҳамидов", "Ҷамшед", "Раҳимович", "400123456"),
        ("Хамидов", "Джамшед", "Рахимович", "400123456"),
        ("KHAMIDOV", "JAMSHED", "RAKHIMOVICH", ""),
    ]
    table = pa.table(
        {
            "card_id": pa.array([1, 2, 3], pa.int64()),
            "surname": [row[0] for row in rows],
            "given_name": [row[1] for row in rows],
            "patronymic": [row[2] for row in rows],
            "sex": ["M", "M", "M"],
            "birth_date": pa.array([pa.scalar(19000, pa.date32()).as_py()] * 3, pa.date32()),
            "passport_number": [row[3] for row in rows],
            "district": ["sughd-khujand"] * 3,
            "citizenship": ["TJ"] * 3,
            "crossing_date": pa.array([pa.scalar(19500, pa.date32()).as_py()] * 3, pa.date32()),
            "direction": ["exit", "entry", "exit"],
        }
    )
    result = link_cards(table)
    assert len(set(result.clusters["cluster_id"].to_pylist())) == 1


def test_cards_with_no_names_or_dates_still_get_a_cluster():
    table = pa.table(
        {
            "card_id": pa.array([5, 6], pa.int64()),
            "surname": ["", None],
            "given_name": ["", None],
            "patronymic": ["", None],
            "sex": ["", None],
            "birth_date": pa.array([None, None], pa.date32()),
            "passport_number": ["", None],
            "district": [None, ""],
            "citizenship": [None, None],
            "crossing_date": pa.array([None, None], pa.date32()),
            "direction": ["exit", "entry"],
        }
    )
    result = link_cards(table)
    assert dict(zip(*result.clusters.to_pydict().values(), strict=True)) == {5: 5, 6: 6}


def test_missing_columns_are_named_in_the_error():
    with pytest.raises(ValueError, match="passport_number"):
        link_cards(pa.table({"card_id": pa.array([1], pa.int64())}))


def test_progress_is_reported_step_by_step(generated):
    steps = []
    link_cards(cards_of(generated).slice(0, 300), progress=lambda name, f: steps.append((name, f)))
    assert steps[0] == ("normalise", 0.0)
    assert steps[-1] == ("done", 1.0)
    assert [f for _name, f in steps] == sorted(f for _name, f in steps)
