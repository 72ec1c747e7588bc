"""Public tables hide small counts, and the counts that would give them away."""

import datetime

from django.utils import translation

from rohnamo.crossings.statistics.exports import table_csv
from rohnamo.crossings.statistics.periods import QUARTER, Period
from rohnamo.crossings.statistics.structure import Cell, Column, Row, Table, fill_changes
from rohnamo.crossings.statistics.suppression import suppress
from rohnamo.crossings.statistics.tables import public_table
from rohnamo.crossings.tests.test_tables import Cards, cell

SEXES = ["M", "F", "_T"]


def _table(lines, *, previous=None):
    """Rows "A", "B", ... of men, women and total; the last line is the total row. With
    ``previous``, each row also holds the year-earlier counts and the change columns."""
    columns = [
        Column(path=(sex,), dims={"SEX": sex}, group=("now",), total=sex == "_T") for sex in SEXES
    ]
    if previous:
        columns += [
            Column(
                path=(sex, "then"), dims={"SEX": sex, "T": 0}, group=("then",), total=sex == "_T"
            )
            for sex in SEXES
        ]
        columns += [Column(path=(sex, "%"), change_of=(i, i + 3)) for i, sex in enumerate(SEXES)]
    rows = []
    for index, counts in enumerate(lines):
        counts = list(counts) + (list(previous[index]) if previous else [])
        cells = [Cell(n) for n in counts] + [Cell(None, kind="change")] * (3 if previous else 0)
        total = index == len(lines) - 1
        rows.append(
            Row(label="total" if total else "ABCDE"[index], dims={}, cells=cells, total=total)
        )
    return fill_changes(Table("t", "T", "", "", columns, rows))


def shown(table):
    return [[str(c) for c in row.cells] for row in table.rows]


def test_a_count_under_five_is_hidden_and_five_is_shown():
    table = suppress(_table([(3, 5, 8), (5, 5, 10), (8, 10, 18)]))
    assert shown(table)[1] == ["5", "5", "10"]
    assert shown(table)[0][0] == ".."
    assert table.rows[0].cells[0].status == "C"
    assert table.rows[1].cells[0].status == "A"


def test_a_lone_hidden_count_hides_its_row_total_and_its_column_total():
    table = suppress(_table([(3, 10, 13), (6, 6, 12), (7, 0, 7), (16, 16, 32)]))
    assert shown(table) == [
        ["..", "10", ".."],
        ["6", "6", "12"],
        ["7", "0", "7"],  # a zero is shown: nobody to protect
        ["..", "16", ".."],
    ]


def test_two_hidden_counts_in_a_row_need_no_more_hiding_across_it():
    table = suppress(_table([(2, 1, 3), (9, 9, 18), (11, 10, 21)]))
    assert shown(table)[0] == ["..", "..", ".."]
    # Each column has one hidden count: the totals under them go too.
    assert shown(table)[2] == ["..", "..", ".."]


def test_when_a_total_alone_is_hidden_a_part_goes_with_it():
    # Three travellers of unknown sex: the total is small while men and women show nothing.
    table = suppress(_table([(0, 0, 3), (10, 10, 20), (10, 10, 23)]))
    assert shown(table) == [["..", "0", ".."], ["10", "10", "20"], ["..", "10", ".."]]


def test_the_threshold_can_be_raised():
    table = suppress(_table([(6, 10, 16), (10, 10, 20), (16, 20, 36)]), threshold=10)
    assert shown(table)[0][0] == ".."
    assert shown(table)[1] == ["10", "10", "20"]


def test_a_change_computed_from_a_hidden_count_is_hidden_too():
    table = suppress(_table([(3, 10, 13), (13, 10, 23)], previous=[(6, 10, 16), (16, 10, 26)]))
    men_change, women_change = table.rows[0].cells[6], table.rows[0].cells[7]
    assert str(men_change) == ".." and men_change.status == "C"
    with translation.override("en"):
        assert str(women_change) == "0.0%"


def test_the_original_table_keeps_every_count():
    table = _table([(3, 5, 8), (3, 5, 8)])
    suppress(table)
    assert shown(table)[0] == ["3", "5", "8"]


def test_the_public_table_of_a_quarter_hides_three_and_shows_five(db):
    cards = Cards()
    for number in range(3):
        cards.leaves(cards.person("F"), datetime.date(2026, 1, 10 + number), country="KZ")
    for number in range(5):
        cards.leaves(cards.person("M"), datetime.date(2026, 2, 10 + number), country="KZ")
    for number in range(10):
        cards.leaves(cards.person("F"), datetime.date(2026, 2, 10 + number), country="RU")
    for number in range(10):
        cards.leaves(cards.person("M"), datetime.date(2026, 2, 10 + number), country="RU")
    with translation.override("en"):
        table = public_table(period=Period(QUARTER, 2026, 1))
    women = cell(table, "KZ", FLOW="DEP", SEX="F", MEASURE="PERSONS")
    men = cell(table, "KZ", FLOW="DEP", SEX="M", MEASURE="PERSONS")
    assert women.hidden and str(women) == ".."
    assert not men.hidden and men.value == 5
    # 8 in all would give the 3 away as 8 - 5.
    assert cell(table, "KZ", FLOW="DEP", SEX="_T", MEASURE="PERSONS").hidden
    with translation.override("en"):
        lines = table_csv(table).splitlines()
    assert lines[0].split(",")[1:3] == [
        "Departures · Men · Crossings",
        "Departures · Men · Persons",
    ]
    kazakhstan = next(line for line in lines if line.startswith("Kazakhstan"))
    # Men: crossings and persons; women and the total: hidden.
    assert kazakhstan.split(",")[1:7] == ["5", "5", "..", "..", "..", ".."]
