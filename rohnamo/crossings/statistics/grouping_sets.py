"""The tables of cards counted in one query with GROUP BY GROUPING SETS (PostgreSQL).

A table of cards needs four groupings of the same cards: by row and sex, by row alone, by sex
alone and all together, because a person who went to two countries, or whose cards disagree
about their sex, is one person in a total and distinct persons do not add up. Four GROUP BY
queries read the quarter's cards four times; GROUPING SETS reads them once (1.2 s instead of
2.7 s for the quarterly table over ten million cards). The ORM cannot write it, so the cards
are selected and filtered by the ORM (its SQL, with its bound parameters, becomes a subquery)
and only the grouping is written here. Databases without GROUPING SETS (SQLite) take the four
ORM queries in ``tables``; both give the same counts.
"""

from django.db import connection

from rohnamo.crossings.statistics.expressions import AGE_BOUNDS
from rohnamo.crossings.statistics.sdmx import SIXTY_AND_OVER, UNKNOWN

# The lower bounds of the age groups as differences of two dates written YYYYMMDD (see
# ``expressions._ymd``): 0, 18, 30 and 60 completed years; and the group of each bucket.
AGE_BUCKET_BOUNDS = [0, *(bound * 10000 for bound, _group in AGE_BOUNDS)]
AGE_BUCKETS = [UNKNOWN, *(group for _bound, group in AGE_BOUNDS), SIXTY_AND_OVER]
ROW, SEX = "row_key", "card_sex"
# Each linked person once, each card not linked yet as a person of its own (``card_persons``).
PERSONS_SQL = "COUNT(DISTINCT person_id) + COUNT(*) FILTER (WHERE person_id IS NULL)"


def supports_grouping_sets():
    """Whether the database counts with GROUPING SETS (PostgreSQL does, SQLite does not)."""
    return connection.vendor == "postgresql"


def _ymd_sql(column):
    # The same YYYYMMDD number as ``expressions._ymd``, so both paths agree to the day.
    return (
        f"(date_part('year', {column}) * 10000 + date_part('month', {column}) * 100 "
        f"+ date_part('day', {column}))"
    )


def age_bucket_sql():
    """The age group of a card as a number, from its ``crossing_date`` and ``birth``: 1 under
    18, 2 for 18–29, 3 for 30–59, 4 for 60 and over, 0 when the birth date is unknown or falls
    after the crossing. One expression with one parameter (the bounds): the age is computed
    once per card, not once per age group."""
    difference = f"{_ymd_sql('crossing_date')} - {_ymd_sql('birth')}"
    return f"COALESCE(width_bucket({difference}, %s::float8[]), 0)"


def grouping_sets_counts(cards, *, keys, columns, row_sql, row_params=()):
    """``cards`` (a queryset of crossings annotated with ``card_sex``) counted by ``keys``
    (columns every grouping keeps, e.g. direction and period) and by the table's row
    (``row_sql``, an SQL expression over ``columns``) and ``card_sex``, in the four groupings.

    Returns ``(*key values, row, sex, grouping, crossings, persons)`` tuples; ``grouping`` has
    bit 2 set when the row is totalled over and bit 1 when the sex is (SQL's GROUPING()), since
    a NULL row or sex is also a real value (a country or sex not written)."""
    selected = [*keys, *(column for column in columns if column not in keys)]
    inner, params = cards.order_by().values(*selected, SEX, "person_id").query.sql_with_params()
    quote = connection.ops.quote_name
    key_list = "".join(f"{quote(key)}, " for key in keys)
    sets = ", ".join(
        "(" + (key_list + ", ".join(parts)).rstrip(", ") + ")"
        for parts in ([ROW, SEX], [ROW], [SEX], [])
    )
    # OFFSET 0 keeps the cards a subquery of their own, so that the sex and birth date read
    # from the person (a subquery per card without them) are computed once per card, however
    # often the row expression names them.
    sql = (
        f"SELECT {key_list}{ROW}, {SEX}, GROUPING({ROW}, {SEX}), COUNT(*), {PERSONS_SQL} "
        f"FROM (SELECT {key_list}{row_sql} AS {ROW}, {SEX}, person_id "
        f"FROM ({inner} OFFSET 0) cards) grouped "
        f"GROUP BY GROUPING SETS ({sets})"
    )
    with connection.cursor() as cursor:
        # The row's parameters come first: its expression precedes the cards in the text.
        cursor.execute(sql, [*row_params, *params])
        return cursor.fetchall()
