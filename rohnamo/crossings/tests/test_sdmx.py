"""The SDMX-CSV export: the documented header, and each count one observation."""

import csv
import datetime
import io

import pytest

from rohnamo.crossings.statistics.periods import HALF, QUARTER, YEAR, Period
from rohnamo.crossings.statistics.sdmx import sdmx_csv
from rohnamo.crossings.statistics.tables import (
    departures_and_returns,
    departures_by_age,
    form_1t,
    public_table,
)
from rohnamo.crossings.tests.test_tables import Cards

D = datetime.date
HEADER = (
    "DATAFLOW,FREQ,REF_AREA,FLOW,PURPOSE,SEX,AGE,COUNTERPART_AREA,RESIDENCE,STAY,MEASURE,"
    "TIME_PERIOD,OBS_VALUE,OBS_STATUS"
)


@pytest.fixture
def story(db):
    cards = Cards()
    for number in range(6):
        cards.leaves(cards.person("M", birth_date=D(1990, 1, 1)), D(2026, 1, 10 + number))
    cards.leaves(cards.person("F"), D(2026, 2, 1), country="KZ", purpose="work")
    cards.leaves(cards.person("M"), D(2025, 2, 1))
    return cards


def _rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_the_file_starts_with_the_sdmx_csv_header(story):
    text = sdmx_csv([departures_and_returns(period=Period(QUARTER, 2026, 1))])
    assert text.splitlines()[0] == HEADER


def test_a_count_is_one_observation_with_every_dimension(story):
    rows = _rows(sdmx_csv([departures_and_returns(period=Period(QUARTER, 2026, 1))]))
    men_to_russia = [
        row
        for row in rows
        if row["COUNTERPART_AREA"] == "RU"
        and row["SEX"] == "M"
        and row["FLOW"] == "DEP"
        and row["MEASURE"] == "PERSONS"
        and row["TIME_PERIOD"] == "2026-Q1"
    ]
    assert men_to_russia == [
        {
            "DATAFLOW": "RTJ:MIGR_CROSSINGS(1.0)",
            "FREQ": "Q",
            "REF_AREA": "TJ",
            "FLOW": "DEP",
            "PURPOSE": "_T",
            "SEX": "M",
            "AGE": "_T",
            "COUNTERPART_AREA": "RU",
            "RESIDENCE": "_T",
            "STAY": "_Z",
            "MEASURE": "PERSONS",
            "TIME_PERIOD": "2026-Q1",
            "OBS_VALUE": "6",
            "OBS_STATUS": "A",
        }
    ]


def test_the_year_earlier_counts_are_observations_and_the_changes_are_not(story):
    rows = _rows(sdmx_csv([departures_and_returns(period=Period(QUARTER, 2026, 1))]))
    assert {row["TIME_PERIOD"] for row in rows} == {"2026-Q1", "2025-Q1"}
    # 3 rows (Russia, Kazakhstan, total) × 2 flows × 3 sexes × 2 measures × 2 quarters.
    assert len(rows) == 3 * 2 * 3 * 2 * 2
    total = next(
        row
        for row in rows
        if row["COUNTERPART_AREA"] == "_T"
        and row["SEX"] == "_T"
        and row["FLOW"] == "DEP"
        and row["MEASURE"] == "CROSSINGS"
        and row["TIME_PERIOD"] == "2025-Q1"
    )
    assert total["OBS_VALUE"] == "1"


def test_a_hidden_count_is_confidential_with_no_value(story):
    rows = _rows(sdmx_csv([public_table(period=Period(QUARTER, 2026, 1))]))
    woman = next(
        row
        for row in rows
        if row["COUNTERPART_AREA"] == "KZ"
        and row["SEX"] == "F"
        and row["MEASURE"] == "PERSONS"
        and row["FLOW"] == "DEP"
    )
    assert (woman["OBS_VALUE"], woman["OBS_STATUS"]) == ("", "C")


def test_age_groups_years_and_half_years_have_their_codes(story):
    rows = _rows(
        sdmx_csv(
            [departures_by_age(period=Period(YEAR, 2026)), form_1t(period=Period(HALF, 2026, 1))]
        )
    )
    ages = {row["AGE"] for row in rows if row["PURPOSE"] == "_T"}
    assert ages == {"Y_LT18", "Y18T29", "Y30T59", "Y_GE60", "_U", "_T"}
    assert {row["FREQ"] for row in rows} == {"A", "S"}
    work = [row for row in rows if row["PURPOSE"] == "WORK" and row["OBS_VALUE"] == "1"]
    assert {row["TIME_PERIOD"] for row in work} == {"2026-S1"}
    assert {row["COUNTERPART_AREA"] for row in work} == {"KZ", "_T"}
