"""The migration dashboard: five charts of counts, each counted in the database.

Everything here is a count: no name, card or person ever leaves this module, so managers (who
hold ``crossings.view_statistics`` but not ``crossings.view_crossing``) may read it. Each chart
comes with the same numbers as a table (``counselling.reports.tables.Table``), which the page
shows under the chart for screen readers and for exact figures.

What is counted, for a period ending on ``end`` (today unless chosen):

- departures and returns per month: cards (crossings) and the distinct persons behind the
  departure cards, over the 24 months up to ``end``;
- persons abroad: distinct persons with a trip under way (``left_on <= day < returned_on``, or no
  return yet) at each month end, the last point being ``end`` itself;
- destinations and districts of origin: departures in the twelve months up to ``end``, by the
  country and the district written on the card, as cards and distinct persons;
- the age–sex pyramid: persons abroad on ``end``, by their sex and their age on that day.

Persons exist once record linkage has run; before that the person counts are zero and the card
counts are the only figures.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.utils.translation import gettext as _

from rohnamo.counselling.reports.tables import Table
from rohnamo.crossings.choices import Direction, Sex
from rohnamo.crossings.models import Crossing, Person, Trip
from rohnamo.lib.charts_more import horizontal_bar_chart, line_chart, pyramid_chart
from rohnamo.lib.collation import sort_key
from rohnamo.lib.translated import language_chain

PERMISSION = "crossings.view_statistics"
MONTHS_SHOWN = 24
TOP_COUNTRIES = 10
TOP_DISTRICTS = 15
BAND_YEARS = 5
# Everyone this old or older shares the last band: there are too few to draw finer.
OLDEST_BAND = 75
UNKNOWN_AGE = -1


@dataclass
class Chart:
    """One chart of the dashboard and its numbers; ``basis`` says what the chart counts."""

    key: str
    title: str
    svg: str
    table: Table
    basis: str = ""


@dataclass
class Dashboard:
    end: datetime.date
    charts: list
    totals: dict


# --- dates ---------------------------------------------------------------------------------


def add_months(day, months):
    """The first day of the month ``months`` after the month of ``day``."""
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def years_before(day, years):
    """The same day ``years`` earlier; 29 February becomes the 28th in a common year."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def year_window(end):
    """``(first day, last day)`` of the twelve months up to ``end``."""
    return years_before(end, 1) + datetime.timedelta(days=1), end


def month_firsts(end, count=MONTHS_SHOWN):
    """The first days of the ``count`` months that end with the month of ``end``, oldest first."""
    return [add_months(end, -back) for back in range(count - 1, -1, -1)]


def month_ends(end, count=MONTHS_SHOWN):
    """The last day of each of those months; the last one is ``end`` itself."""
    ends = [add_months(first, 1) - datetime.timedelta(days=1) for first in month_firsts(end, count)]
    ends[-1] = end
    return ends


def abroad_on(day, prefix=""):
    """Trips under way on ``day``: left on or before it, not back by then."""
    return Q(**{f"{prefix}left_on__lte": day}) & (
        Q(**{f"{prefix}returned_on__gt": day}) | Q(**{f"{prefix}returned_on__isnull": True})
    )


def _name(row, prefix):
    """The name of a related country or district from a values() row, in the active language."""
    for code in language_chain():
        if row.get(f"{prefix}__name_{code}"):
            return row[f"{prefix}__name_{code}"]
    return _("Not stated")


def _name_fields(prefix):
    return [f"{prefix}__name_{code}" for code in ("tg", "ru", "en")]


# --- counts (each one query) ----------------------------------------------------------------


def crossings_per_month(end):
    """``[(YYYY-MM, departures, returns, persons departing)]`` over the 24 months up to ``end``.

    Two queries: cards per day and direction (a small hash aggregate, summed into months here:
    truncating each date to its month in the database costs a conversion per row), then one
    filtered distinct count of persons per month over the departures only."""
    firsts = month_firsts(end)
    window = Crossing.objects.order_by().filter(
        crossing_date__gte=firsts[0], crossing_date__lte=end
    )
    cards = {}
    for row in window.values("crossing_date", "direction").annotate(n=Count("id")):
        key = (row["crossing_date"].strftime("%Y-%m"), row["direction"])
        cards[key] = cards.get(key, 0) + row["n"]
    persons = window.filter(direction=Direction.EXIT).aggregate(
        **{
            f"m{index}": Count(
                "person",
                distinct=True,
                filter=Q(crossing_date__gte=first, crossing_date__lt=add_months(first, 1)),
            )
            for index, first in enumerate(firsts)
        }
    )
    months = [first.strftime("%Y-%m") for first in firsts]
    return [
        (
            month,
            cards.get((month, Direction.EXIT), 0),
            cards.get((month, Direction.ENTRY), 0),
            persons[f"m{index}"] or 0,
        )
        for index, month in enumerate(months)
    ]


