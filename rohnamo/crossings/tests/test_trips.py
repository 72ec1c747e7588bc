"""Pairing a person's departures and returns into trips, and where the person is on a day."""

import datetime
import random

import pytest

from rohnamo.core.models import Country, District
from rohnamo.crossings.models import Crossing, CrossingPoint, ImportBatch, Person, Trip
from rohnamo.crossings.trips import (
    ABROAD,
    DEFAULT_STAY_DAYS,
    FROM_6_TO_12_MONTHS,
    HOME,
    MIN_HOME_DAYS,
    OVER_A_YEAR,
    UP_TO_6_MONTHS,
    estimated_return,
    pair_crossings,
    rebuild_trips,
    status_on,
    stay_band,
)

D = datetime.date


def crossing(crossing_id, direction, day, country=1):
    return (crossing_id, direction, day, country)


def test_a_departure_and_the_return_after_it_are_one_trip():
    trips = pair_crossings(
        [crossing(1, "exit", D(2026, 1, 10)), crossing(2, "entry", D(2026, 6, 1), country=2)]
    )
    assert len(trips) == 1
    trip = trips[0]
    assert (trip.exit_id, trip.entry_id) == (1, 2)
    assert (trip.left_on, trip.returned_on) == (D(2026, 1, 10), D(2026, 6, 1))
    assert not trip.return_estimated
    assert trip.stay_days == 142
    assert trip.country_id == 1  # the destination written on departure


def test_two_departures_in_a_row_flag_the_lost_return_and_estimate_it_inside_the_gap():
    trips = pair_crossings(
        [
            crossing(1, "exit", D(2024, 1, 1)),
            crossing(2, "exit", D(2025, 1, 1)),
            crossing(3, "entry", D(2025, 4, 1)),
        ]
    )
    first, second = trips
    assert first.exit_id == 1 and first.entry_id is None
    assert first.return_estimated
    assert D(2024, 1, 1) < first.returned_on < D(2025, 1, 1)
    # The person's own completed trip lasted 90 days: the estimate follows their habit.
    assert first.returned_on == D(2024, 3, 31)
    assert (second.exit_id, second.entry_id, second.return_estimated) == (2, 3, False)


def test_without_a_completed_trip_the_estimate_is_the_typical_season():
    left, next_left = D(2024, 1, 1), D(2026, 1, 1)
    assert estimated_return(left, next_left) == left + datetime.timedelta(days=DEFAULT_STAY_DAYS)


def test_a_short_gap_leaves_the_person_a_month_at_home_before_leaving_again():
    left, next_left = D(2024, 1, 1), D(2024, 4, 10)  # 100 days
    assert estimated_return(left, next_left) == next_left - datetime.timedelta(MIN_HOME_DAYS)


def test_a_very_short_gap_puts_the_return_at_its_midpoint():
    left, next_left = D(2024, 1, 1), D(2024, 1, 21)
    assert estimated_return(left, next_left) == D(2024, 1, 11)


def test_a_return_with_no_departure_before_it_is_a_trip_of_unknown_departure():
    trips = pair_crossings(
        [crossing(1, "entry", D(2024, 3, 1), country=7), crossing(2, "entry", D(2024, 9, 1))]
    )
    assert [(t.exit_id, t.entry_id, t.left_on) for t in trips] == [(None, 1, None), (None, 2, None)]
    assert trips[0].country_id == 7 and trips[0].stay_days is None


def test_a_last_departure_without_return_is_a_trip_still_going_on():
    trips = pair_crossings([crossing(1, "exit", D(2026, 2, 1))])
    assert trips[0].returned_on is None and not trips[0].return_estimated


def test_stays_fall_into_bands_of_six_months_and_a_year():
    assert stay_band(183) == UP_TO_6_MONTHS
    assert stay_band(184) == FROM_6_TO_12_MONTHS
    assert stay_band(365) == FROM_6_TO_12_MONTHS
    assert stay_band(366) == OVER_A_YEAR
    assert stay_band(None) is None


def _story(seed=7, people=300):
    """A small synthetic history: each person makes 1–3 trips a year for three years; a fifth
    of the return cards and a twentieth of the departure cards are lost. Returns the cards kept
    per person and the true (exit, entry) pairs whose two cards were both kept."""
    rng = random.Random(seed)
    kept, true_pairs, next_id = {}, set(), 1
    for person in range(people):
        day = D(2023, 1, 1) + datetime.timedelta(days=rng.randrange(120))
        cards = []
        while day < D(2026, 1, 1):
            left = day
            back = left + datetime.timedelta(days=rng.randrange(20, 330))
            exit_id, entry_id = next_id, next_id + 1
            next_id += 2
            exit_kept, entry_kept = rng.random() > 0.05, rng.random() > 0.2
            if exit_kept:
                cards.append(crossing(exit_id, "exit", left))
            if entry_kept:
                cards.append(crossing(entry_id, "entry", back))
            if exit_kept and entry_kept:
                true_pairs.add((exit_id, entry_id))
            day = back + datetime.timedelta(days=rng.randrange(15, 200))
        kept[person] = cards
    return kept, true_pairs


