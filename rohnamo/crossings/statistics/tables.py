"""The official tables of border migration, each counting crossings and distinct persons.

Each builder runs a few GROUP BY queries (the counts by the table's rows and sex, then the same
without the sex and without the rows, because a person who went to two countries, or whose cards
disagree about their sex, is one person in a total) and returns a ``Table``. Nothing here checks
who asks: ``build_table`` does, and the public page only ever gets the suppressed version.

Distinct persons: each linked person once, each card not linked yet as a person of its own. The
tables of cards (1–3) take sex and age from the card, and from the linked person only when the
card has none; the tables of trips (4–5) take them from the trip, which carries its person's
(copied when the trips are built). "Total" includes the people whose sex is not known.

On PostgreSQL the tables of cards are counted in one query with GROUPING SETS
(``grouping_sets``); elsewhere with the four GROUP BY queries of ``_count_cards``.
"""

from collections import defaultdict

from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import Case, CharField, Count, IntegerField, Q, Value, When
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rohnamo.core.models import Country, District
from rohnamo.core.roles import may
from rohnamo.crossings.choices import Direction, Purpose
from rohnamo.crossings.models import Crossing, Trip
from rohnamo.crossings.statistics import sdmx
from rohnamo.crossings.statistics.database import counting
from rohnamo.crossings.statistics.expressions import (
    age_group_on,
    card_birth_date,
    card_persons,
    card_sex,
    date_range,
    trip_persons,
    trip_sex,
    with_age_group_at_crossing,
)
from rohnamo.crossings.statistics.grouping_sets import (
    AGE_BUCKET_BOUNDS,
    AGE_BUCKETS,
    age_bucket_sql,
    grouping_sets_counts,
    supports_grouping_sets,
)
from rohnamo.crossings.statistics.structure import Cell, Column, Row, Table, fill_changes
from rohnamo.crossings.statistics.suppression import THRESHOLD, suppress
from rohnamo.crossings.trips import SIX_MONTHS_DAYS, STAY_BANDS, YEAR_DAYS
from rohnamo.lib.collation import sort_key
from rohnamo.lib.translated import localized

TOTAL, UNKNOWN = sdmx.TOTAL, sdmx.UNKNOWN
CROSSINGS, PERSONS, TRIPS = 0, 1, 2
_MEASURE_CODES = {CROSSINGS: sdmx.CROSSINGS, PERSONS: sdmx.PERSONS, TRIPS: sdmx.TRIPS}
# The country the Form 1-T counts the citizens of.
TAJIKISTAN = "TJ"


def _sex_labels():
    return [("M", _("Men")), ("F", _("Women")), (TOTAL, _("Total"))]


def _measure_label(measure):
    return {CROSSINGS: _("Crossings"), PERSONS: _("Persons"), TRIPS: _("Trips")}[measure]


def _age_labels():
    return {
        sdmx.UNDER_18: _("Under 18"),
        sdmx.FROM_18_TO_29: _("18–29"),
        sdmx.FROM_30_TO_59: _("30–59"),
        sdmx.SIXTY_AND_OVER: _("60 and over"),
        UNKNOWN: _("Age not known"),
    }


def _band_labels():
    return {
        "M_LE6": _("Up to 6 months"),
        "M6T12": _("6 to 12 months"),
        "M_GT12": _("Over a year"),
    }


class Counts:
    """Counts keyed by (row, flow, period index, sex), each ``[crossings, persons]``."""

    def __init__(self):
        self.data = defaultdict(lambda: [0, 0])

    def add(self, row, flow, period, sex, crossings, persons, *, sum_sexes=False):
        """Add to the cell of ``sex`` (None: not known); with ``sum_sexes`` to the sex total
        too, which is exact when each person has one sex, as in the trips."""
        for key in (sex or UNKNOWN, TOTAL) if sum_sexes else (sex or UNKNOWN,):
            cell = self.data[row, flow, period, key]
            cell[0] += crossings
            cell[1] += persons

    def get(self, row, flow, period, sex, measure):
        found = self.data.get((row, flow, period, sex))
        # TRIPS are stored where the crossings are: a table counts one or the other.
        return found[min(measure, 1)] if found else 0

    def rows(self):
        return {key[0] for key in self.data}


def _grouped(queryset, fields, persons):
    """``(*field values, crossings, persons)`` per group of ``fields``: one query."""
    if not fields:
        found = queryset.order_by().aggregate(n=Count("pk"), p=persons)
        return [(found["n"], found["p"])] if found["n"] else []
    grouped = queryset.order_by().values(*fields).annotate(n=Count("pk"), p=persons)
    return grouped.values_list(*fields, "n", "p")


