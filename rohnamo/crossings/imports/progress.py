"""Progress a person can watch while the import's transaction is still open.

A job's ``Progress`` writes its counts through the job's own database connection, and inside
the import's transaction nobody else would see them before the commit: the progress bar would
sit at 0 % for a minute and jump to 100 %. On PostgreSQL the counts are therefore written through
a second, autocommitting connection. SQLite (the demo) allows one writer at a time, so there the
counts reach the job page when the import commits.
"""

import time

from django.db import connection

from rohnamo.core.models import Job

# As often as ``rohnamo.core.jobs.Progress`` writes.
INTERVAL = 1.0


class LiveProgress:
    def __init__(self, progress):
        self.progress = progress
        self.job = progress.job if progress else None
        self.side = None
        self.saved_at = 0.0
        if self.job is not None and connection.vendor == "postgresql":
            self.side = connection.get_new_connection(connection.get_connection_params())
            self.side.autocommit = True
            self.sql = (
                f"UPDATE {connection.ops.quote_name(Job._meta.db_table)} "
                "SET done = %s, total = %s WHERE id = %s"
            )

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        if self.side is not None:
            self.side.close()
        return False

    def advance(self, count):
        if self.job is None:
            return
        if self.side is None:
            self.progress.advance(count)
            return
        # The job row in memory stays right, for the worker's final save.
        self.job.done += count
        now = time.monotonic()
        if now - self.saved_at >= INTERVAL:
            self.saved_at = now
            self.side.execute(self.sql, [self.job.done, self.job.total, self.job.pk])
