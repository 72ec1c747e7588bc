"""Importing a received list: good rows in, bad rows reported, a bad file changes nothing."""

import csv
import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from rohnamo.core.choices import AuditAction
from rohnamo.core.models import AuditEntry, Country
from rohnamo.departure.lists.importer import ListRefused, import_list
from rohnamo.departure.models import BanList, ListEntry
from rohnamo.departure.tests.helpers import imported, person, write_list


def _import(path, name="bad.csv"):
    return import_list(
        path=path,
        file_name=name,
        actor=None,
        country=Country.objects.get(code="RU"),
        kind="entry_ban",
        name="Entry bans",
        received_on=datetime.date(2026, 1, 10),
    )


@pytest.mark.django_db
def test_rows_with_problems_are_rejected_and_reported_by_row_field_and_problem(tmp_path):
    rows = [
        person(),
        person(surname="Раҳимов", birth_date="31.02.1988"),  # no 31 February
        person(surname="", passport_number=""),
        person(surname="Sharipov", given_name="Umed", birth_date="05.11.1985"),
        person(surname="Назаров", birth_date=""),
    ]
    with translation.override("en"):
        ban_list = imported(tmp_path, rows)
    assert (ban_list.rows_read, ban_list.entries, ban_list.rejected) == (5, 2, 3)
    assert ListEntry.objects.filter(ban_list=ban_list).count() == 2
    sharipov = ListEntry.objects.get(surname="Sharipov")
    assert sharipov.birth_date == datetime.date(1985, 11, 5)
    assert sharipov.name_key == "waripav|umed"
    with ban_list.report.open("rb") as stored:
        report = list(csv.reader(stored.read().decode("utf-8-sig").splitlines()))
    assert report[0][-2:] == ["row", "problem"]
    problems = {line[-2]: line[-1] for line in report[1:]}
    assert set(problems) == {"3", "4", "6"}
    assert "birth_date: not a real date" in problems["3"]
    assert "surname: missing" in problems["4"]
    assert "birth_date: missing" in problems["6"]
    assert report[1][0] == "Раҳимов", "the rejected row is repeated as it was"


@pytest.mark.django_db
def test_an_import_computes_keys_that_ignore_script_and_passport_spelling(tmp_path):
    ban_list = imported(tmp_path, [person(passport_number="4О1 234567")])  # Cyrillic О
    entry = ban_list.people.get()
    assert entry.name_key == "hamidav|faruh"
    assert entry.passport_key == "4O1234567"


@pytest.mark.django_db
def test_a_file_in_the_wrong_encoding_saves_nothing_and_says_why(tmp_path):
    path = write_list(tmp_path / "list.csv", [person()], encoding="utf-16")
    with translation.override("en"), pytest.raises(ListRefused) as refused:
        _import(path)
    assert "UTF-16" in refused.value.messages[0]
    assert not BanList.objects.exists() and not ListEntry.objects.exists()


@pytest.mark.django_db
def test_a_file_missing_a_required_column_saves_nothing(tmp_path):
    columns = ["surname", "given_name", "passport_number"]
    path = write_list(tmp_path / "list.csv", [person()], columns=columns)
    with translation.override("en"), pytest.raises(ListRefused) as refused:
        _import(path)
    assert "birth_date" in refused.value.messages[0]
    assert not BanList.objects.exists() and not ListEntry.objects.exists()
    assert not AuditEntry.objects.filter(action=AuditAction.CREATE).exists()


@pytest.mark.django_db
def test_an_empty_file_or_one_without_a_good_row_saves_nothing(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(ListRefused):
        _import(empty)
    header_only = write_list(tmp_path / "header.csv", [])
    with pytest.raises(ListRefused):
        _import(header_only)
    all_bad = write_list(tmp_path / "bad.csv", [person(birth_date="1990-13-45")])
    with translation.override("en"), pytest.raises(ListRefused) as refused:
        _import(all_bad)
    assert "birth_date: not a real date" in refused.value.messages[0]
    assert not BanList.objects.exists() and not ListEntry.objects.exists()


@pytest.mark.django_db
def test_a_windows_1251_file_with_semicolons_is_imported(tmp_path):
    path = write_list(
        tmp_path / "list.csv",
        [person(surname="Хамидов", birth_date="02.04.1990")],
        encoding="cp1251",
        delimiter=";",
    )
    ban_list = _import(path, "list.csv")
    assert ban_list.people.get().name_key == "hamidav|faruh"
    assert AuditEntry.objects.filter(action=AuditAction.CREATE, object_id=str(ban_list.pk))


@pytest.mark.django_db
def test_the_import_command_imports_a_file_and_refuses_a_future_date(tmp_path):
    path = write_list(tmp_path / "bans.csv", [person(), person(birth_date="1990-02-30")])
    output = io.StringIO()
    call_command(
        "import_entry_list", str(path), name="Entry bans", received_on="2026-01-10", stdout=output
    )
    assert "persons 1, rejected 1" in output.getvalue()
    with pytest.raises(CommandError, match="in the future"):
        call_command("import_entry_list", str(path), name="Entry bans", received_on="2999-01-01")
    assert BanList.objects.count() == 1


@pytest.mark.django_db
def test_a_rejected_row_that_looks_like_a_formula_comes_back_as_text(tmp_path):
    ban_list = imported(tmp_path, [person(), person(surname="=HYPERLINK(1)", birth_date="")])
    with ban_list.report.open("rb") as report:
        content = report.read().decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in content
