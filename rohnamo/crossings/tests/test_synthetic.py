import collections
import csv
from datetime import date

from rohnamo.crossings.synthetic import CARD_COLUMNS, generate_cards, write_csv


def test_the_same_seed_gives_the_same_cards():
    first = list(generate_cards(cards=500, seed=4))
    second = list(generate_cards(cards=500, seed=4))
    assert first == second
    assert first != list(generate_cards(cards=500, seed=5))


def test_each_card_has_the_documented_columns_as_strings_and_the_truth():
    rows = list(generate_cards(cards=200, seed=1))
    assert len(rows) == 200
    for row in rows:
        assert list(row)[: len(CARD_COLUMNS)] == CARD_COLUMNS
        assert all(isinstance(row[column], str) for column in CARD_COLUMNS)
        assert isinstance(row["true_person"], int)
        assert row["direction"] in ("exit", "entry")
        assert row["card_number"] and row["crossing_date"] and row["crossing_point"]


def test_cards_use_three_scripts_and_dotted_dates_from_some_sources():
    rows = list(generate_cards(cards=3000, seed=2))
    surnames = [row["surname"] for row in rows if row["surname"]]
    assert any(any(letter in name for letter in "ҳҷғқӯӣҲҶҒҚӮӢ") for name in surnames)
    assert any(name.isascii() for name in surnames)
    assert any("." in row["crossing_date"] for row in rows)
    assert any("-" in row["crossing_date"] for row in rows)


def test_rates_of_returns_passports_women_and_destinations_are_realistic():
    rows = list(generate_cards(cards=30_000, seed=3, start=date(2023, 1, 1), end=date(2026, 6, 30)))
    by_person = collections.defaultdict(list)
    for row in rows:
        by_person[row["true_person"]].append(row)
    # An exit followed by another exit lost its return card.
    exits_followed = lost = 0
    passports_changed = 0
    for cards in by_person.values():
        directions = [card["direction"] for card in cards]
        for before, after in zip(directions, directions[1:], strict=False):
            if before == "exit":
                exits_followed += 1
                lost += after == "exit"
        numbers = {card["passport_number"].replace(" ", "") for card in cards}
        numbers.discard("")
        passports_changed += len(numbers) > 1
    # Lost returns show as an exit followed by another exit; about a fifth of the returns made
    # in the period have no card, so there are clearly fewer return cards than departure cards.
    assert lost > 0.03 * exits_followed
    exits = sum(row["direction"] == "exit" for row in rows)
    assert 0.6 < (len(rows) - exits) / exits < 0.85
    assert 0.05 < passports_changed / len(by_person) < 0.2
    cards_per_person = len(rows) / len(by_person)
    assert 1.9 < cards_per_person < 2.6
    women = sum(row["sex"] == "F" for row in rows) / len(rows)
    assert 0.1 < women < 0.2
    russia = sum(row["country_code"] == "RU" for row in rows) / len(rows)
    assert 0.7 < russia < 0.9
    blank_births = sum(row["birth_date"] == "" for row in rows) / len(rows)
    assert 0.01 < blank_births < 0.06


def test_households_share_surname_and_district():
    rows = list(generate_cards(cards=5000, seed=6))
    persons = {}
    for row in rows:
        persons.setdefault(row["true_person"], row)
    numbers = sorted(persons)
    shared = sum(
        1
        for a, b in zip(numbers, numbers[1:], strict=False)
        if b == a + 1
        and persons[a]["district_code"] == persons[b]["district_code"]
        and persons[a]["district_code"]
    )
    assert shared > len(numbers) * 0.2


def test_write_csv_writes_the_documented_header_without_the_truth(tmp_path):
    path = tmp_path / "cards.csv"
    count = write_csv(generate_cards(cards=50, seed=1), path)
    with open(path, encoding="utf-8", newline="") as handle:
        lines = list(csv.reader(handle))
    assert count == 50
    assert lines[0] == CARD_COLUMNS
    assert len(lines) == 51
    assert "true_person" not in lines[0]


def test_write_csv_in_windows_1251_does_not_fail_on_tajik_letters(tmp_path):
    path = tmp_path / "cards.csv"
    write_csv(generate_cards(cards=300, seed=1), path, encoding="cp1251")
    assert path.read_bytes().decode("cp1251").startswith("card_number,")
