"""The public vacancy search: only jobs of licensed agencies, open and verified, with the terms a
worker needs and the rule on fees."""

import datetime
import gzip

import pytest
from django.contrib.staticfiles import finders
from django.utils import timezone

from rohnamo.core.choices import Role
from rohnamo.core.models import Country
from rohnamo.core.tests.factories import make_user
from rohnamo.recruitment.choices import Housing, Sanction
from rohnamo.recruitment.models import Vacancy
from rohnamo.recruitment.services.agencies import record_inspection
from rohnamo.recruitment.services.vacancies import record_vacancy
from rohnamo.recruitment.tests.factories import (
    licensed_agency,
    occupation,
    published_vacancy,
    set_fee_limit,
)

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def rustam(centre):
    return make_user("rustam", Role.LICENSING_OFFICER, centre)


@pytest.fixture
def sharq(rustam):
    set_fee_limit(500)
    return licensed_agency(rustam)


@pytest.fixture
def mason(rustam, sharq):
    return published_vacancy(
        rustam,
        sharq,
        title="Каменщик",
        hours="8 hours, 6 days a week",
        housing=Housing.PROVIDED_FREE,
        requirements="Russian A2, 2 years of experience",
        worker_fee=300,
    )


def jobs_page(client, language="en", **params):
    client.cookies["django_language"] = language
    response = client.get(f"/{language}/jobs/", params)
    assert response.status_code == 200
    return response.content.decode()


def test_a_vacancy_shows_its_terms_its_agency_and_the_fee_rule(client, sharq, mason):
    for html in (jobs_page(client), client.get(f"/en/jobs/{mason.pk}/").content.decode()):
        assert "Каменщик" in html
        assert "СтройМонтаж" in html
        assert "Ростов-на-Дону" in html
        assert "7112 Bricklayers and related workers" in html
        assert "90,000 RUB a month" in html
        assert "8 hours, 6 days a week" in html
        assert "Provided free" in html
        assert "12 months" in html
        assert "Russian A2, 2 years of experience" in html
        assert "300 TJS" in html
        assert f'<a href="/en/agencies/{sharq.pk}/">ООО «Шарқ Кор»</a> · licensed until' in html
        assert (
            "No one may charge you more than the legal fee of 500 TJS. "
            "If someone asks for more, do not pay and tell us." in html
        )


def test_a_vacancy_vanishes_when_its_agency_is_suspended(client, rustam, sharq, mason):
    assert "Каменщик" in jobs_page(client)
    record_inspection(actor=rustam, agency=sharq, date=TODAY, findings="Took passports",
                      sanction=Sanction.SUSPENSION)  # fmt: skip
    assert "Каменщик" not in jobs_page(client)
    assert "0 vacancies found" in jobs_page(client)
    assert client.get(f"/en/jobs/{mason.pk}/").status_code == 404


def test_a_vacancy_vanishes_once_its_closing_date_passes(client, mason):
    # Move the closing date rather than the clock: the rule is read at request time.
    Vacancy.objects.filter(pk=mason.pk).update(closes_on=TODAY - DAY)
    assert "Каменщик" not in jobs_page(client)
    assert client.get(f"/en/jobs/{mason.pk}/").status_code == 404


def test_a_vacancy_waiting_for_verification_is_not_public(client, rustam, sharq):
    draft = record_vacancy(
        actor=rustam, agency=sharq, employer="Draft", country=Country.objects.get(code="RU"),
        occupation=occupation(), title="Черновик", wage=1, currency="RUB", contract_months=1,
        closes_on=TODAY + DAY,
    )  # fmt: skip
    assert "Черновик" not in jobs_page(client)
    assert client.get(f"/en/jobs/{draft.pk}/").status_code == 404