def test_almost_every_true_departure_return_pair_is_recovered():
    kept, true_pairs = _story()
    found = {
        (trip.exit_id, trip.entry_id)
        for cards in kept.values()
        for trip in pair_crossings(cards)
        if trip.exit_id and trip.entry_id
    }
    recovered = len(found & true_pairs) / len(true_pairs)
    assert recovered >= 0.98
    # Each pair the pairing makes is a true one, or joins a departure whose return was lost to
    # a return whose departure was lost: no more of those than lost cards.
    assert len(found - true_pairs) <= 0.1 * len(true_pairs)


# Database: rebuilding and the status on a day.


@pytest.fixture
def cards(db):
    batch = ImportBatch.objects.create(file_name="cards.csv")
    point = CrossingPoint.objects.get(code="DYU")
    russia = Country.objects.get(code="RU")
    numbers = iter(range(1, 1000))

    def card(person, direction, day, country=russia):
        return Crossing.objects.create(
            batch=batch,
            crossing_point=point,
            card_number=f"A{next(numbers):05d}",
            direction=direction,
            crossing_date=day,
            country=country,
            person=person,
        )

    return card


def test_rebuilding_the_trips_replaces_those_of_the_persons_asked_only(cards):
    anvar, zarina = Person.objects.create(sex="M"), Person.objects.create(sex="F")
    cards(anvar, "exit", D(2025, 1, 10))
    cards(anvar, "entry", D(2025, 8, 1))
    cards(anvar, "exit", D(2025, 10, 1))
    cards(zarina, "exit", D(2025, 3, 1))
    assert rebuild_trips() == 3
    cards(zarina, "entry", D(2025, 5, 1))
    cards(anvar, "exit", D(2026, 2, 1))

    assert rebuild_trips(person_ids=[zarina.pk]) == 1
    zarina_trip = Trip.objects.get(person=zarina)
    assert (zarina_trip.left_on, zarina_trip.returned_on) == (D(2025, 3, 1), D(2025, 5, 1))
    assert zarina_trip.stay_days == 61
    # Anvar's new card waits for his own rebuild.
    assert Trip.objects.filter(person=anvar).count() == 2
    assert rebuild_trips() == 4
    estimated = Trip.objects.get(person=anvar, left_on=D(2025, 10, 1))
    assert estimated.return_estimated and estimated.returned_on < D(2026, 2, 1)


def test_a_person_is_abroad_from_departure_until_the_day_before_return(cards):
    anvar = Person.objects.create(sex="M")
    cards(anvar, "exit", D(2025, 1, 10))
    cards(anvar, "entry", D(2025, 8, 1))
    cards(anvar, "exit", D(2026, 1, 5))
    rebuild_trips()
    assert status_on(person=anvar, date=D(2025, 1, 9)) == HOME
    assert status_on(person=anvar, date=D(2025, 1, 10)) == ABROAD
    assert status_on(person=anvar, date=D(2025, 7, 31)) == ABROAD
    assert status_on(person=anvar, date=D(2025, 8, 1)) == HOME
    assert status_on(person=anvar, date=D(2026, 3, 1)) == ABROAD  # not back yet


def test_cards_not_linked_to_a_person_make_no_trip(cards):
    cards(None, "exit", D(2025, 1, 10))
    assert rebuild_trips() == 0


def test_each_trip_carries_its_travellers_sex_birth_date_and_district(cards):
    khujand = District.objects.get(code="sughd-khujand")
    zarina = Person.objects.create(sex="F", birth_date=D(1995, 4, 2), residence_district=khujand)
    cards(zarina, "exit", D(2025, 3, 1))
    cards(zarina, "entry", D(2025, 9, 1))
    cards(zarina, "exit", D(2026, 1, 10))
    rebuild_trips()
    trips = Trip.objects.filter(person=zarina)
    assert trips.count() == 2
    assert {(t.sex, t.birth_date, t.residence_district_id) for t in trips} == {
        ("F", D(1995, 4, 2), khujand.pk)
    }
    # Linkage changed its mind about her birth date: the next rebuild follows it.
    Person.objects.filter(pk=zarina.pk).update(birth_date=D(1995, 2, 4))
    rebuild_trips(person_ids=[zarina.pk])
    assert set(trips.values_list("birth_date", flat=True)) == {D(1995, 2, 4)}
