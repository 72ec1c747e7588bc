"""Moving cards between the database and the linkage engine, which knows nothing of Django.

The engine takes an Arrow table of cards; districts and citizenships travel as database ids
written as text, which are as good a code as any for telling people apart.
"""

import pyarrow as pa

from rohnamo.crossings.linkage import LINKAGE_COLUMNS
from rohnamo.crossings.models import Crossing

FIELDS = [
    "id", "surname", "given_name", "patronymic", "sex", "birth_date", "passport_number",
    "residence_district_id", "citizenship_id", "crossing_date", "direction",
]  # fmt: skip
CHUNK = 20_000

SCHEMA = pa.schema(
    [
        ("card_id", pa.int64()),
        ("surname", pa.string()),
        ("given_name", pa.string()),
        ("patronymic", pa.string()),
        ("sex", pa.string()),
        ("birth_date", pa.date32()),
        ("passport_number", pa.string()),
        ("district", pa.string()),
        ("citizenship", pa.string()),
        ("crossing_date", pa.date32()),
        ("direction", pa.string()),
    ]
)
assert SCHEMA.names == LINKAGE_COLUMNS


def cards_table(queryset=None, *, with_person=False):
    """The cards of ``queryset`` (all cards by default) as the engine's Arrow table; with
    ``with_person``, a ``person_id`` column too."""
    queryset = Crossing.objects.all() if queryset is None else queryset
    fields = FIELDS + (["person_id"] if with_person else [])
    columns = [[] for _field in fields]
    for row in queryset.order_by("id").values_list(*fields).iterator(chunk_size=CHUNK):
        for column, value in zip(columns, row, strict=True):
            column.append(value)
    for index in (7, 8):  # district and citizenship ids become text codes
        columns[index] = [None if value is None else str(value) for value in columns[index]]
    schema = SCHEMA.append(pa.field("person_id", pa.int64())) if with_person else SCHEMA
    return pa.table(columns, schema=schema)


def decisions():
    """Every statistician's verdict so far, as ``(card_a, card_b, same_person)``."""
    from rohnamo.crossings.models import PairDecision

    return list(PairDecision.objects.values_list("card_a_id", "card_b_id", "same_person"))
