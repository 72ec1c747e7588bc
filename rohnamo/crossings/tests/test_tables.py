"""The official tables against figures counted by hand."""

import datetime
import random
from decimal import Decimal

import pytest
from django.utils import translation

from rohnamo.core.models import Country, District
from rohnamo.crossings.models import Crossing, CrossingPoint, ImportBatch, Person
from rohnamo.crossings.statistics.expressions import card_sex
from rohnamo.crossings.statistics.grouping_sets import supports_grouping_sets
from rohnamo.crossings.statistics.periods import HALF, QUARTER, YEAR, Period
from rohnamo.crossings.statistics.sdmx import AGE_GROUPS
from rohnamo.crossings.statistics.tables import (
    _count_by_age,
    _count_cards,
    departures_and_returns,
    departures_by_age,
    form_1t,
    persons_abroad,
    stays_by_length,
)
from rohnamo.crossings.trips import rebuild_trips

D = datetime.date
Q1_2026 = Period(QUARTER, 2026, 1)


class Cards:
    """Makes the cards and persons of a test story."""

    def __init__(self):
        self.batch = ImportBatch.objects.create(file_name="story.csv")
        self.point = CrossingPoint.objects.get(code="DYU")
        self.number = 0

    def person(self, sex="M", birth_date=None, district=None):
        return Person.objects.create(
            sex=sex,
            birth_date=birth_date,
            residence_district=District.objects.get(code=district) if district else None,
        )

    def card(self, person, direction, day, *, country="RU", **fields):
        self.number += 1
        return Crossing.objects.create(
            batch=self.batch,
            crossing_point=self.point,
            card_number=f"C{self.number:06d}",
            direction=direction,
            crossing_date=day,
            country=Country.objects.get(code=country) if country else None,
            person=person,
            **fields,
        )

    def leaves(self, person, *days, **fields):
        for day in days:
            self.card(person, "exit", day, **fields)

    def returns(self, person, *days, **fields):
        for day in days:
            self.card(person, "entry", day, **fields)


@pytest.fixture
def cards(db):
    return Cards()


def cell(table, row, **dims):
    """The cell of ``table`` in the row labelled (or with COUNTERPART_AREA/AGE/...) ``row`` and
    the column whose dimensions include ``dims``; ``change=True`` for the change column."""
    change = dims.pop("change", False)
    found = [r for r in table.rows if r.label == row or row in r.dims.values()]
    if row == "total":
        found = [table.total_row]
    assert len(found) == 1, f"no single row {row!r} in {[r.label for r in table.rows]}"
    for index, column in enumerate(table.columns):
        if change:
            if column.change_of and all(
                table.columns[column.change_of[0]].dims.get(k) == v for k, v in dims.items()
            ):
                return found[0].cells[index]
        elif column.dims and all(column.dims.get(k) == v for k, v in dims.items()):
            return found[0].cells[index]
    raise AssertionError(f"no column {dims}")


def value(table, row, **dims):
    return cell(table, row, **dims).value


@pytest.fixture
def first_quarters(cards):
    """Three persons make 5 departures to Russia in Q1 2026; two made 2 in Q1 2025."""
    anvar, bahodur = cards.person("M"), cards.person("M")
    zarina = cards.person("F")
    cards.leaves(anvar, D(2026, 1, 5), D(2026, 3, 1))
    cards.leaves(bahodur, D(2026, 2, 1), D(2026, 3, 31))
    cards.leaves(zarina, D(2026, 1, 20))
    karim = cards.person("M")
    cards.leaves(anvar, D(2025, 2, 2))
    cards.leaves(karim, D(2025, 1, 1))
    # Outside both quarters.
    cards.leaves(karim, D(2025, 4, 1), D(2025, 12, 31), D(2026, 4, 1))
    cards.returns(zarina, D(2026, 3, 15), country="KZ")
    return {"anvar": anvar, "zarina": zarina}


DEP_NOW = {"FLOW": "DEP", "TIME_PERIOD": "2026-Q1"}
DEP_THEN = {"FLOW": "DEP", "TIME_PERIOD": "2025-Q1"}