def persons_abroad_over_time(end):
    """``[(day, persons abroad)]`` at each of the 24 month ends up to ``end`` (the last is
    ``end``): one query with a filtered distinct count per day, over the trips that could be
    under way on any of those days."""
    days = month_ends(end)
    counts = (
        Trip.objects.order_by()
        .filter(left_on__lte=end)
        .filter(Q(returned_on__gt=days[0]) | Q(returned_on__isnull=True))
        .aggregate(
            **{
                f"d{index}": Count("person", distinct=True, filter=abroad_on(day))
                for index, day in enumerate(days)
            }
        )
    )
    return [(day, counts[f"d{index}"] or 0) for index, day in enumerate(days)]


def _departures_in_year(end):
    first, last = year_window(end)
    return Crossing.objects.order_by().filter(
        direction=Direction.EXIT, crossing_date__gte=first, crossing_date__lte=last
    )


def year_totals(end):
    """``{"departures", "persons_departing", "returns"}`` in the twelve months up to ``end``."""
    first, last = year_window(end)
    exits = Q(direction=Direction.EXIT)
    return (
        Crossing.objects.order_by()
        .filter(crossing_date__gte=first, crossing_date__lte=last)
        .aggregate(
            departures=Count("id", filter=exits),
            persons_departing=Count("person", distinct=True, filter=exits),
            returns=Count("id", filter=Q(direction=Direction.ENTRY)),
        )
    )


def _grouped_departures(end, prefix):
    rows = (
        _departures_in_year(end)
        .values(prefix, *_name_fields(prefix))
        .annotate(cards=Count("id"), persons=Count("person", distinct=True))
    )
    lines = [(_name(row, prefix), row["cards"], row["persons"], row[prefix]) for row in rows]
    # The most persons first; "not stated" (no id) last whatever its size.
    return sorted(lines, key=lambda line: (line[3] is None, -line[2], -line[1], sort_key(line[0])))


def departures_by_country(end):
    """``[(country, cards, persons)]`` of departures in the twelve months up to ``end``."""
    return [line[:3] for line in _grouped_departures(end, "country")]


def departures_by_district(end):
    """``[(district of residence, cards, persons)]`` of the same departures."""
    return [line[:3] for line in _grouped_departures(end, "residence_district")]


def age_band_labels():
    """``[(lower age, label)]`` of the pyramid's bands, youngest first."""
    labels = [(low, f"{low}–{low + BAND_YEARS - 1}") for low in range(0, OLDEST_BAND, BAND_YEARS)]
    return [*labels, (OLDEST_BAND, f"{OLDEST_BAND}+")]


def _age_band(end):
    """The lower bound of the 5-year band of a person's age on ``end``, as a database
    expression: the birth date compared with fixed days, so no date arithmetic per row."""
    whens = [
        When(
            birth_date__gt=years_before(end, low + BAND_YEARS),
            birth_date__lte=years_before(end, low),
            then=Value(low),
        )
        for low in range(0, OLDEST_BAND, BAND_YEARS)
    ]
    whens.append(When(birth_date__lte=years_before(end, OLDEST_BAND), then=Value(OLDEST_BAND)))
    return Case(*whens, default=Value(UNKNOWN_AGE), output_field=IntegerField())


def persons_abroad_by_age_and_sex(end):
    """``{(lower age or -1, sex or "")}: persons}`` of the persons abroad on ``end``."""
    abroad = Trip.objects.filter(abroad_on(end)).values("person")
    rows = (
        Person.objects.order_by()
        .filter(pk__in=abroad)
        .annotate(band=_age_band(end))
        .values("band", "sex")
        .annotate(persons=Count("id"))
    )
    return {(row["band"], row["sex"]): row["persons"] for row in rows}


# --- charts --------------------------------------------------------------------------------


