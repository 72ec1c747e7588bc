"""Cards as the linkage compares them: phonetic name keys, a clean passport number, ISO dates.

Keys are computed once per distinct spelling (a million cards hold far fewer spellings), with
pyarrow doing the per-card work in C.
"""

import pyarrow as pa
import pyarrow.compute as pc

from rohnamo.crossings.linkage.normalise import (
    PASSPORT_LOOKALIKES,
    name_key,
    patronymic_key,
    surname_key,
)

LINKAGE_COLUMNS = [
    "card_id",
    "surname",
    "given_name",
    "patronymic",
    "sex",
    "birth_date",
    "passport_number",
    "district",
    "citizenship",
    "crossing_date",
    "direction",
]

# The columns Splink compares, in the prepared table.
PREPARED_SCHEMA = pa.schema(
    [
        ("card_id", pa.int64()),
        ("sn", pa.string()),
        ("gn", pa.string()),
        ("pn", pa.string()),
        ("sex", pa.string()),
        ("birth", pa.string()),
        ("pp", pa.string()),
        ("district", pa.string()),
    ]
)


def check_columns(table, extra=()):
    """Raise ValueError naming the columns the linkage needs and ``table`` lacks."""
    missing = [name for name in [*LINKAGE_COLUMNS, *extra] if name not in table.column_names]
    if missing:
        raise ValueError("linkage input lacks columns: " + ", ".join(missing))


def _keys(column, function):
    """``function`` of each value of ``column`` (None for a blank key), computed per spelling."""
    array = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    if not pa.types.is_string(array.type) and not pa.types.is_large_string(array.type):
        array = array.cast(pa.string())
    encoded = pc.dictionary_encode(array)
    keys = [function(value) or None for value in encoded.dictionary.to_pylist()]
    return pa.array(keys, pa.string()).take(encoded.indices)


def _blank_to_null(column):
    array = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    if not pa.types.is_string(array.type):
        array = array.cast(pa.string())
    trimmed = pc.utf8_trim_whitespace(array)
    return pc.if_else(pc.equal(trimmed, ""), pa.scalar(None, pa.string()), trimmed)


def _passports(column):
    """``normalise.passport_key`` done by pyarrow: passports are nearly all distinct, so a
    per-spelling Python call would cost a second per million cards."""
    array = _blank_to_null(column)
    array = pc.utf8_upper(pc.replace_substring_regex(array, r"[\s\-№]+", ""))
    for cyrillic, latin in PASSPORT_LOOKALIKES.items():
        array = pc.replace_substring(array, cyrillic, latin)
    return pc.if_else(pc.less(pc.utf8_length(array), 5), pa.scalar(None, pa.string()), array)


def _sex(column):
    upper = pc.utf8_upper(_blank_to_null(column))
    known = pc.is_in(upper, value_set=pa.array(["M", "F"]))
    return pc.if_else(known, upper, pa.scalar(None, pa.string()))


def _iso(column):
    array = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    if pa.types.is_string(array.type):
        return _blank_to_null(array)
    return array.cast(pa.date32()).cast(pa.string())


def prepare(cards):
    """The prepared table (``PREPARED_SCHEMA``) of a table with ``LINKAGE_COLUMNS``."""
    return pa.table(
        {
            "card_id": cards["card_id"].cast(pa.int64()),
            "sn": _keys(cards["surname"], surname_key),
            "gn": _keys(cards["given_name"], name_key),
            "pn": _keys(cards["patronymic"], patronymic_key),
            "sex": _sex(cards["sex"]),
            "birth": _iso(cards["birth_date"]),
            "pp": _passports(cards["passport_number"]),
            "district": _blank_to_null(cards["district"]),
        },
        schema=PREPARED_SCHEMA,
    )
