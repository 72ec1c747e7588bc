"""Who the check names: the person asked about, in any script, and only from the newest list."""

import datetime

import pytest

from rohnamo.departure.matching import check
from rohnamo.departure.tests.helpers import imported, person

BORN = datetime.date(1990, 4, 2)


@pytest.mark.django_db
def test_a_name_in_tajik_finds_the_entry_written_in_latin_and_in_russian(tmp_path):
    imported(tmp_path, [person(surname="Khamidov", given_name="Farrukh", patronymic="")])
    imported(
        tmp_path,
        [person(surname="Хамидов", given_name="Фаррух")],
        name="Controlled persons",
        kind="controlled",
    )
    result = check(birth_date=BORN, surname="Ҳамидов", given_name="Фаррух")
    assert sorted(finding.kind for finding in result.findings) == ["controlled", "entry_ban"]


@pytest.mark.django_db
def test_a_passport_number_with_the_birth_date_finds_the_entry(tmp_path):
    imported(tmp_path, [person()])
    assert check(birth_date=BORN, passport="40 1234567").found
    assert not check(birth_date=datetime.date(1990, 4, 3), passport="401234567").found


@pytest.mark.django_db
def test_a_namesake_born_on_another_day_is_not_found(tmp_path):
    imported(tmp_path, [person()])
    result = check(birth_date=datetime.date(1991, 4, 2), surname="Ҳамидов", given_name="Фаррух")
    assert not result.found
    assert result.newest_list_on == datetime.date(2026, 1, 10)


@pytest.mark.django_db
def test_another_patronymic_is_another_person_but_a_missing_one_is_not(tmp_path):
    imported(tmp_path, [person(patronymic="Каримович")])
    asked = {"birth_date": BORN, "surname": "Hamidov", "given_name": "Farrukh"}
    assert check(**asked).found
    assert check(**asked, patronymic="Karimovich").found
    assert not check(**asked, patronymic="Салимович").found


@pytest.mark.django_db
def test_the_newest_version_of_a_list_answers(tmp_path):
    imported(tmp_path, [person()], received_on=datetime.date(2025, 6, 1))
    imported(
        tmp_path,
        [person(surname="Назаров", given_name="Алишер", passport_number="409999999")],
        received_on=datetime.date(2026, 2, 1),
    )
    result = check(birth_date=BORN, passport="401234567")
    assert not result.found, "the newer version no longer names him"
    assert result.newest_list_on == datetime.date(2026, 2, 1)


@pytest.mark.django_db
def test_a_finding_names_only_its_list_and_his_own_dates(tmp_path):
    other = person(surname="Назаров", given_name="Алишер", passport_number="409999999")
    ban_list = imported(tmp_path, [person(), other])
    (finding,) = check(birth_date=BORN, passport="401234567").findings
    assert finding.ban_list == ban_list
    assert finding.listed_from == datetime.date(2024, 3, 1)
    assert finding.listed_until == datetime.date(2029, 3, 1)