@pytest.mark.usefixtures("first_quarters")
def test_the_quarter_counts_departures_and_persons_against_a_year_earlier():
    table = departures_and_returns(period=Q1_2026)
    assert value(table, "RU", SEX="_T", MEASURE="CROSSINGS", **DEP_NOW) == 5
    assert value(table, "RU", SEX="_T", MEASURE="CROSSINGS", **DEP_THEN) == 2
    assert value(table, "RU", SEX="_T", MEASURE="CROSSINGS", FLOW="DEP", change=True) == Decimal(
        "150.0"
    )
    assert value(table, "RU", SEX="_T", MEASURE="PERSONS", **DEP_NOW) == 3
    assert value(table, "RU", SEX="_T", MEASURE="PERSONS", **DEP_THEN) == 2
    assert value(table, "RU", SEX="_T", MEASURE="PERSONS", FLOW="DEP", change=True) == Decimal(
        "50.0"
    )
    with translation.override("en"):
        assert str(cell(table, "RU", SEX="_T", MEASURE="PERSONS", FLOW="DEP", change=True)) == (
            "+50.0%"
        )


@pytest.mark.usefixtures("first_quarters")
def test_the_quarter_splits_by_sex_and_shows_no_change_from_nothing():
    table = departures_and_returns(period=Q1_2026)
    assert value(table, "RU", SEX="M", MEASURE="CROSSINGS", **DEP_NOW) == 4
    assert value(table, "RU", SEX="F", MEASURE="CROSSINGS", **DEP_NOW) == 1
    assert value(table, "RU", SEX="F", MEASURE="PERSONS", **DEP_THEN) == 0
    women = cell(table, "RU", SEX="F", MEASURE="CROSSINGS", FLOW="DEP", change=True)
    assert women.value is None and str(women) == "—"


@pytest.mark.usefixtures("first_quarters")
def test_returns_are_counted_by_the_country_arrived_from():
    table = departures_and_returns(period=Q1_2026)
    assert value(table, "KZ", SEX="F", MEASURE="CROSSINGS", FLOW="RET", TIME_PERIOD="2026-Q1") == 1
    assert value(table, "KZ", SEX="_T", MEASURE="CROSSINGS", **DEP_NOW) == 0
    assert value(table, "total", SEX="_T", MEASURE="CROSSINGS", **DEP_NOW) == 5
    # Russia, with the most departures, comes first; the total line last.
    assert [row.dims.get("COUNTERPART_AREA") for row in table.rows] == ["RU", "KZ", None]


def test_a_person_who_went_to_two_countries_is_one_person_in_the_total(cards):
    anvar = cards.person("M")
    cards.leaves(anvar, D(2026, 1, 5))
    cards.leaves(anvar, D(2026, 2, 5), country="KZ")
    table = departures_and_returns(period=Q1_2026)
    assert value(table, "RU", SEX="M", MEASURE="PERSONS", **DEP_NOW) == 1
    assert value(table, "KZ", SEX="M", MEASURE="PERSONS", **DEP_NOW) == 1
    assert value(table, "total", SEX="M", MEASURE="PERSONS", **DEP_NOW) == 1
    assert value(table, "total", SEX="M", MEASURE="CROSSINGS", **DEP_NOW) == 2


def test_cards_not_linked_yet_count_by_their_own_sex_each_as_a_person(cards):
    cards.leaves(None, D(2026, 1, 5), D(2026, 1, 6), sex="F")
    cards.leaves(None, D(2026, 1, 7), country=None)
    table = departures_and_returns(period=Q1_2026)
    assert value(table, "RU", SEX="F", MEASURE="PERSONS", **DEP_NOW) == 2
    with translation.override("en"):
        table = departures_and_returns(period=Q1_2026)
    assert value(table, "Country not stated", SEX="_T", MEASURE="PERSONS", **DEP_NOW) == 1
    # Neither a man nor a woman: in the total only.
    assert value(table, "Country not stated", SEX="M", MEASURE="PERSONS", **DEP_NOW) == 0


def test_a_card_without_a_sex_takes_the_persons(cards):
    zarina = cards.person("F")
    cards.leaves(zarina, D(2026, 1, 5))
    cards.leaves(zarina, D(2026, 2, 5), sex="F")
    table = departures_and_returns(period=Q1_2026)
    assert value(table, "RU", SEX="F", MEASURE="CROSSINGS", **DEP_NOW) == 2
    assert value(table, "RU", SEX="F", MEASURE="PERSONS", **DEP_NOW) == 1


def test_a_person_whose_cards_disagree_about_the_sex_is_one_person_in_the_total(cards):
    zarina = cards.person("F")
    cards.leaves(zarina, D(2026, 1, 5), sex="F")
    cards.leaves(zarina, D(2026, 2, 5), sex="M")  # written wrongly at the border
    table = departures_and_returns(period=Q1_2026)
    assert value(table, "RU", SEX="F", MEASURE="PERSONS", **DEP_NOW) == 1
    assert value(table, "RU", SEX="M", MEASURE="PERSONS", **DEP_NOW) == 1
    assert value(table, "RU", SEX="_T", MEASURE="PERSONS", **DEP_NOW) == 1
    assert value(table, "total", SEX="_T", MEASURE="PERSONS", **DEP_NOW) == 1
    assert value(table, "RU", SEX="_T", MEASURE="CROSSINGS", **DEP_NOW) == 2