def _month_chart(months):
    departures, returns = _("Departures"), _("Returns")
    return Chart(
        "months",
        _("Departures and returns per month"),
        line_chart(
            [label for label, *_counts in months],
            [(departures, [m[1] for m in months]), (returns, [m[2] for m in months])],
            title=_("Departures and returns per month"),
            label_every=3,
        ),
        Table(
            "months",
            _("Departures and returns per month"),
            [_("Month"), departures, returns, _("Persons departing")],
            [list(month) for month in months],
            footer=[_("Total"), *(sum(m[i] for m in months) for i in (1, 2))] + [""],
            note=_(
                "Cards counted by the date of crossing. A person who left twice in a month is "
                "counted once among the persons departing."
            ),
        ),
        basis=_("Crossings (cards) in the 24 months up to the chosen date."),
    )


def _abroad_chart(days):
    label = _("Persons abroad")
    return Chart(
        "abroad",
        _("Persons abroad over time"),
        line_chart(
            [day.strftime("%Y-%m") for day, _count in days],
            [(label, [count for _day, count in days])],
            title=_("Persons abroad over time"),
            label_every=3,
        ),
        Table(
            "abroad",
            _("Persons abroad over time"),
            [_("Date"), label],
            [[day.isoformat(), count] for day, count in days],
        ),
        basis=_(
            "Distinct persons with a trip under way at each month end (the last point is the "
            "chosen date). A missing return card counts with its estimated date."
        ),
    )


def _ranked_chart(key, title, heading, lines, total, top):
    """A horizontal bar chart of the ``top`` lines by persons (by cards while nobody is linked),
    and the table of every line."""
    persons_known = any(persons for _name, _cards, persons in lines)
    column = 2 if persons_known else 1
    shown = [(line[0], line[column]) for line in lines[:top]]
    return Chart(
        key,
        title,
        horizontal_bar_chart(shown, title=title),
        Table(
            key,
            title,
            [heading, _("Departures (cards)"), _("Persons")],
            [list(line) for line in lines],
            footer=[_("Total"), *total],
            note=_(
                "A person who left for two places in the year is counted under each; the total "
                "counts them once."
            ),
        ),
        basis=_("Persons departing in the twelve months up to the chosen date.")
        if persons_known
        else _("Departure cards in the twelve months up to the chosen date (no linkage yet)."),
    )


def _pyramid_chart(counts):
    men, women = Sex.MALE.label, Sex.FEMALE.label
    bands = [
        (label, counts.get((low, Sex.MALE), 0), counts.get((low, Sex.FEMALE), 0))
        for low, label in age_band_labels()
    ]
    unknown_age = [counts.get((UNKNOWN_AGE, sex), 0) for sex in (Sex.MALE, Sex.FEMALE)]
    unknown_sex = sum(count for (_band, sex), count in counts.items() if sex not in Sex.values)
    lines = [[label, m, w, m + w] for label, m, w in bands]
    lines.append([_("Age not known"), *unknown_age, sum(unknown_age)])
    footer_men = sum(line[1] for line in lines)
    footer_women = sum(line[2] for line in lines)
    total = footer_men + footer_women + unknown_sex
    return Chart(
        "pyramid",
        _("Current migrants by age and sex"),
        pyramid_chart(
            bands, title=_("Current migrants by age and sex"), left_name=men, right_name=women
        ),
        Table(
            "pyramid",
            _("Current migrants by age and sex"),
            [_("Age"), men, women, _("Total")],
            lines,
            footer=[_("Total"), footer_men, footer_women, total],
            note=_("Persons whose sex is not known: %(count)s (in the total only).")
            % {"count": unknown_sex},
        ),
        basis=_("Persons abroad on the chosen date, by their age on that day."),
    )


def migration_dashboard(user, *, end):
    """The dashboard for the period ending on ``end``: counts only, for holders of
    ``crossings.view_statistics``. Seven queries, whatever the number of cards."""
    if not user.is_authenticated or not user.has_perm(PERMISSION):
        raise PermissionDenied
    months = crossings_per_month(end)
    abroad = persons_abroad_over_time(end)
    totals = year_totals(end)
    year_total = (totals["departures"], totals["persons_departing"])
    countries = departures_by_country(end)
    districts = departures_by_district(end)
    pyramid = persons_abroad_by_age_and_sex(end)
    charts = [
        _month_chart(months),
        _abroad_chart(abroad),
        _ranked_chart(
            "destinations",
            _("Top destinations"),
            _("Country"),
            countries,
            year_total,
            TOP_COUNTRIES,
        ),
        _ranked_chart(
            "districts",
            _("Districts of origin"),
            _("District of residence"),
            districts,
            year_total,
            TOP_DISTRICTS,
        ),
        _pyramid_chart(pyramid),
    ]
    totals["abroad"] = abroad[-1][1]
    return Dashboard(end, charts, totals)
