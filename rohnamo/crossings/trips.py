"""A person's border crossings paired into trips, and where a person is on a given day.

Pairing walks one person's cards in date order. A departure waits for the next return:

- departure, return: one trip, both dates known;
- departure, departure: the return card was lost (about one in five is). The first trip is
  closed with an estimated return date inside the gap and flagged ``return_estimated``;
- a return with no departure open before it: a trip whose departure is unknown (the departure
  card was lost, or the person left before the cards begin);
- a departure with nothing after it: a trip still going on (``returned_on`` empty).

The estimated return date. A labour migrant typically stays abroad for a season and then spends
some weeks at home before leaving again, so the midpoint of a long gap is a poor guess: after a
two-year gap it would put the return a year late and count the person abroad all that time. The
estimate is the person's *typical stay* (the median of their own trips with both dates known, or
``DEFAULT_STAY_DAYS`` when they have none), capped by the gap so that at least ``MIN_HOME_DAYS``
remain at home before the next departure. When the gap is shorter than twice ``MIN_HOME_DAYS``
the midpoint is all one can say.
"""

import datetime
import itertools
import statistics
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q

from rohnamo.crossings.choices import Direction
from rohnamo.crossings.models import Crossing, Trip

# A season of work abroad: the usual stay of migrants to Russia reported by the Migration Service
# is six months to a year; six months keeps the estimate on the cautious side.
DEFAULT_STAY_DAYS = 183
# The shortest time at home assumed between a lost return and the next departure.
MIN_HOME_DAYS = 30

# How many rows the database sends at once and how many trips are written per INSERT: large
# enough to keep round trips few over a million cards, small enough to keep memory flat.
READ_CHUNK = 20_000
WRITE_CHUNK = 5_000
# SQLite accepts a limited number of parameters per statement: person ids go in slices.
ID_SLICE = 500

ABROAD, HOME = "abroad", "home"

# Stay-length bands, by days abroad: six months is 183 days and a year 365.
UP_TO_6_MONTHS, FROM_6_TO_12_MONTHS, OVER_A_YEAR = "M_LE6", "M6T12", "M_GT12"
STAY_BANDS = [UP_TO_6_MONTHS, FROM_6_TO_12_MONTHS, OVER_A_YEAR]
SIX_MONTHS_DAYS, YEAR_DAYS = 183, 365


@dataclass(frozen=True)
class TripDraft:
    """A trip before it is saved: the ids of its cards and its dates."""

    exit_id: int | None
    entry_id: int | None
    left_on: datetime.date | None
    returned_on: datetime.date | None
    return_estimated: bool
    country_id: int | None

    @property
    def stay_days(self):
        if self.left_on is None or self.returned_on is None:
            return None
        return (self.returned_on - self.left_on).days


def estimated_return(left_on, next_left_on, typical_days=DEFAULT_STAY_DAYS):
    """The estimated return date of a trip that left ``left_on`` and whose return card is lost,
    the person leaving again on ``next_left_on`` (see the module's explanation)."""
    gap = (next_left_on - left_on).days
    # Too short a gap for a season and a month at home: the midpoint is all one can say.
    stay = gap // 2 if gap < 2 * MIN_HOME_DAYS else min(typical_days, gap - MIN_HOME_DAYS)
    return left_on + datetime.timedelta(days=stay)


def pair_crossings(crossings):
    """The trips of one person's ``crossings``: ``(id, direction, date, country_id)`` tuples
    sorted by date (then id). Returns a list of ``TripDraft`` in date order."""
    # First pass: the trips whose two cards are known, and which departures lost their return.
    drafts = []
    open_exit = None
    for crossing in crossings:
        crossing_id, direction, day, country_id = crossing
        if direction == Direction.EXIT:
            if open_exit is not None:
                drafts.append((open_exit, None, day))
            open_exit = crossing
        else:
            drafts.append((open_exit, crossing, None))
            open_exit = None
    if open_exit is not None:
        drafts.append((open_exit, None, None))

    known = [entry[2] - exit_[2] for exit_, entry, _next in drafts if exit_ and entry]
    typical = statistics.median_low([delta.days for delta in known]) if known else DEFAULT_STAY_DAYS

    trips = []
    for exit_, entry, next_departure in drafts:
        if next_departure is not None:
            returned_on, estimated = estimated_return(exit_[2], next_departure, typical), True
        else:
            returned_on, estimated = (entry[2] if entry else None), False
        # The destination written on departure; the country arrived from when that is missing.
        country_id = (exit_ and exit_[3]) or (entry and entry[3]) or None
        trips.append(
            TripDraft(
                exit_id=exit_[0] if exit_ else None,
                entry_id=entry[0] if entry else None,
                left_on=exit_[2] if exit_ else None,
                returned_on=returned_on,
                return_estimated=estimated,
                country_id=country_id,
            )
        )
    return trips


