"""Saving checked cards in bulk, skipping those already in the register.

A card is the same card when its crossing point, number and date are the same (the unique
constraint ``one_card_per_key``); the database decides, so a re-imported file or an overlap
between two files adds nothing, and a card repeated inside one file is saved once.

On PostgreSQL each chunk is streamed with COPY into a temporary table and moved with
``INSERT ... ON CONFLICT DO NOTHING``: a million cards take seconds, where one INSERT per card
would take minutes. Other databases (SQLite for the demo and the tests) use ``bulk_create``
with ``ignore_conflicts``.
"""

import queue
import threading

from django.db import connection

from rohnamo.crossings.models import Crossing

# The values of a checked card, in this order (see ``importer.CardReader``).
FIELDS = [
    "crossing_point", "card_number", "direction", "crossing_date", "surname", "given_name",
    "patronymic", "sex", "birth_date", "passport_number", "citizenship", "residence_district",
    "country", "purpose", "education", "occupation",
]  # fmt: skip
ATTNAMES = [Crossing._meta.get_field(name).attname for name in FIELDS]
COLUMNS = [Crossing._meta.get_field(name).column for name in FIELDS]
# Columns that are NOT NULL: an empty COPY value (read as NULL) becomes "" again.
TEXT_COLUMNS = {
    Crossing._meta.get_field(name).column
    for name in FIELDS
    if Crossing._meta.get_field(name).get_internal_type() == "CharField"
}
STAGE = "crossing_import_stage"
SQLITE_BATCH = 500
# Chunks read ahead of the database: bounds the memory a large file takes.
QUEUED_CHUNKS = 2


def card_writer(batch):
    """The fastest writer the database allows, for the cards of ``batch``; use it as a context
    manager inside the import's transaction."""
    if connection.vendor == "postgresql":
        return PostgresWriter(batch)
    return BulkCreateWriter(batch)


class BulkCreateWriter:
    def __init__(self, batch):
        self.batch = batch

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        return False

    def write(self, rows):
        cards = [
            Crossing(batch_id=self.batch.pk, **dict(zip(ATTNAMES, row, strict=True)))
            for row in rows
        ]
        Crossing.objects.bulk_create(cards, batch_size=SQLITE_BATCH, ignore_conflicts=True)

    def finish(self):
        """How many cards were saved (the others were already there)."""
        return Crossing.objects.filter(batch=self.batch).count()


class PostgresWriter:
    """COPY and INSERT in a helper thread, while the import reads and checks the next chunk.

    Reading and checking rows is Python work; copying and inserting is the database's, and
    psycopg lets other threads run while it waits for the server, so on two cores the two
    overlap and a million cards take the longer of the two times instead of their sum. The
    thread uses the same connection (psycopg serialises its use), hence the same transaction;
    the ``with`` block stops the thread before that transaction commits or rolls back.
    """

    def __init__(self, batch):
        self.batch_id = batch.pk
        self.inserted = 0
        self.error = None
        self.queue = queue.Queue(maxsize=QUEUED_CHUNKS)
        table = connection.ops.quote_name(Crossing._meta.db_table)
        listed = ", ".join(COLUMNS)
        selected = ", ".join(
            f"coalesce({column}, '')" if column in TEXT_COLUMNS else column for column in COLUMNS
        )
        key = ", ".join(
            Crossing._meta.get_field(name).column
            for name in ("crossing_point", "card_number", "crossing_date")
        )
        self.copy_sql = f"COPY {STAGE} ({listed}) FROM STDIN WITH (NULL '')"
        self.insert_sql = (
            f"INSERT INTO {table} (batch_id, {listed}) SELECT %s, {selected} FROM {STAGE} "
            f"ON CONFLICT ({key}) DO NOTHING"
        )
        with connection.cursor() as cursor:
            # Column types without constraints; dropped by ``finish``, and a failed import
            # rolls its creation back with everything else.
            cursor.execute(
                f"CREATE TEMPORARY TABLE {STAGE} AS SELECT {listed} FROM {table} WITH NO DATA"
            )
        self.raw = connection.connection
        self.thread = threading.Thread(target=self._run, name="card-writer", daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, exc_type, *exc_info):
        if self.thread.is_alive():
            self.queue.put(None)
            self.thread.join()
        return False

    def write(self, rows):
        if self.error is not None:
            raise self.error
        self.queue.put(rows)

    def _run(self):
        with self.raw.cursor() as cursor:
            while (rows := self.queue.get()) is not None:
                if self.error is None:
                    try:
                        self._save(cursor, rows)
                    except Exception as error:  # noqa: BLE001 - re-raised in the import's thread
                        self.error = error

    def _save(self, cursor, rows):
        # Cell text has its whitespace collapsed (no tabs or line breaks are left), so only the
        # backslash needs escaping in COPY's text format; an empty value is NULL.
        data = "\n".join(["\t".join(["" if v is None else str(v) for v in row]) for row in rows])
        with cursor.copy(self.copy_sql) as copy:
            copy.write(data.replace("\\", "\\\\") + "\n")
        cursor.execute(self.insert_sql, [self.batch_id])
        self.inserted += cursor.rowcount
        cursor.execute(f"TRUNCATE {STAGE}")

    def finish(self):
        """How many cards were saved (the others were already there)."""
        self.queue.put(None)
        self.thread.join()
        if self.error is not None:
            raise self.error
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE {STAGE}")
        return self.inserted