def _count_cards(crossings, *, row, keys=(), sets=None):
    """The crossings and persons of ``crossings`` by ``row`` (a field; its total under the key
    TOTAL), ``keys`` (direction, period_index) and ``card_sex``, with the sex totals counted
    too: one query with GROUPING SETS where the database has them, else four GROUP BY queries,
    since a person whose cards disagree about their sex, or who went to two countries, is
    still one person in a total. ``sets`` forces one way (None: the database decides)."""
    if supports_grouping_sets() if sets is None else sets:
        quoted = connection.ops.quote_name(row)
        return _counts_of_sets(
            grouping_sets_counts(crossings, keys=keys, columns=[row], row_sql=quoted), keys=keys
        )
    counts = Counts()
    for row_field, sex_field in ((row, "card_sex"), (row, None), (None, "card_sex"), (None, None)):
        fields = [*keys, *(field for field in (row_field, sex_field) if field)]
        for *values, n, p in _grouped(crossings, fields, card_persons()):
            found = dict(zip(fields, values, strict=True))
            counts.add(
                found[row_field] if row_field else TOTAL,
                found.get("direction"),
                found.get("period_index", 0),
                found[sex_field] if sex_field else TOTAL,
                n,
                p,
            )
    return counts


def _counts_of_sets(found, *, keys, row_value=None):
    """``Counts`` from the tuples of ``grouping_sets_counts``; ``row_value`` turns the row's
    value from the database into the table's row key."""
    counts = Counts()
    for *values, row, sex, grouping, n, p in found:
        by_key = dict(zip(keys, values, strict=True))
        if grouping & 2:
            row = TOTAL
        elif row_value is not None:
            row = row_value(row)
        counts.add(
            row,
            by_key.get("direction"),
            by_key.get("period_index", 0),
            TOTAL if grouping & 1 else sex,
            n,
            p,
        )
    return counts


def _sex_columns(*, flows, measures, periods, sdmx_of_flow):
    """Columns for each flow × sex × measure × period, with a change column after a pair of
    periods. Returns ``(columns, lookups)``: a lookup finds a column's count in ``Counts``."""
    columns, lookups = [], []
    for flow, flow_label in flows:
        for sex, sex_label in _sex_labels():
            for measure in measures:
                start = len(columns)
                for index, period in enumerate(periods):
                    path = (flow_label, sex_label, _measure_label(measure))
                    if len(periods) > 1:
                        path += (period.label,)
                    path = tuple(part for part in path if part)
                    columns.append(
                        Column(
                            path=path,
                            dims={
                                **sdmx_of_flow(flow),
                                "SEX": sex,
                                "MEASURE": _MEASURE_CODES[measure],
                                "TIME_PERIOD": period.sdmx,
                                "FREQ": period.freq,
                            },
                            group=(flow, measure, index),
                            total=sex == TOTAL,
                        )
                    )
                    lookups.append((flow, index, sex, measure))
                if len(periods) == 2:
                    path = tuple(part for part in (flow_label, sex_label) if part)
                    columns.append(
                        Column(
                            path=(*path, _measure_label(measure), _("Change, %")),
                            change_of=(start, start + 1),
                        )
                    )
                    lookups.append(None)
    return columns, lookups


def _row(counts, lookups, *, key, label, dims, section="", total=False):
    cells = [
        Cell(counts.get(key, *lookup)) if lookup else Cell(None, kind="change")
        for lookup in lookups
    ]
    return Row(label=label, dims=dims, cells=cells, section=section, total=total)


def _place_rows(counts, lookups, *, keys, places, dimension, not_stated, section):
    """A row per place (country or district) in the order of ``keys``, then the row of the
    cards or trips whose place was not written, if any."""
    rows = [
        _row(
            counts,
            lookups,
            key=pk,
            label=localized(places[pk], "name"),
            dims={dimension: places[pk].code},
            section=section,
        )
        for pk in keys
    ]
    if None in counts.rows():
        rows.append(
            _row(
                counts,
                lookups,
                key=None,
                label=not_stated,
                dims={dimension: UNKNOWN},
                section=section,
            )
        )
    return rows


def _countries(ids):
    found = Country.objects.in_bulk([pk for pk in ids if pk is not None])
    return {pk: found[pk] for pk in found}


