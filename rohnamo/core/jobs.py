"""Long work in the background, with progress a person can watch.

A kind of work is a function registered with ``@job_kind("name")``; it receives the ``Job`` row and
a ``Progress`` to report through. ``start_job`` queues it for the worker after the transaction
commits; ``run_job`` runs it (the worker calls it, and so does ``manage.py run_job`` in the
foreground).
"""

import logging
import time

from django.db import transaction
from django.utils import timezone

from rohnamo.core.choices import JobStatus
from rohnamo.core.models import Job

logger = logging.getLogger(__name__)

KINDS = {}


def job_kind(name, *, label):
    """Register the decorated function as the kind of work called ``name``."""

    def register(function):
        KINDS[name] = (function, label)
        return function

    return register


def kind_label(name):
    return KINDS[name][1] if name in KINDS else name


class Progress:
    """How a running job tells the world how far it got.

    Counts reach the database at most once a second (and at the end), so a job over a million rows
    does not spend its time writing its own progress.
    """

    interval = 1.0

    def __init__(self, job):
        self.job = job
        self._saved_at = 0.0

    def set_total(self, total):
        self.job.total = total
        Job.objects.filter(pk=self.job.pk).update(total=total)

    def advance(self, count=1):
        self.job.done += count
        now = time.monotonic()
        if now - self._saved_at >= self.interval or self.job.done >= self.job.total:
            self._saved_at = now
            Job.objects.filter(pk=self.job.pk).update(done=self.job.done)

    def log(self, message):
        stamp = timezone.localtime().strftime("%H:%M:%S")
        self.job.log += f"{stamp} {message}\n"
        Job.objects.filter(pk=self.job.pk).update(log=self.job.log)


def start_job(*, actor, kind, office=None, params=None):
    """Queue ``kind`` to run in the background; returns the ``Job`` to watch."""
    if kind not in KINDS:
        raise ValueError(f"Unknown kind of work: {kind}")
    with transaction.atomic():
        job = Job.objects.create(kind=kind, started_by=actor, office=office, params=params or {})
        transaction.on_commit(lambda: _enqueue(job.pk))
    return job


def _enqueue(job_id):
    from rohnamo.core.tasks import run_job_task

    run_job_task.enqueue(job_id)


def run_job(job_id):
    """Run a queued job to the end, recording success or the error."""
    job = Job.objects.get(pk=job_id)
    if job.status != JobStatus.QUEUED:
        return job
    function, _label = KINDS[job.kind]
    job.status, job.started_at = JobStatus.RUNNING, timezone.now()
    job.save(update_fields=["status", "started_at"])
    progress = Progress(job)
    try:
        function(job, progress, **job.params)
    except Exception as error:  # noqa: BLE001 - any failure must reach the person watching
        logger.exception("Job %s failed", job.pk)
        progress.log(f"{type(error).__name__}: {error}")
        job.status = JobStatus.FAILED
    else:
        job.status = JobStatus.SUCCEEDED
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "finished_at", "log", "result", "done", "total"])
    return job