def _person_slices(person_ids):
    ids = sorted(set(person_ids))
    for start in range(0, len(ids), ID_SLICE):
        yield ids[start : start + ID_SLICE]


# What each trip copies of its person (see ``Trip``): the person's sex, birth date and district.
PROFILE = ("person__sex", "person__birth_date", "person__residence_district_id")


def _crossing_rows(person_ids):
    """Every linked card as ``(person_id, sex, birth_date, district_id, id, direction, date,
    country_id)`` (the first four the person's), ordered by person then date, streamed from
    the database."""
    fields = ("person_id", *PROFILE, "id", "direction", "crossing_date", "country_id")
    order = ("person_id", "crossing_date", "id")
    linked = Crossing.objects.filter(person__isnull=False)
    if person_ids is None:
        yield from linked.order_by(*order).values_list(*fields).iterator(chunk_size=READ_CHUNK)
        return
    for ids in _person_slices(person_ids):
        rows = linked.filter(person_id__in=ids).order_by(*order).values_list(*fields)
        yield from rows.iterator(chunk_size=READ_CHUNK)


def _card_count(person_ids):
    linked = Crossing.objects.filter(person__isnull=False)
    if person_ids is None:
        return linked.count()
    return sum(linked.filter(person_id__in=ids).count() for ids in _person_slices(person_ids))


def rebuild_trips(*, person_ids=None, progress=None):
    """Replace the trips of ``person_ids`` (every person when None) with those paired from their
    cards now, each with its person's sex, birth date and district as linkage decided them (so
    that the tables of trips need not join the persons). One transaction: a reader sees the
    old trips or the new, never half. ``progress`` (a ``rohnamo.core.jobs.Progress``) advances
    by the cards read. Returns the trips written."""
    with transaction.atomic():
        if person_ids is None:
            Trip.objects.all().delete()
        else:
            for ids in _person_slices(person_ids):
                Trip.objects.filter(person_id__in=ids).delete()
        if progress is not None:
            progress.set_total(_card_count(person_ids))

        written, batch = 0, []
        # Grouped by the person and their profile, which are the same on each of their cards.
        for traveller, rows in itertools.groupby(_crossing_rows(person_ids), key=lambda r: r[:4]):
            person_id, sex, birth_date, district_id = traveller
            crossings = [row[4:] for row in rows]
            for draft in pair_crossings(crossings):
                batch.append(
                    Trip(
                        person_id=person_id,
                        sex=sex,
                        birth_date=birth_date,
                        residence_district_id=district_id,
                        exit_crossing_id=draft.exit_id,
                        entry_crossing_id=draft.entry_id,
                        left_on=draft.left_on,
                        returned_on=draft.returned_on,
                        return_estimated=draft.return_estimated,
                        country_id=draft.country_id,
                        stay_days=draft.stay_days,
                    )
                )
            if progress is not None:
                progress.advance(len(crossings))
            if len(batch) >= WRITE_CHUNK:
                Trip.objects.bulk_create(batch)
                written, batch = written + len(batch), []
        if batch:
            Trip.objects.bulk_create(batch)
            written += len(batch)
    return written


def status_on(*, person, date):
    """ "abroad" when one of ``person``'s trips covers ``date``, else "home".

    A person is abroad from the day of departure and home again on the day of return. A trip
    whose departure is unknown does not count before its return: when it began cannot be told.
    A trip without a return (still going on) counts from its departure onwards.
    """
    abroad = person.trips.filter(left_on__lte=date).filter(
        Q(returned_on__gt=date) | Q(returned_on__isnull=True)
    )
    return ABROAD if abroad.exists() else HOME


def stay_band(stay_days):
    """The band of a stay of ``stay_days`` days: up to 6 months, 6–12 months or over a year;
    None when the length is unknown."""
    if stay_days is None:
        return None
    if stay_days <= SIX_MONTHS_DAYS:
        return UP_TO_6_MONTHS
    if stay_days <= YEAR_DAYS:
        return FROM_6_TO_12_MONTHS
    return OVER_A_YEAR
