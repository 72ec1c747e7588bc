"""Long work runs in the background worker and shows its progress to whoever started it."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from rohnamo.core.choices import AuditAction, JobStatus
from rohnamo.core.jobs import Progress, job_kind, run_job, start_job
from rohnamo.core.models import AuditEntry, Job
from rohnamo.core.services import update_office_contacts


def run_worker():
    call_command("db_worker", "--batch", "--queue-name", "*", "--no-startup-delay", "--no-reload")


@pytest.fixture
def history(bahrom, kulob, khujand):
    update_office_contacts(actor=bahrom, office=kulob, hotline="+992 33 777 88 99")
    update_office_contacts(actor=bahrom, office=khujand, hotline="+992 34 777 88 99")


# The worker commits and closes its connection like the real one, so this test runs outside the
# per-test transaction; serialized_rollback restores the roles and reference data afterwards.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_audit_export_runs_in_the_worker_and_produces_a_csv(client, farida, history):
    client.force_login(farida)
    response = client.post(reverse("staff:audit_export"), {"action": "update"})
    job = Job.objects.get()
    assert response["Location"] == reverse("staff:job", args=[job.pk])
    assert job.status == JobStatus.QUEUED
    assert client.get(response["Location"]).content.decode().count('http-equiv="refresh"') == 1

    run_worker()

    job.refresh_from_db()
    assert (job.status, job.done, job.total, job.percent) == (JobStatus.SUCCEEDED, 2, 2, 100)
    page = client.get(reverse("staff:job", args=[job.pk])).content.decode()
    assert 'http-equiv="refresh"' not in page
    raw = client.get(reverse("staff:job_result", args=[job.pk])).getvalue()
    assert raw.startswith(b"\xef\xbb\xbf"), "spreadsheets need the UTF-8 byte-order mark"
    csv_text = raw.decode("utf-8-sig")
    lines = csv_text.strip().splitlines()
    assert lines[0].startswith("at,actor_name,action")
    assert len(lines) == 3
    assert all(",bahrom,update," in line for line in lines[1:])
    assert AuditEntry.objects.filter(action=AuditAction.EXPORT, actor=farida).count() == 1


def test_someone_else_cannot_see_or_download_a_job(client, farida, nigora, history):
    job = start_job(actor=farida, kind="audit_export")
    run_job(job.pk)
    client.force_login(nigora)
    assert client.get(reverse("staff:job", args=[job.pk])).status_code == 404
    assert client.get(reverse("staff:job_result", args=[job.pk])).status_code == 404
    assert "audit" not in client.get(reverse("staff:jobs")).content.decode().lower()


def test_a_failing_job_is_marked_failed_with_the_reason(farida):
    @job_kind("test_failure", label="Failing work")
    def fail(job, progress: Progress):
        progress.set_total(10)
        progress.advance(3)
        raise ValueError("row 4 has no date")

    job = run_job(start_job(actor=farida, kind="test_failure").pk)
    assert (job.status, job.done, job.total) == (JobStatus.FAILED, 3, 10)
    assert "row 4 has no date" in job.log


def test_the_same_work_runs_in_the_foreground_from_the_command_line(farida, history, capsys):
    call_command("run_job", "audit_export", "--user", "farida", "--params", '{"action": "update"}')
    output = capsys.readouterr().out
    assert "2/2" in output
    assert Job.objects.get().status == JobStatus.SUCCEEDED


def test_an_unknown_kind_of_work_is_refused(farida):
    with pytest.raises(ValueError):
        start_job(actor=farida, kind="no_such_work")
    assert not Job.objects.exists()