def _born(years_before, day, days=0):
    return day.replace(year=day.year - years_before) + datetime.timedelta(days=days)


def test_the_age_group_is_the_age_on_the_day_of_departure_at_each_boundary(cards):
    day = D(2026, 5, 20)
    ages = {
        "Y_LT18": [_born(18, day, days=1)],  # 18 tomorrow
        "Y18T29": [_born(18, day), _born(30, day, days=1)],
        "Y30T59": [_born(30, day), _born(60, day, days=1)],
        "Y_GE60": [_born(60, day)],
    }
    for births in ages.values():
        for birth in births:
            cards.leaves(cards.person("M", birth_date=birth), day)
    cards.leaves(cards.person("F"), day)
    table = departures_by_age(period=Period(YEAR, 2026))
    assert value(table, "Y_LT18", SEX="M", MEASURE="CROSSINGS") == 1
    assert value(table, "Y18T29", SEX="M", MEASURE="CROSSINGS") == 2
    assert value(table, "Y30T59", SEX="M", MEASURE="CROSSINGS") == 2
    assert value(table, "Y_GE60", SEX="M", MEASURE="PERSONS") == 1
    assert value(table, "_U", SEX="F", MEASURE="PERSONS") == 1
    assert value(table, "total", SEX="_T", MEASURE="PERSONS") == 7


def test_a_birthday_between_two_departures_counts_the_person_in_both_groups_once_in_total(cards):
    farhod = cards.person("M", birth_date=D(2008, 6, 1))
    cards.leaves(farhod, D(2026, 5, 31), D(2026, 6, 1))
    table = departures_by_age(period=Period(YEAR, 2026))
    assert value(table, "Y_LT18", SEX="M", MEASURE="PERSONS") == 1
    assert value(table, "Y18T29", SEX="M", MEASURE="PERSONS") == 1
    assert value(table, "total", SEX="M", MEASURE="PERSONS") == 1
    assert value(table, "total", SEX="M", MEASURE="CROSSINGS") == 2


def test_an_unlinked_card_takes_its_own_birth_date_for_the_age_group(cards):
    cards.leaves(None, D(2026, 3, 1), birth_date=D(2000, 3, 1), sex="F")
    table = departures_by_age(period=Period(YEAR, 2026))
    assert value(table, "Y18T29", SEX="F", MEASURE="PERSONS") == 1


def test_form_1t_counts_citizens_leaving_for_work_in_the_half_year(cards):
    tajikistan, uzbekistan = Country.objects.get(code="TJ"), Country.objects.get(code="UZ")
    anvar, zarina, foreigner = cards.person("M"), cards.person("F"), cards.person("M")
    cards.leaves(anvar, D(2026, 1, 5), D(2026, 6, 30), purpose="work", citizenship=tajikistan)
    cards.leaves(zarina, D(2026, 2, 5), purpose="work")  # citizenship not written
    cards.leaves(zarina, D(2026, 3, 5), purpose="private", citizenship=tajikistan)
    cards.leaves(foreigner, D(2026, 3, 5), purpose="work", citizenship=uzbekistan)
    cards.leaves(anvar, D(2026, 7, 1), purpose="work", citizenship=tajikistan)
    table = form_1t(period=Period(HALF, 2026, 1))
    assert value(table, "RU", SEX="M", MEASURE="CROSSINGS") == 2
    assert value(table, "RU", SEX="M", MEASURE="PERSONS") == 1
    assert value(table, "RU", SEX="F", MEASURE="CROSSINGS") == 1
    assert value(table, "total", SEX="_T", MEASURE="PERSONS") == 2
    assert table.dims["PURPOSE"] == "WORK"


