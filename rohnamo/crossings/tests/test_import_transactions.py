"""The import as the background worker runs it: no transaction around it, so its own transaction
is the one that commits or rolls back, while the job page reads the progress from elsewhere."""

import pytest
from django.db import connection
from django.utils import translation

from rohnamo.core.jobs import Progress
from rohnamo.core.models import Job
from rohnamo.crossings.choices import BatchStatus
from rohnamo.crossings.imports import importer, progress
from rohnamo.crossings.models import Crossing, CrossingPoint, ImportBatch
from rohnamo.crossings.tests.conftest import card, cards, write_cards

# Outside the per-test transaction; serialized_rollback restores the reference data afterwards.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def small_chunks(settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path / "media"
    monkeypatch.setattr(importer, "CHUNK", 10)
    monkeypatch.setattr(progress, "INTERVAL", 0)
    with translation.override("en"):
        yield


def done_as_another_connection_sees_it(job):
    """What the job page, served by another process, reads while the import runs."""
    other = connection.get_new_connection(connection.get_connection_params())
    try:
        cursor = other.cursor()
        cursor.execute(f"SELECT done FROM {Job._meta.db_table} WHERE id = %s", [job.pk])
        return cursor.fetchone()[0]
    finally:
        other.close()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite has one writer: progress shows at the end"
)
def test_the_job_page_sees_the_progress_while_the_import_runs(jamshed, tmp_path, monkeypatch):
    path = write_cards(tmp_path / "cards.csv", cards(45))
    job = Job.objects.create(kind="crossing_import", started_by=jamshed)
    seen = []
    read = importer.CardReader.read

    def watched(self, cells):
        seen.append(done_as_another_connection_sees_it(job))
        return read(self, cells)

    monkeypatch.setattr(importer.CardReader, "read", watched)

    batch = importer.import_cards(
        path=path, file_name="cards.csv", actor=jamshed, progress=Progress(job)
    )

    assert batch.imported == 45
    assert seen[0] == 0
    assert seen[-1] == 40, "four chunks of ten were visible before the commit"


def test_a_crash_in_the_middle_leaves_no_cards_and_no_new_points(jamshed, tmp_path, monkeypatch):
    path = write_cards(
        tmp_path / "cards.csv", [card("N1", crossing_point="Новый пункт"), *cards(40)]
    )
    read = importer.CardReader.read
    calls = []

    def failing(self, cells):
        calls.append(1)
        if len(calls) == 35:
            raise OSError("the disk is full")
        return read(self, cells)

    monkeypatch.setattr(importer.CardReader, "read", failing)

    with pytest.raises(OSError, match="the disk is full"):
        importer.import_cards(path=path, file_name="cards.csv", actor=jamshed)

    assert not Crossing.objects.exists()
    assert not CrossingPoint.objects.filter(confirmed=False).exists()
    batch = ImportBatch.objects.get()
    assert (batch.status, batch.imported) == (BatchStatus.FAILED, 0)


def test_an_import_outside_any_transaction_commits_its_cards(jamshed, tmp_path):
    path = write_cards(tmp_path / "cards.csv", [*cards(25), card("B1", direction="?")])

    batch = importer.import_cards(path=path, file_name="cards.csv", actor=jamshed)

    assert (batch.imported, batch.rejected) == (25, 1)
    assert Crossing.objects.filter(batch=batch).count() == 25
    again = importer.import_cards(path=path, file_name="cards.csv", actor=jamshed)
    assert (again.imported, again.duplicates) == (0, 25)
