"""Job sites and apps read published vacancies and agencies' licence status without a login;
licensing staff send vacancies, which wait for verification like those entered by hand."""

import datetime

import pytest
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from rohnamo.core.choices import Role
from rohnamo.core.models import Country
from rohnamo.core.tests.factories import make_user
from rohnamo.recruitment.choices import LicenceStatus, VacancyStatus
from rohnamo.recruitment.models import Vacancy
from rohnamo.recruitment.services.agencies import change_licence_status, register_agency
from rohnamo.recruitment.services.vacancies import record_vacancy
from rohnamo.recruitment.tests.factories import (
    licensed_agency,
    occupation,
    published_vacancy,
    set_fee_limit,
)

VACANCIES = "/api/v1/vacancies/"
NEXT_MONTH = timezone.localdate() + datetime.timedelta(days=30)


def api_for(user, language="en"):
    client = APIClient()
    token, _created = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}", HTTP_ACCEPT_LANGUAGE=language)
    return client


@pytest.fixture
def rustam(centre):
    return make_user("rustam", Role.LICENSING_OFFICER, centre)


@pytest.fixture
def register(rustam):
    """A licensed agency with a published vacancy in Russia, a suspended one whose published
    vacancy must vanish, a draft of the licensed agency, and an agency never licensed."""
    set_fee_limit(500)
    sharq = licensed_agency(rustam, "ООО «Шарқ Кор»", number="LIC-001")
    published_vacancy(rustam, sharq, title="Каменщик", wage=90000)
    published_vacancy(
        rustam,
        sharq,
        title="Сборщик",
        wage=1800,
        currency="EUR",
        country=Country.objects.get(code="PL"),
        occupation=occupation("8211", "Mechanical machinery assemblers"),
    )
    record_vacancy(
        actor=rustam,
        agency=sharq,
        employer="Черновик",
        country=Country.objects.get(code="RU"),
        occupation=occupation(),
        title="Черновик",
        wage=1,
        currency="RUB",
        contract_months=1,
        closes_on=NEXT_MONTH,
    )
    barakat = licensed_agency(rustam, "ООО «Баракат»", number="LIC-002")
    published_vacancy(rustam, barakat, title="Подсобник")
    change_licence_status(
        actor=rustam,
        licence=barakat.licences.get(),
        status=LicenceStatus.SUSPENDED,
        reason="Жалобы на принудительный труд",
    )
    register_agency(actor=rustam, legal_name="Тез Виза", tax_number="555000111")


def titles(response):
    return sorted(row["title"] for row in response.json()["results"])


def test_the_public_list_shows_only_published_vacancies_of_licensed_agencies(client, register):
    response = client.get(VACANCIES)

    assert response.status_code == 200
    assert titles(response) == ["Каменщик", "Сборщик"]
    first = response.json()["results"][0]
    assert first["agency_status"]["code"] == "licensed"
    assert first["agency_status"]["licence_number"] == "LIC-001"
    assert "created_by" not in first and "verified_by" not in first


def test_vacancies_filter_by_country_occupation_and_minimum_wage(client, register):
    assert titles(client.get(VACANCIES, {"country": "pl"})) == ["Сборщик"]
    assert titles(client.get(VACANCIES, {"occupation": "7112"})) == ["Каменщик"]
    assert titles(client.get(VACANCIES, {"min_wage": "50000"})) == ["Каменщик"]


def test_a_draft_is_not_readable_by_its_address(client, register):
    draft = Vacancy.objects.get(title="Черновик")

    assert client.get(f"{VACANCIES}{draft.pk}/").status_code == 404


@pytest.mark.parametrize("count", [1, 3])
def test_the_vacancy_list_needs_the_same_few_queries_however_long(
    client, rustam, count, django_assert_max_num_queries
):
    set_fee_limit(500)
    for index in range(count):
        agency = licensed_agency(rustam, f"Агентство {index}", number=f"LIC-1{index}")
        published_vacancy(rustam, agency)

    with django_assert_max_num_queries(5):
        response = client.get(VACANCIES)

    assert len(response.json()["results"]) == count


