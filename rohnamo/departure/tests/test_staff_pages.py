"""Officers import and review lists; administrators alone read the log of checks; counsellors
see none of it."""

import csv
import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from rohnamo.core.choices import AuditAction, JobStatus, Role
from rohnamo.core.jobs import run_job
from rohnamo.core.models import AuditEntry, Country, Job
from rohnamo.core.tests.factories import make_user
from rohnamo.departure.alerts.choices import MessageChannel, MessageReason, MessageStatus
from rohnamo.departure.alerts.subscriptions import subscribe
from rohnamo.departure.lists.columns import COLUMNS
from rohnamo.departure.models import BanList, ListEntry, Lookup, OutgoingMessage
from rohnamo.departure.tests.helpers import imported, person

LISTS = "/staff/departure/lists/"
CHECKS = "/staff/departure/checks/"


@pytest.fixture
def dilshod(centre):
    """A statistician of the Migration Service: receives and imports the lists."""
    return make_user("dilshod", Role.STATISTICIAN, centre)


def login(client, user):
    client.cookies["django_language"] = "en"
    client.force_login(user)
    return client


def upload(rows, name="ru-bans.csv"):
    output = io.StringIO()
    writer = csv.DictWriter(output, COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return SimpleUploadedFile(name, output.getvalue().encode(), content_type="text/csv")


def form(file, **changes):
    values = {
        "file": file,
        "country": Country.objects.get(code="RU").pk,
        "kind": "entry_ban",
        "name": "Entry bans",
        "received_on": "2026-01-10",
    }
    values.update(changes)
    return values


def test_a_statistician_imports_a_list_in_the_background_and_downloads_the_report(
    client, dilshod, settings
):
    login(client, dilshod)
    page = client.get(LISTS).content.decode()
    assert 'name="file"' in page and "birth_date" in page
    rows = [person(), person(birth_date="31.02.1990")]
    response = client.post(LISTS, form(upload(rows)))
    job = Job.objects.get(kind="departure_list_import")
    assert response["Location"] == f"/staff/jobs/{job.pk}/"
    run_job(job.pk)
    job.refresh_from_db()
    assert (job.status, job.done, job.total) == (JobStatus.SUCCEEDED, 2, 2)
    assert "Imported 1 persons; 1 rows rejected." in job.log
    ban_list = BanList.objects.get()
    assert ban_list.imported_by == dilshod and ban_list.country.code == "RU"
    assert f"{LISTS}{ban_list.pk}/" in job.log
    detail = client.get(f"{LISTS}{ban_list.pk}/").content.decode()
    assert "Ҳамидов" not in detail, "entries are not listed on the staff page"
    assert not list((settings.MEDIA_ROOT / "departure" / "uploads").iterdir()), "upload not kept"
    report = client.get(f"{LISTS}{ban_list.pk}/report.csv")
    content = b"".join(report.streaming_content).decode("utf-8-sig")
    assert "birth_date: not a real date" in content


def test_a_bad_upload_shows_the_reason_and_saves_nothing(client, dilshod):
    login(client, dilshod)
    file = SimpleUploadedFile("x.csv", b"surname,given_name\nA,B\n", "text/csv")
    client.post(LISTS, form(file))
    job = run_job(Job.objects.get(kind="departure_list_import").pk)
    assert job.status == JobStatus.FAILED
    assert "lacks the required columns birth_date" in job.log
    assert not BanList.objects.exists()


def test_deleting_a_version_needs_the_confirmation_and_is_audited(client, dilshod, tmp_path):
    ban_list = imported(tmp_path, [person()], actor=dilshod)
    login(client, dilshod)
    client.post(f"{LISTS}{ban_list.pk}/delete/")
    assert BanList.objects.filter(pk=ban_list.pk).exists()
    client.post(f"{LISTS}{ban_list.pk}/delete/", {"confirm": "yes"})
    assert not BanList.objects.exists() and not ListEntry.objects.exists()
    assert AuditEntry.objects.filter(action=AuditAction.DELETE, object_id=str(ban_list.pk))


def test_a_counsellor_finds_no_list_page(client, nigora, tmp_path):
    ban_list = imported(tmp_path, [person()])
    login(client, nigora)
    for url in [LISTS, f"{LISTS}{ban_list.pk}/", f"{LISTS}{ban_list.pk}/report.csv", CHECKS]:
        assert client.get(url).status_code == 404, url
    assert client.post(LISTS, form(upload([person()]))).status_code == 404
    assert client.post(f"{LISTS}{ban_list.pk}/delete/", {"confirm": "yes"}).status_code == 404
    assert BanList.objects.count() == 1


def test_only_an_administrator_reads_the_review_of_checks(client, dilshod, farida, tmp_path):
    imported(tmp_path, [person()])
    for address in ["10.0.0.1", "10.0.0.2"]:
        client.post(
            "/en/can-i-travel/",
            {"birth_date": "02.04.1990", "passport": "401234567"},
            REMOTE_ADDR=address,
        )
    login(client, dilshod)
    assert client.get(CHECKS).status_code == 404
    assert "Review of public checks" not in client.get(LISTS).content.decode()
    login(client, farida)
    page = client.get(CHECKS).content.decode()
    identity = Lookup.objects.first().identity_hash
    assert identity[:16] in page, "the repeated identity shows as its hash"
    assert "401234567" not in page


def test_an_imported_list_naming_a_subscriber_queues_his_alert_from_the_job(client, dilshod):
    subscribe(
        birth_date=datetime.date(1990, 4, 2),
        phone="+992 93 555 12 34",
        channel=MessageChannel.SMS,
        language="tg",
        passport="401234567",
    )
    login(client, dilshod)
    client.post(LISTS, form(upload([person(), person(surname="Носиров", passport_number="")])))
    job = run_job(Job.objects.get(kind="departure_list_import").pk)
    assert "Alerts queued for subscribers: 1" in job.log
    alert = OutgoingMessage.objects.get(reason=MessageReason.ALERT)
    assert alert.status == MessageStatus.QUEUED


def test_a_2_gb_list_is_refused_from_its_declared_size_and_nothing_is_stored(
    client, dilshod, settings
):
    login(client, dilshod)
    response = client.post(LISTS, form(upload([person()])), CONTENT_LENGTH=str(2 * 1024**3))
    assert response.url == LISTS
    assert "The file is larger than 100 MB." in client.get(LISTS).content.decode()
    assert not Job.objects.exists() and not BanList.objects.exists()
    assert not (settings.MEDIA_ROOT / "departure").exists()
