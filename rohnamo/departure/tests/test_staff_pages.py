"""Officers import and review lists; administrators alone read the log of checks; counsellors
see none of it."""

import csv
import io

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from rohnamo.core.choices import AuditAction, Role
from rohnamo.core.models import AuditEntry, Country
from rohnamo.core.tests.factories import make_user
from rohnamo.departure.lists.columns import COLUMNS
from rohnamo.departure.models import BanList, ListEntry, Lookup
from rohnamo.departure.tests.helpers import imported, person

LISTS = "/staff/departure/lists/"
CHECKS = "/staff/departure/checks/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()


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


def test_a_statistician_imports_a_list_and_downloads_the_report(client, dilshod):
    login(client, dilshod)
    page = client.get(LISTS).content.decode()
    assert 'name="file"' in page and "birth_date" in page
    rows = [person(), person(birth_date="31.02.1990")]
    response = client.post(LISTS, form(upload(rows)), follow=True)
    ban_list = BanList.objects.get()
    assert ban_list.imported_by == dilshod and ban_list.country.code == "RU"
    detail = response.content.decode()
    assert "Imported 1 persons; 1 rows rejected." in detail
    assert "Ҳамидов" not in detail, "entries are not listed on the staff page"
    report = client.get(f"{LISTS}{ban_list.pk}/report.csv")
    content = b"".join(report.streaming_content).decode("utf-8-sig")
    assert "birth_date: not a real date" in content


def test_a_bad_upload_shows_the_reason_and_saves_nothing(client, dilshod):
    login(client, dilshod)
    file = SimpleUploadedFile("x.csv", b"surname,given_name\nA,B\n", "text/csv")
    page = client.post(LISTS, form(file)).content.decode()
    assert "lacks the required columns birth_date" in page
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