def test_the_agency_list_gives_each_status_in_plain_codes(client, register):
    rows = client.get("/api/v1/agencies/").json()["results"]

    statuses = {row["legal_name"]: row["status"]["code"] for row in rows}
    assert statuses == {
        "ООО «Баракат»": "suspended",
        "ООО «Шарқ Кор»": "licensed",
        "Тез Виза": "unlicensed",
    }
    suspended = next(row for row in rows if row["legal_name"] == "ООО «Баракат»")
    assert suspended["status"]["reason"] == "Жалобы на принудительный труд"
    assert set(suspended) == {
        "id", "legal_name", "names", "tax_number", "registration_number", "status"
    }  # fmt: skip


def test_the_licence_check_finds_an_agency_by_a_latin_spelling(client, register):
    answer = client.get("/api/v1/licence-check/", {"q": "Sharq Kor"}).json()

    assert answer["registered"] is True
    assert [found["legal_name"] for found in answer["found"]] == ["ООО «Шарқ Кор»"]
    assert answer["found"][0]["status"]["code"] == "licensed"


def test_the_licence_check_says_when_a_name_is_not_registered(client, register):
    answer = client.get("/api/v1/licence-check/", {"q": "Золотые Горы"}).json()

    assert answer["registered"] is False
    assert answer["found"] == []


def payload(**changes):
    body = {
        "agency": "LIC-001", "employer": "АгроЮг", "country": "ru", "city": "Краснодар",
        "occupation": "7112", "title": "Штукатур", "workers": 5, "wage": "85000.00",
        "currency": "RUB", "housing": "free", "contract_months": 9, "worker_fee": "200.00",
        "fee_currency": "TJS", "closes_on": NEXT_MONTH.isoformat(),
    }  # fmt: skip
    body.update(changes)
    return body


def test_an_anonymous_caller_cannot_send_a_vacancy(client, register):
    response = client.post(VACANCIES, payload(), content_type="application/json")

    assert response.status_code in (401, 403)
    assert not Vacancy.objects.filter(title="Штукатур").exists()


def test_a_counsellor_cannot_send_a_vacancy(nigora, register):
    before = Vacancy.objects.count()

    response = api_for(nigora).post(VACANCIES, payload(), format="json")

    assert response.status_code == 403
    assert Vacancy.objects.count() == before


def test_an_officer_sends_a_vacancy_that_waits_as_a_draft(rustam, register):
    response = api_for(rustam).post(VACANCIES, payload(), format="json")

    assert response.status_code == 201, response.json()
    assert response.json()["status"] == VacancyStatus.DRAFT
    vacancy = Vacancy.objects.get(title="Штукатур")
    assert (vacancy.status, vacancy.created_by, vacancy.agency.legal_name) == (
        VacancyStatus.DRAFT,
        rustam,
        "ООО «Шарқ Кор»",
    )
    assert "Штукатур" not in titles(APIClient().get(VACANCIES))


def test_a_fee_over_the_limit_is_refused_naming_worker_fee(rustam, register):
    response = api_for(rustam).post(VACANCIES, payload(worker_fee="900.00"), format="json")

    assert response.status_code == 400
    assert response.json() == {"worker_fee": ["The fee is above the legal limit of 500.00 TJS."]}
    assert not Vacancy.objects.filter(title="Штукатур").exists()


def test_an_unknown_agency_or_suspended_one_is_refused_naming_agency(rustam, register):
    unknown = api_for(rustam).post(VACANCIES, payload(agency="NOPE-9"), format="json")
    suspended = api_for(rustam).post(VACANCIES, payload(agency="LIC-002"), format="json")

    assert unknown.status_code == suspended.status_code == 400
    assert unknown.json()["agency"] == [
        "No agency in the register has this licence number or tax number."
    ]
    assert suspended.json()["agency"] == ["The agency holds no active licence."]


def test_the_schema_describes_the_recruitment_endpoints(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()

    assert "post" in schema["paths"]["/api/v1/vacancies/"]
    assert "/api/v1/agencies/" in schema["paths"]
    assert "/api/v1/licence-check/" in schema["paths"]