@pytest.fixture
def three_jobs(rustam, sharq):
    kazakh = licensed_agency(rustam, "Осиё Кор", number="LIC-KZ")
    published_vacancy(rustam, sharq, title="Mason in Rostov", wage=90000)
    published_vacancy(rustam, sharq, title="Cleaner in Moscow", city="Москва", wage=60000,
                      occupation=occupation("9112", "Cleaners in offices"))  # fmt: skip
    published_vacancy(rustam, kazakh, title="Mason in Almaty", country=Country.objects.get(
        code="KZ"), city="Алматы", wage=400000, currency="KZT")  # fmt: skip


def titles(html):
    return {
        title
        for title in ("Mason in Rostov", "Cleaner in Moscow", "Mason in Almaty")
        if title in html
    }


def test_vacancies_are_filtered_by_country(client, three_jobs):
    assert titles(jobs_page(client, country="RU")) == {"Mason in Rostov", "Cleaner in Moscow"}
    assert titles(jobs_page(client, country="KZ")) == {"Mason in Almaty"}


def test_vacancies_are_filtered_by_occupation_and_its_groups(client, three_jobs):
    assert titles(jobs_page(client, occupation="7112")) == {"Mason in Rostov", "Mason in Almaty"}
    assert titles(jobs_page(client, occupation="91")) == {"Cleaner in Moscow"}


def test_vacancies_are_filtered_by_the_lowest_wage(client, three_jobs):
    assert titles(jobs_page(client, min_wage="70000")) == {"Mason in Rostov", "Mason in Almaty"}
    assert titles(jobs_page(client, country="RU", min_wage="100000")) == set()


def test_a_city_matches_in_latin_or_cyrillic(client, three_jobs):
    assert titles(jobs_page(client, city="Rostov")) == {"Mason in Rostov"}
    assert titles(jobs_page(client, city="москва")) == {"Cleaner in Moscow"}


def test_nonsense_filters_are_ignored(client, three_jobs):
    html = jobs_page(client, country="<b>", occupation="x", min_wage="-5", page="zz")
    assert len(titles(html)) == 3


def test_the_form_offers_only_countries_and_occupations_with_vacancies(client, three_jobs):
    html = jobs_page(client)
    assert '<option value="KZ">' in html
    assert '<option value="SA">' not in html
    assert (
        '<option value="9112">Cleaners and helpers in offices, hotels and other establishments'
        "</option>"
    ) in html


@pytest.mark.parametrize("language", ["tg", "ru", "en"])
def test_the_search_works_in_each_language_with_a_plain_form(client, mason, language):
    html = jobs_page(client, language, country="RU")
    assert f'<html lang="{language}">' in html
    assert '<form method="get" action="/' + language + '/jobs/"' in html
    assert "<script" not in html
    assert "Каменщик" in html


@pytest.mark.parametrize("count", [1, 3])
def test_the_search_needs_a_fixed_number_of_queries(
    client, rustam, sharq, count, django_assert_max_num_queries
):
    for index in range(count):
        agency = licensed_agency(rustam, f"Agency {index}", number=f"N-{index}")
        published_vacancy(rustam, agency, title=f"Job {index}")
    client.cookies["django_language"] = "en"
    with django_assert_max_num_queries(6):
        html = client.get("/en/jobs/").content.decode()
    assert html.count("licensed until") == count


def test_a_full_page_of_vacancies_weighs_under_30_kb(client, rustam, sharq):
    for index in range(12):
        published_vacancy(
            rustam, sharq, title=f"Каменщик-монолитчик {index}", hours="8 часов, 6 дней в неделю",
            requirements="Русский язык A2, опыт работы от двух лет, медицинская справка " * 3,
            occupation=occupation(f"71{index:02d}", f"Рабочие строительных профессий {index}"),
        )  # fmt: skip
    html = client.get("/tg/jobs/").content
    with open(finders.find("css/public.css"), "rb") as css:
        total = len(gzip.compress(html)) + len(gzip.compress(css.read()))
    assert total <= 30 * 1024, f"{total} bytes"
    assert b'href="?page=2"' in html
