"""Vacancies on the staff pages: recorded as drafts, verified by an officer, closed when over."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from rohnamo.core.choices import Role
from rohnamo.core.jobs import KINDS, run_job
from rohnamo.core.models import Country, Job
from rohnamo.core.tests.factories import make_user
from rohnamo.recruitment.models import Agency, Vacancy
from rohnamo.recruitment.queries import public_vacancies
from rohnamo.recruitment.services.agencies import change_licence_status, register_agency
from rohnamo.recruitment.services.vacancies import close_finished_vacancies, record_vacancy
from rohnamo.recruitment.tests.factories import (
    licensed_agency,
    occupation,
    published_vacancy,
    set_fee_limit,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def rustam(centre):
    return make_user("rustam", Role.LICENSING_OFFICER, centre)


@pytest.fixture
def officer_client(client, rustam):
    client.force_login(rustam)
    client.cookies["django_language"] = "en"
    return client


def _form(agency, **changes):
    data = {
        "agency": agency.pk,
        "employer": "СтройМонтаж",
        "country": Country.objects.get(code="RU").pk,
        "city": "Ростов-на-Дону",
        "occupation": occupation().pk,
        "title": "Каменщик",
        "workers": 10,
        "wage": "90000",
        "currency": "rub",
        "housing": "free",
        "contract_months": 12,
        "worker_fee": "0",
        "fee_currency": "TJS",
        "closes_on": (TODAY + datetime.timedelta(days=30)).isoformat(),
    }
    data.update(changes)
    return data


def test_an_officer_records_a_vacancy_that_waits_for_verification(officer_client, rustam):
    agency = licensed_agency(rustam)

    response = officer_client.post(reverse("recruitment:vacancy_new"), _form(agency))

    vacancy = Vacancy.objects.get()
    assert response.url == reverse("recruitment:vacancies_to_verify")
    assert (vacancy.status, vacancy.currency, vacancy.created_by) == ("draft", "RUB", rustam)
    assert vacancy not in public_vacancies()


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"worker_fee": "600"}, "worker_fee", "above the legal limit of 500"),
        ({"closes_on": "2020-01-01"}, "closes_on", "closing date has passed"),
    ],
)
def test_a_vacancy_that_could_never_be_published_is_refused_naming_the_field(
    officer_client, rustam, changes, field, words
):
    set_fee_limit(500)
    agency = licensed_agency(rustam)

    response = officer_client.post(reverse("recruitment:vacancy_new"), _form(agency, **changes))

    assert words in response.context["form"].errors[field][0]
    assert not Vacancy.objects.exists()


def test_a_vacancy_of_an_unlicensed_agency_is_refused_naming_the_agency(officer_client, rustam):
    agency = register_agency(actor=rustam, legal_name="Без лицензии")

    response = officer_client.post(reverse("recruitment:vacancy_new"), _form(agency))

    assert "no active licence" in response.context["form"].errors["agency"][0]
    assert not Vacancy.objects.exists()


def _draft(officer, agency, **fields):
    fields.setdefault("employer", "СтройМонтаж")
    fields.setdefault("country", Country.objects.get(code="RU"))
    fields.setdefault("occupation", occupation())
    fields.setdefault("title", "Каменщик")
    fields.setdefault("wage", 90000)
    fields.setdefault("currency", "RUB")
    fields.setdefault("contract_months", 12)
    fields.setdefault("closes_on", TODAY + datetime.timedelta(days=30))
    return record_vacancy(actor=officer, agency=agency, **fields)


def test_verifying_publishes_the_draft(officer_client, rustam):
    draft = _draft(rustam, licensed_agency(rustam))

    officer_client.post(reverse("recruitment:vacancy_verify", args=[draft.pk, "publish"]))

    draft.refresh_from_db()
    assert (draft.status, draft.verified_by) == ("published", rustam)
    assert draft in public_vacancies()


def test_rejecting_needs_a_reason(officer_client, rustam):
    draft = _draft(rustam, licensed_agency(rustam))
    url = reverse("recruitment:vacancy_verify", args=[draft.pk, "reject"])

    without = officer_client.post(url, {"reason": " "}, follow=True)
    draft.refresh_from_db()
    assert draft.status == "draft"
    assert "Give the reason." in without.content.decode()

    officer_client.post(url, {"reason": "The employer does not exist"})
    draft.refresh_from_db()
    assert (draft.status, draft.status_reason) == ("rejected", "The employer does not exist")


def test_the_drafts_list_shows_why_a_draft_cannot_be_published(officer_client, rustam):
    agency = licensed_agency(rustam)
    draft = _draft(rustam, agency)
    change_licence_status(
        actor=rustam, licence=agency.licences.get(), status="suspended", reason="Inspection"
    )

    page = officer_client.get(reverse("recruitment:vacancies_to_verify"))
    refused = officer_client.post(
        reverse("recruitment:vacancy_verify", args=[draft.pk, "publish"]), follow=True
    )

    assert list(page.context["page"])[0].problems == {
        "agency": "The agency holds no active licence."
    }
    assert 'data-field="agency"' in page.content.decode()
    assert "no active licence" in refused.content.decode()
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_a_published_vacancy_closes_when_the_licence_is_suspended(rustam):
    agency = licensed_agency(rustam)
    vacancy = published_vacancy(rustam, agency)
    other = published_vacancy(rustam, licensed_agency(rustam, "Другое", number="LIC-9"))

    change_licence_status(
        actor=rustam, licence=agency.licences.get(), status="suspended", reason="Inspection"
    )
    closed = close_finished_vacancies()

    assert closed == 1
    assert Vacancy.objects.get(pk=vacancy.pk).status == "closed"
    assert Vacancy.objects.get(pk=other.pk).status == "published"


def test_a_published_vacancy_closes_after_its_closing_date_by_the_daily_command(rustam):
    vacancy = published_vacancy(rustam, licensed_agency(rustam))
    Vacancy.objects.filter(pk=vacancy.pk).update(closes_on=TODAY - datetime.timedelta(days=1))

    output = io.StringIO()
    call_command("close_vacancies", stdout=output)

    assert Vacancy.objects.get(pk=vacancy.pk).status == "closed"
    assert output.getvalue().startswith("1 ")


def test_the_closing_job_closes_finished_vacancies(rustam):
    vacancy = published_vacancy(rustam, licensed_agency(rustam))
    Vacancy.objects.filter(pk=vacancy.pk).update(closes_on=TODAY - datetime.timedelta(days=1))
    job = Job.objects.create(kind="close_vacancies", started_by=rustam)

    assert "close_vacancies" in KINDS
    run_job(job.pk)

    assert Vacancy.objects.get(pk=vacancy.pk).status == "closed"
    assert "1" in Job.objects.get(pk=job.pk).log


def test_a_counsellor_sees_the_vacancies_but_cannot_record_or_verify(client, rustam, nigora):
    draft = _draft(rustam, licensed_agency(rustam))
    client.force_login(nigora)

    assert client.get(reverse("recruitment:vacancy_list")).status_code == 200
    assert client.get(reverse("recruitment:vacancy_new")).status_code == 404
    assert client.get(reverse("recruitment:vacancies_to_verify")).status_code == 404
    url = reverse("recruitment:vacancy_verify", args=[draft.pk, "publish"])
    assert client.post(url).status_code == 404
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_the_list_filters_vacancies_by_status(officer_client, rustam):
    agency = licensed_agency(rustam)
    published = published_vacancy(rustam, agency)
    _draft(rustam, agency)

    response = officer_client.get(reverse("recruitment:vacancy_list"), {"status": "published"})

    assert list(response.context["page"]) == [published]


@pytest.mark.parametrize("count", [1, 3])
def test_the_vacancy_list_takes_a_fixed_number_of_queries(
    officer_client, rustam, django_assert_max_num_queries, count
):
    agency = licensed_agency(rustam)
    for _number in range(count):
        published_vacancy(rustam, agency)

    with django_assert_max_num_queries(8):
        response = officer_client.get(reverse("recruitment:vacancy_list"))

    assert len(response.context["page"]) == count


def test_an_agency_row_made_outside_the_services_still_lists(officer_client):
    Agency.objects.create(legal_name="Старое агентство")

    response = officer_client.get(reverse("recruitment:agencies"))

    assert [status.code for _agency, status in response.context["page"]] == ["unlicensed"]