def _country_rows(counts, lookups, *, order_by, section=""):
    """A row per country found in ``counts`` (most ``order_by`` first, then alphabetically),
    the cards without a country last."""
    countries = _countries(counts.rows() - {TOTAL})
    keys = sorted(
        (key for key in counts.rows() if key not in (TOTAL, None)),
        key=lambda pk: (-counts.get(pk, *order_by), sort_key(localized(countries[pk], "name"))),
    )
    return _place_rows(
        counts,
        lookups,
        keys=keys,
        places=countries,
        dimension="COUNTERPART_AREA",
        not_stated=_("Country not stated"),
        section=section,
    )


def _flow_dims(flow):
    return {"FLOW": sdmx.DEPARTURES if flow == Direction.EXIT else sdmx.RETURNS}


def departures_and_returns(*, period, compare=True):
    """Table 1: departures and returns in ``period`` by country and sex, crossings and persons,
    with the same period a year earlier and the change in per cent (unless ``compare`` is
    False, as on the public page)."""
    periods = [period, period.previous_year()] if compare else [period]
    in_periods = Q()
    for each in periods:
        in_periods |= date_range(each.start, each.end)
    crossings = (
        Crossing.objects.filter(direction__in=[Direction.EXIT, Direction.ENTRY])
        .filter(in_periods)
        .annotate(
            period_index=Case(
                When(crossing_date__gte=period.start, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            ),
            card_sex=card_sex(),
        )
    )
    counts = _count_cards(crossings, row="country_id", keys=("direction", "period_index"))

    flows = [(Direction.EXIT, _("Departures")), (Direction.ENTRY, _("Returns"))]
    columns, lookups = _sex_columns(
        flows=flows, measures=[CROSSINGS, PERSONS], periods=periods, sdmx_of_flow=_flow_dims
    )
    rows = _country_rows(counts, lookups, order_by=(Direction.EXIT, 0, TOTAL, CROSSINGS))
    rows.append(_row(counts, lookups, key=TOTAL, label=_("All countries"), dims={}, total=True))
    if compare:
        title = _("Departures and returns by country and sex, %(period)s and %(previous)s") % {
            "period": period.label,
            "previous": periods[1].label,
        }
    else:
        title = _("Departures and returns by country and sex, %(period)s") % {
            "period": period.label
        }
    return fill_changes(
        Table(
            key="quarterly",
            title=title,
            period_label=period.label,
            row_heading=_("Country of destination or arrival"),
            columns=columns,
            rows=rows,
            dims={"FREQ": period.freq},
            note=_(
                "The change is the difference from the same period a year earlier as a "
                "percentage of it; “—” when there was nothing to compare with."
            )
            if compare
            else "",
        )
    )


def departures_by_age(*, period):
    """Table 2: departures in ``period`` (a year, as the official table) by sex and age group
    on the day of the crossing."""
    departures = Crossing.objects.filter(direction=Direction.EXIT).filter(
        date_range(period.start, period.end)
    )
    counts = _count_by_age(departures)
    columns, lookups = _sex_columns(
        flows=[(None, "")],
        measures=[CROSSINGS, PERSONS],
        periods=[period],
        sdmx_of_flow=lambda flow: {},
    )
    labels = _age_labels()
    rows = [
        _row(counts, lookups, key=group, label=labels[group], dims={"AGE": group})
        for group in sdmx.AGE_GROUPS
    ]
    rows.append(_row(counts, lookups, key=TOTAL, label=_("All ages"), dims={}, total=True))
    return Table(
        key="age",
        title=_("Departures by sex and age group, %(period)s") % {"period": period.label},
        period_label=period.label,
        row_heading=_("Age on the day of departure"),
        columns=columns,
        rows=rows,
        dims={"FLOW": sdmx.DEPARTURES, "COUNTERPART_AREA": sdmx.NOT_APPLICABLE},
        note=_(
            "A person who had a birthday between two departures counts in each age group they "
            "departed in; the total counts them once."
        ),
    )


def _count_by_age(departures, *, sets=None):
    """The crossings and persons of ``departures`` by age group on the day and sex (see
    ``_count_cards``; ``sets`` likewise)."""
    if supports_grouping_sets() if sets is None else sets:
        # The birth date (the card's, else the person's) is read once per card, and the age
        # group computed from it by one expression.
        cards = departures.annotate(card_sex=card_sex(), birth=card_birth_date())
        found = grouping_sets_counts(
            cards,
            keys=(),
            columns=["crossing_date", "birth"],
            row_sql=age_bucket_sql(),
            row_params=[AGE_BUCKET_BOUNDS],
        )
        return _counts_of_sets(found, keys=(), row_value=AGE_BUCKETS.__getitem__)
    cards = with_age_group_at_crossing(departures).annotate(card_sex=card_sex())
    return _count_cards(cards, row="age_group", sets=False)


def form_1t(*, period):
    """Table 3, form 1-T (migration): Tajik citizens leaving to work abroad in ``period`` (a
    half-year or a year), by country of destination and sex.

    Counted: departure cards whose purpose is work and whose citizenship is Tajikistan or not
    written (a blank citizenship on a card filled at a Tajik border is almost always a citizen's:
    a foreigner's card carries the passport's country)."""
    crossings = (
        Crossing.objects.filter(direction=Direction.EXIT, purpose=Purpose.WORK)
        .filter(date_range(period.start, period.end))
        .filter(Q(citizenship__code=TAJIKISTAN) | Q(citizenship__isnull=True))
        .annotate(card_sex=card_sex())
    )
    counts = _count_cards(crossings, row="country_id")
    columns, lookups = _sex_columns(
        flows=[(None, "")],
        measures=[CROSSINGS, PERSONS],
        periods=[period],
        sdmx_of_flow=lambda flow: {},
    )
    rows = _country_rows(counts, lookups, order_by=(None, 0, TOTAL, CROSSINGS))
    rows.append(_row(counts, lookups, key=TOTAL, label=_("All countries"), dims={}, total=True))
    return Table(
        key="form-1t",
        title=_("Form 1-T: number of Tajik citizens leaving to work abroad, %(period)s")
        % {"period": period.label},
        period_label=period.label,
        row_heading=_("Country of destination"),
        columns=columns,
        rows=rows,
        dims={"FLOW": sdmx.DEPARTURES, "PURPOSE": sdmx.WORK},
        note=_(
            "Departure cards with the purpose “work” of citizens of Tajikistan, and of "
            "travellers whose citizenship is not written on the card."
        ),
    )


def persons_abroad(*, day):
    """Table 4: persons abroad on ``day`` (from the trips) by country, age group, district of
    residence and sex. A trip counts from its departure up to the day before its return; a trip
    whose departure is unknown does not count (when it began cannot be told)."""
    trips = Trip.objects.filter(left_on__lte=day).filter(
        Q(returned_on__gt=day) | Q(returned_on__isnull=True)
    )
    # The traveller's sex, birth date and district are copied onto each trip when trips are
    # built: the stock of a day (a million trips under way) needs no join with the persons.
    trips = trips.annotate(traveller_sex=trip_sex(), age_group=age_group_on(day, "birth_date"))
    sections = [
        ("country_id", _("By country")),
        ("age_group", _("By age group")),
        ("residence_district_id", _("By district of residence")),
    ]
    # One query for every section: a person has one trip under way on a day at most (a
    # person's trips never overlap), so the groups hold distinct persons and add up exactly.
    fields = [field for field, _label in sections]
    by_field = {field: Counts() for field in fields}
    counts = Counts()
    # For the same reason the trips under way are the persons abroad: counting them needs no
    # COUNT(DISTINCT), whose sort of a million trips took most of the time.
    for *keys, sex, n, p in _grouped(trips, [*fields, "traveller_sex"], Count("pk")):
        for field, key in zip(fields, keys, strict=True):
            by_field[field].add(key, None, 0, sex, n, p, sum_sexes=True)
        counts.add(TOTAL, None, 0, sex, n, p, sum_sexes=True)

    columns, lookups = _sex_columns(
        flows=[(None, "")],
        measures=[CROSSINGS, PERSONS],
        periods=[_Day(day)],
        sdmx_of_flow=lambda flow: {},
    )
    (_c, by_country), (_a, by_age), (_d, by_district) = sections
    rows = _country_rows(
        by_field["country_id"], lookups, order_by=(None, 0, TOTAL, PERSONS), section=by_country
    )
    ages, labels = by_field["age_group"], _age_labels()
    rows += [
        _row(ages, lookups, key=group, label=labels[group], dims={"AGE": group}, section=by_age)
        for group in sdmx.AGE_GROUPS
    ]
    rows += _district_rows(by_field["residence_district_id"], lookups, by_district)
    rows.append(
        _row(counts, lookups, key=TOTAL, label=_("All persons abroad"), dims={}, total=True)
    )
    label = formats.date_format(day, "SHORT_DATE_FORMAT")
    return Table(
        key="abroad",
        title=_("Persons abroad on %(date)s") % {"date": label},
        period_label=label,
        row_heading="",
        columns=columns,
        rows=rows,
        dims={"FLOW": sdmx.ABROAD, "FREQ": "D"},
        note=_(
            "Crossings: the departure cards of the trips under way. A trip whose return card "
            "was lost ends on an estimated date; a trip whose departure card was lost is not "
            "counted."
        ),
    )


class _Day:
    """A day in the place of a period, for the columns of the table of persons abroad."""

    freq = "D"

    def __init__(self, day):
        self.sdmx = day.isoformat()
        self.label = ""


def _district_rows(counts, lookups, section):
    districts = District.objects.in_bulk([pk for pk in counts.rows() if pk is not None])
    keys = sorted(
        (pk for pk in counts.rows() if pk is not None),
        key=lambda pk: sort_key(localized(districts[pk], "name")),
    )
    return _place_rows(
        counts,
        lookups,
        keys=keys,
        places=districts,
        dimension="RESIDENCE",
        not_stated=_("District not stated"),
        section=section,
    )


def stays_by_length(*, period):
    """Table 5: the trips that ended in ``period`` (returned, or an estimated return) by the
    length of the stay abroad and sex; trips whose departure is unknown have no length and are
    left out."""
    trips = Trip.objects.filter(
        returned_on__gte=period.start, returned_on__lte=period.end, left_on__isnull=False
    ).annotate(
        traveller_sex=trip_sex(),
        band=Case(
            When(stay_days__lte=SIX_MONTHS_DAYS, then=Value(STAY_BANDS[0])),
            When(stay_days__lte=YEAR_DAYS, then=Value(STAY_BANDS[1])),
            default=Value(STAY_BANDS[2]),
            output_field=CharField(),
        ),
    )
    counts = Counts()
    for band, sex, n, p in _grouped(trips, ["band", "traveller_sex"], trip_persons()):
        counts.add(band, None, 0, sex, n, p, sum_sexes=True)
    for sex, n, p in _grouped(trips, ["traveller_sex"], trip_persons()):
        counts.add(TOTAL, None, 0, sex, n, p, sum_sexes=True)
    columns, lookups = _sex_columns(
        flows=[(None, "")], measures=[TRIPS, PERSONS], periods=[period], sdmx_of_flow=lambda f: {}
    )
    labels = _band_labels()
    rows = [
        _row(counts, lookups, key=band, label=labels[band], dims={"STAY": band})
        for band in STAY_BANDS
    ]
    rows.append(
        _row(counts, lookups, key=TOTAL, label=_("All stays"), dims={"STAY": TOTAL}, total=True)
    )
    return Table(
        key="stays",
        title=_("Stays abroad ended in %(period)s by length") % {"period": period.label},
        period_label=period.label,
        row_heading=_("Length of stay"),
        columns=columns,
        rows=rows,
        dims={"FLOW": sdmx.RETURNS, "FREQ": period.freq},
        note=_(
            "Up to 6 months: up to 183 days; 6 to 12 months: 184 to 365 days. Trips whose "
            "return card was lost count with the estimated return date."
        ),
    )


# The tables a statistician can choose, in the order of the official set.
TABLES = [
    ("quarterly", gettext_lazy("Departures and returns by country and sex")),
    ("age", gettext_lazy("Departures by sex and age group")),
    ("form-1t", gettext_lazy("Form 1-T: citizens leaving to work abroad")),
    ("abroad", gettext_lazy("Persons abroad on a date")),
    ("stays", gettext_lazy("Stays abroad by length")),
]


def count_table(*, key, period, day=None):
    """The table ``key`` of ``period`` (``day`` for the persons abroad: the period's last day
    when not given). Checks nothing: callers do."""
    builders = {
        "quarterly": lambda: departures_and_returns(period=period),
        "age": lambda: departures_by_age(period=period),
        "form-1t": lambda: form_1t(period=period),
        "abroad": lambda: persons_abroad(day=day or period.end),
        "stays": lambda: stays_by_length(period=period),
    }
    if key not in builders:
        raise ValueError(f"Unknown table: {key}")
    with counting():
        return builders[key]()


def build_table(*, user, key, period, day=None, public=False, threshold=THRESHOLD):
    """The table ``key`` as ``user`` may see it: only holders of ``crossings.view_statistics``
    see the statistics at all; ``public`` hides the small cells (see ``suppression``)."""
    if not may(user, "crossings.view_statistics"):
        raise PermissionDenied
    table = count_table(key=key, period=period, day=day)
    return suppress(table, threshold=threshold) if public else table


def public_table(*, period, threshold=THRESHOLD):
    """The public page's table: departures and returns by country and sex in ``period``,
    small cells hidden. Anyone may read it."""
    with counting():
        table = departures_and_returns(period=period, compare=False)
    return suppress(table, threshold=threshold)
