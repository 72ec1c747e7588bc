"""What a person looks like across their cards: the most frequent filled value of each field.

Computed in DuckDB over the Arrow table the linkage read, so a run over a million cards does
not walk them in Python.
"""

import duckdb
import pyarrow as pa

PROFILE_SQL = """
SELECT person_id,
       coalesce(mode(surname) FILTER (WHERE surname <> ''), '') AS surname,
       coalesce(mode(given_name) FILTER (WHERE given_name <> ''), '') AS given_name,
       coalesce(mode(patronymic) FILTER (WHERE patronymic <> ''), '') AS patronymic,
       coalesce(mode(sex) FILTER (WHERE sex <> ''), '') AS sex,
       mode(birth_date) AS birth_date,
       mode(district) AS district,
       count(*) AS cards,
       min(crossing_date) AS first_crossing,
       max(crossing_date) AS last_crossing
FROM cards
WHERE person_id IS NOT NULL
GROUP BY person_id
"""

PROFILE_FIELDS = [
    "surname", "given_name", "patronymic", "sex", "birth_date", "residence_district_id",
    "cards", "first_crossing", "last_crossing",
]  # fmt: skip


def profiles(cards: pa.Table):
    """``{person_id: (surname, given_name, patronymic, sex, birth_date, district_id, cards,
    first_crossing, last_crossing)}`` for a table of cards with a ``person_id`` column."""
    connection = duckdb.connect()
    try:
        connection.register("cards", cards)
        rows = connection.execute(PROFILE_SQL).fetchall()
    finally:
        connection.close()
    return {row[0]: (*row[1:6], None if row[6] is None else int(row[6]), *row[7:]) for row in rows}


def with_person_ids(cards: pa.Table, person_of_card: dict):
    """``cards`` with its ``person_id`` column replaced by ``person_of_card[card_id]``."""
    ids = cards.column("card_id").to_pylist()
    column = pa.array([person_of_card.get(card_id) for card_id in ids], pa.int64())
    if "person_id" in cards.column_names:
        cards = cards.drop_columns(["person_id"])
    return cards.append_column("person_id", column)