def test_persons_abroad_on_a_day_by_country_age_district_and_sex(cards):
    anvar = cards.person("M", birth_date=D(1990, 1, 1), district="sughd-khujand")
    zarina = cards.person("F", birth_date=D(2010, 1, 1), district="khatlon-kulob")
    karim = cards.person("M")
    cards.leaves(anvar, D(2025, 10, 1))
    cards.returns(anvar, D(2026, 4, 1))
    cards.leaves(zarina, D(2026, 1, 1), country="KZ")  # still abroad
    cards.leaves(karim, D(2025, 1, 1))
    cards.returns(karim, D(2026, 3, 31))  # home again on the day counted
    cards.returns(cards.person("M"), D(2026, 5, 1))  # departure unknown: not counted
    rebuild_trips()
    table = persons_abroad(day=D(2026, 3, 31))
    assert value(table, "RU", SEX="M", MEASURE="PERSONS") == 1
    assert value(table, "KZ", SEX="F", MEASURE="PERSONS") == 1
    assert value(table, "Y30T59", SEX="M", MEASURE="PERSONS") == 1
    assert value(table, "Y_LT18", SEX="F", MEASURE="PERSONS") == 1
    assert value(table, "sughd-khujand", SEX="_T", MEASURE="PERSONS") == 1
    assert value(table, "khatlon-kulob", SEX="F", MEASURE="CROSSINGS") == 1
    assert value(table, "total", SEX="_T", MEASURE="PERSONS") == 2
    assert table.dims["FREQ"] == "D"
    assert table.columns[0].dims["TIME_PERIOD"] == "2026-03-31"


def test_stays_ended_in_the_period_fall_into_their_bands(cards):
    short, long_, longest = cards.person("M"), cards.person("F"), cards.person("M")
    cards.leaves(short, D(2025, 12, 1))
    cards.returns(short, D(2026, 2, 1))  # 62 days
    cards.leaves(long_, D(2025, 6, 1))
    cards.returns(long_, D(2026, 3, 1))  # 273 days
    cards.leaves(longest, D(2024, 6, 1))
    cards.returns(longest, D(2026, 1, 15))  # over a year
    cards.leaves(short, D(2026, 2, 10))
    cards.returns(short, D(2026, 4, 1))  # ends after the quarter
    rebuild_trips()
    table = stays_by_length(period=Q1_2026)
    assert value(table, "M_LE6", SEX="M", MEASURE="TRIPS") == 1
    assert value(table, "M6T12", SEX="F", MEASURE="TRIPS") == 1
    assert value(table, "M_GT12", SEX="_T", MEASURE="PERSONS") == 1
    assert value(table, "total", SEX="_T", MEASURE="TRIPS") == 3


def test_the_tables_speak_the_readers_language(cards):
    cards.leaves(cards.person("M"), D(2026, 1, 5), country="KZ")
    with translation.override("ru"):
        table = departures_and_returns(period=Q1_2026)
        assert table.rows[0].label == "Казахстан"
        assert "Итого" in [str(c.path[1]) for c in table.columns]
    with translation.override("tg"):
        assert departures_and_returns(period=Q1_2026).rows[0].label == "Қазоқистон"


def test_counting_takes_a_fixed_number_of_queries(cards, django_assert_max_num_queries):
    for number in range(30):
        cards.leaves(cards.person("M"), D(2026, 1, 5) + datetime.timedelta(days=number))
    with django_assert_max_num_queries(5):
        departures_and_returns(period=Q1_2026)


def _varied_story(cards, seed=3):
    """Cards as they come: linked and not, with and without sex or birth date, sexes that
    disagree with the person's, countries not written, birth dates after the crossing and on
    the birthday itself."""
    rng = random.Random(seed)
    persons = [
        cards.person(
            rng.choice(["M", "M", "F", ""]),
            birth_date=rng.choice([None, D(1960, 3, 1), D(1996, 2, 29), D(2008, 1, 10)]),
        )
        for _n in range(25)
    ]
    for _n in range(160):
        day = D(2026, 1, 1) + datetime.timedelta(days=rng.randrange(90))
        if rng.random() < 0.3:
            day = day.replace(year=2025)
        cards.card(
            rng.choice([*persons, None]),
            rng.choice(["exit", "exit", "entry"]),
            day,
            country=rng.choice(["RU", "RU", "KZ", None]),
            sex=rng.choice(["", "M", "F"]),
            birth_date=rng.choice([None, None, D(2026, 2, 1), D(2008, 1, 10), D(1996, 2, 29)]),
        )


@pytest.mark.skipif(not supports_grouping_sets(), reason="GROUPING SETS: PostgreSQL only")
def test_grouping_sets_count_exactly_what_the_separate_queries_count(cards):
    _varied_story(cards)
    crossings = Crossing.objects.annotate(card_sex=card_sex())
    by_country = [
        _count_cards(crossings, row="country_id", keys=("direction",), sets=sets).data
        for sets in (True, False)
    ]
    assert by_country[0] == by_country[1]
    assert by_country[0]["_T", "exit", 0, "_T"][0] > 100
    departures = Crossing.objects.filter(direction="exit")
    by_age = [_count_by_age(departures, sets=sets).data for sets in (True, False)]
    assert by_age[0] == by_age[1]
    assert {key[0] for key in by_age[0]} == {"_T", *AGE_GROUPS}
