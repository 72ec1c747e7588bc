"""The public "Can I travel?" page: the answer, its errors, its limits and its private log."""

import pytest
from django.urls import reverse
from django.utils import translation

from rohnamo.core.models import Country
from rohnamo.departure.models import Lookup
from rohnamo.departure.tests.helpers import imported, person

URL = "/{lang}/can-i-travel/"


@pytest.fixture
def listed(db, tmp_path):
    return imported(tmp_path, [person(surname="Khamidov", given_name="Farrukh")])


def ask(client, lang="en", address="10.0.0.1", **fields):
    return client.post(URL.format(lang=lang), fields, REMOTE_ADDR=address)


def test_the_page_is_a_small_post_form_in_tajik(client, db):
    response = client.get(URL.format(lang="tg"))
    page = response.content.decode()
    assert '<html lang="tg">' in page
    assert "Саҳифаи асосӣ" in page  # the Tajik menu
    assert 'method="post"' in page and "csrfmiddlewaretoken" in page
    assert "<script" not in page
    assert len(response.content) < 30 * 1024
    with translation.override("tg"):
        assert page.count(reverse("portal:travel_check")) >= 1


def test_a_listed_person_asking_in_tajik_script_learns_which_list_and_what_to_do(client, listed):
    response = ask(client, birth_date="02.04.1990", surname="Ҳамидов", given_name="Фаррух")
    page = response.content.decode()
    assert "You are on an entry-ban list of Russia" in page
    assert "Listed since 01.03.2024." in page and "Listed until 01.03.2029." in page
    assert "Do not buy a ticket" in page
    assert "/en/ask/?kind=request&amp;category=detention" in page
    assert len(response.content) < 30 * 1024


def test_a_listed_person_is_answered_in_tajik_too(client, listed):
    response = ask(client, lang="tg", birth_date="1990-04-02", passport="401234567")
    page = response.content.decode()
    assert '<html lang="tg">' in page and "/tg/ask/" in page
    assert Country.objects.get(code="RU").name_tg in page
    assert "Санҷидан" in page  # the button, in Tajik


def test_a_namesake_born_on_another_day_is_told_he_is_on_no_list(client, listed):
    response = ask(client, birth_date="02.04.1991", surname="Ҳамидов", given_name="Фаррух")
    page = response.content.decode()
    assert "You are not on any list the Migration Service has received" in page
    assert "newest list: 10.01.2026" in page
    assert "Entry bans" not in page and "Khamidov" not in page


def test_a_list_row_with_only_a_surname_is_answered_as_possibly_someone_else(client, db, tmp_path):
    imported(tmp_path, [person(given_name="", patronymic="", passport_number="")])
    page = ask(client, birth_date="02.04.1990", surname="Hamidov", given_name="Rustam")
    text = page.content.decode()
    assert "You are on an entry-ban list of" in text
    assert "it may be someone else with your surname" in text
    full = ask(client, birth_date="02.04.1990", passport="401234567", address="10.0.0.2")
    assert "it may be someone else" not in full.content.decode(), "not when nothing is missing"


def test_the_answer_never_shows_other_people_on_the_list(client, db, tmp_path):
    imported(
        tmp_path, [person(), person(surname="Назаров", given_name="Алишер", passport_number="")]
    )
    page = ask(client, birth_date="02.04.1990", passport="401234567").content.decode()
    assert "entry-ban list" in page
    assert "Назаров" not in page and "Алишер" not in page and "Ҳамидов" not in page


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"passport": "401234567"}, "Write your date of birth"),
        ({"birth_date": "31.02.1990", "passport": "401234567"}, "This date does not exist"),
        ({"birth_date": "02.04.1990"}, "Write your passport number, or your surname and given"),
        ({"birth_date": "02.04.1990", "surname": "Hamidov"}, "Write both your surname and"),
    ],
)
def test_incomplete_questions_are_explained_and_not_answered(client, listed, fields, error):
    response = ask(client, **fields)
    page = response.content.decode()
    assert error in page
    assert "entry-ban list" not in page and "You are not on any list" not in page
    assert not Lookup.objects.exists()


def test_a_missing_birth_date_on_the_tajik_page_marks_the_field_and_answers_nothing(client, db):
    page = ask(client, lang="tg", passport="401234567").content.decode()
    assert '<html lang="tg">' in page and 'class="field invalid"' in page
    assert not Lookup.objects.exists()


def test_one_address_is_refused_after_ten_checks_an_hour_and_the_refusal_is_logged(client, listed):
    for day in range(1, 11):
        ask(client, birth_date=f"{day:02d}.01.1980", passport="401234567")
    response = ask(client, birth_date="02.04.1990", passport="401234567")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Too many checks were made from your connection" in page
    assert "entry-ban list" not in page
    assert Lookup.objects.filter(refused=True).count() == 1
    other = ask(client, address="10.0.0.2", birth_date="02.04.1990", passport="401234567")
    assert "entry-ban list" in other.content.decode(), "another address is still answered"


def test_one_identity_is_refused_after_five_checks_a_day_from_any_address(client, listed):
    for index in range(5):
        ask(client, address=f"10.0.1.{index}", birth_date="02.04.1990", passport="401234567")
    response = ask(client, address="10.0.2.1", birth_date="02.04.1990", passport="40 1234567")
    assert response.status_code == 429
    assert "checked too many times today" in response.content.decode()
    refused = Lookup.objects.get(refused=True)
    assert refused.identity_hash == Lookup.objects.filter(refused=False).first().identity_hash


def test_the_log_holds_neither_the_passport_number_nor_the_name_in_clear(client, listed):
    ask(client, birth_date="02.04.1990", passport="401234567")
    ask(client, birth_date="02.04.1990", surname="Ҳамидов", given_name="Фаррух")
    lookups = list(Lookup.objects.all())
    assert [each.found for each in lookups] == [True, True]
    assert {each.by for each in lookups} == {"passport", "name"}
    secrets = ["401234567", "Ҳамидов", "Фаррух", "hamidav", "faruh", "1990-04-02", "10.0.0.1"]
    for lookup in lookups:
        for field in lookup._meta.concrete_fields:
            value = str(field.value_from_object(lookup))
            for secret in secrets:
                assert secret not in value, f"{field.name} holds {secret}"
        assert len(lookup.identity_hash) == 64


def test_identities_never_appear_in_an_address(client, listed):
    response = ask(client, birth_date="02.04.1990", passport="401234567")
    assert response.status_code == 200 and "401234567" not in response.get("Location", "")
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    get = client.get(URL.format(lang="en"), {"birth_date": "02.04.1990", "passport": "401234567"})
    assert "entry-ban list" not in get.content.decode(), "a GET is never answered"
    assert Lookup.objects.count() == 1
