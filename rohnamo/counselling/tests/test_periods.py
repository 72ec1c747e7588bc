"""Reporting periods as people write them: "2026", "2026-Q1", "2026-03"."""

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from rohnamo.counselling.periods import (
    MONTH,
    QUARTER,
    YEAR,
    Period,
    parse_period,
    period_containing,
)

DUSHANBE = zoneinfo.ZoneInfo("Asia/Dushanbe")


def test_a_quarter_runs_from_its_first_to_its_last_day():
    period = parse_period("2026-Q1")
    assert period == Period(QUARTER, 2026, 1)
    assert (period.start, period.end) == (datetime.date(2026, 1, 1), datetime.date(2026, 3, 31))
    assert period.key == "2026-Q1"


def test_a_year_and_a_month_are_read_too():
    assert parse_period("2026").end == datetime.date(2026, 12, 31)
    february = parse_period("2024-02")
    assert (february.kind, february.number) == (MONTH, 2)
    assert february.end == datetime.date(2024, 2, 29)
    assert parse_period(" 2026-q4 ") == Period(QUARTER, 2026, 4)
    assert parse_period("2026-3").key == "2026-03"


def test_the_same_period_a_year_earlier():
    assert parse_period("2026-Q1").previous_year() == Period(QUARTER, 2025, 1)
    assert parse_period("2026").previous_year() == Period(YEAR, 2025)


def test_periods_step_over_the_turn_of_the_year():
    assert Period(QUARTER, 2026, 1).shifted(-1) == Period(QUARTER, 2025, 4)
    assert Period(MONTH, 2025, 12).shifted(1) == Period(MONTH, 2026, 1)
    assert Period(YEAR, 2026).shifted(-1) == Period(YEAR, 2025)


def test_the_datetime_range_is_whole_days_in_dushanbe():
    start, after = parse_period("2026-Q1").datetime_range()
    assert start == datetime.datetime(2026, 1, 1, tzinfo=DUSHANBE)
    assert after == datetime.datetime(2026, 4, 1, tzinfo=DUSHANBE)
    # Dushanbe is UTC+5: the quarter ends at 19:00 UTC on 31 March.
    assert after.astimezone(datetime.UTC) == datetime.datetime(2026, 3, 31, 19, tzinfo=datetime.UTC)


def test_the_trend_covers_the_twelve_months_ending_with_the_period():
    months = parse_period("2026-Q1").trailing_months()
    assert [label for label, _start, _after in months] == [
        "2025-04",
        "2025-05",
        "2025-06",
        "2025-07",
        "2025-08",
        "2025-09",
        "2025-10",
        "2025-11",
        "2025-12",
        "2026-01",
        "2026-02",
        "2026-03",
    ]
    assert months[-1][2] == datetime.datetime(2026, 4, 1, tzinfo=DUSHANBE)


def test_labels_are_in_the_readers_language():
    with translation.override("en"):
        assert parse_period("2026-Q1").label == "First quarter of 2026"
        assert parse_period("2026-03").label == "March 2026"
        assert parse_period("2026").label == "Year 2026"


def test_a_day_falls_in_its_quarter():
    assert period_containing(datetime.date(2026, 3, 31), QUARTER) == Period(QUARTER, 2026, 1)
    assert period_containing(datetime.date(2026, 4, 1), QUARTER) == Period(QUARTER, 2026, 2)


@pytest.mark.parametrize("text", ["", "2026-Q5", "2026-13", "2026-00", "26", "Q1 2026", "abc"])
def test_a_period_that_cannot_be_read_is_refused_with_the_forms_to_use(text):
    with translation.override("en"), pytest.raises(ValidationError) as raised:
        parse_period(text)
    assert (
        "Write a year (2026), a quarter (2026-Q1) or a month (2026-03)" in raised.value.messages[0]
    )


def test_a_year_outside_the_centres_records_is_refused():
    with translation.override("en"), pytest.raises(ValidationError) as raised:
        parse_period("1066")
    assert raised.value.messages == ["Choose a year from 2000 to 2100."]
