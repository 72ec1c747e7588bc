"""The database expressions the tables group by and count with: sex, age group, persons.

Everything here runs inside one GROUP BY query in the database (SQLite or PostgreSQL alike);
no card is ever brought into Python to be counted.
"""

from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    F,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import ExtractDay, ExtractMonth, ExtractYear, NullIf

from rohnamo.crossings.choices import Sex
from rohnamo.crossings.models import Person
from rohnamo.crossings.statistics.sdmx import (
    FROM_18_TO_29,
    FROM_30_TO_59,
    SIXTY_AND_OVER,
    UNDER_18,
    UNKNOWN,
)

# The lower bounds of the age groups after the first, in completed years.
AGE_BOUNDS = [(18, UNDER_18), (30, FROM_18_TO_29), (60, FROM_30_TO_59)]


def _persons_own(field):
    """The linked person's ``field``, read only for the cards that need it."""
    return Subquery(Person.objects.filter(pk=OuterRef("person_id")).values(field)[:1])


def card_sex():
    """The sex written on the card; when the card has none, the sex of the person it is linked
    to (as linkage decided it over all their cards): "M", "F" or NULL.

    The card comes first because it costs nothing to read: the person's row is fetched only for
    the few cards without a sex, where joining every card to its person would dominate the time
    of a quarterly table over millions of cards."""
    return Case(
        When(sex__in=[Sex.MALE, Sex.FEMALE], then=F("sex")),
        default=NullIf(_persons_own("sex"), Value("")),
        output_field=CharField(),
    )


def trip_sex():
    """The sex of a trip's traveller (copied from the person when the trip was built): "M",
    "F" or NULL."""
    return NullIf(F("sex"), Value(""))


def card_birth_date():
    """The birth date written on the card, else the linked person's."""
    return Case(
        When(birth_date__isnull=False, then=F("birth_date")),
        default=_persons_own("birth_date"),
        output_field=DateField(),
    )


def _ymd(expression):
    # A date as the number YYYYMMDD: the difference of two such numbers divided by 10,000 is the
    # age in completed years, with no date arithmetic the databases disagree about.
    return ExtractYear(expression) * 10000 + ExtractMonth(expression) * 100 + ExtractDay(expression)


def with_age_group_at_crossing(crossings):
    """``crossings`` annotated with ``age_group``: the age group on the day of the crossing, from
    the card's birth date (the linked person's when the card has none); unknown when there is
    none or it falls after the crossing."""
    birth = card_birth_date()
    crossings = crossings.alias(birth=birth, age_difference=_ymd(F("crossing_date")) - _ymd(birth))
    return crossings.annotate(
        age_group=Case(
            When(birth__isnull=True, then=Value(UNKNOWN)),
            When(age_difference__lt=0, then=Value(UNKNOWN)),
            *[
                When(age_difference__lt=bound * 10000, then=Value(group))
                for bound, group in AGE_BOUNDS
            ],
            default=Value(SIXTY_AND_OVER),
            output_field=CharField(),
        )
    )


def _years_before(day, years):
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year - years, day=28)


def age_group_on(day, field):
    """The age group on ``day`` of the birth date in ``field``: constants compared with the
    column, which any index on it can serve."""
    whens = [When(**{f"{field}__isnull": True}, then=Value(UNKNOWN))]
    whens.append(When(**{f"{field}__gt": day}, then=Value(UNKNOWN)))
    for bound, group in AGE_BOUNDS:
        whens.append(When(**{f"{field}__gt": _years_before(day, bound)}, then=Value(group)))
    return Case(*whens, default=Value(SIXTY_AND_OVER), output_field=CharField())


def card_persons():
    """Distinct persons among cards: each linked person once, and each card not linked yet as a
    person of its own (before linkage has run on it, a card is at least one traveller)."""
    return Count("person", distinct=True) + Count("pk", filter=Q(person__isnull=True))


def trip_persons():
    """Distinct persons among trips (a trip always has its person)."""
    return Count("person", distinct=True)


def date_range(start, end):
    return Q(crossing_date__gte=start, crossing_date__lte=end)
