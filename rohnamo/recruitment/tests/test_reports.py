"""The recruitment report against counts worked out by hand, on the page and in the workbook."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from rohnamo.cases.models import Case
from rohnamo.cases.tests.factories import make_case
from rohnamo.core.choices import Role
from rohnamo.core.models import Country
from rohnamo.core.tests.factories import make_user
from rohnamo.recruitment.models import Vacancy
from rohnamo.recruitment.services.agencies import (
    change_licence_status,
    issue_licence,
    register_agency,
)
from rohnamo.recruitment.services.vacancies import (
    close_finished_vacancies,
    record_vacancy,
    verify_vacancy,
)
from rohnamo.recruitment.tests.factories import licensed_agency, occupation, published_vacancy

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
YEAR = TODAY.year


@pytest.fixture
def rustam(centre):
    return make_user("rustam", Role.LICENSING_OFFICER, centre)


def _at(year, month, day=15):
    return timezone.make_aware(datetime.datetime(year, month, day, 12))


@pytest.fixture
def register(rustam, nigora, khujand):
    """Four agencies (licensed, suspended, expired, never licensed), their complaints and
    vacancies, some outside the year or never published."""
    sharq = licensed_agency(rustam, "Шарқ Кор", number="LIC-1")
    vostok = licensed_agency(rustam, "Восток", number="LIC-2")
    old = register_agency(actor=rustam, legal_name="Кори Хуб")
    issue_licence(
        actor=rustam,
        agency=old,
        number="LIC-3",
        issued_on=TODAY - datetime.timedelta(days=1000),
        expires_on=TODAY - datetime.timedelta(days=300),
    )
    register_agency(actor=rustam, legal_name="Бе иҷозат")
    kz = Country.objects.get(code="KZ")

    published_vacancy(rustam, sharq, workers=10, occupation=occupation("7112"))
    published_vacancy(rustam, sharq, workers=5, occupation=occupation("9312", "Labourers"))
    january = published_vacancy(
        rustam, sharq, workers=2, country=kz, occupation=occupation("5120", "Cooks")
    )
    Vacancy.objects.filter(pk=january.pk).update(verified_at=_at(YEAR, 1))
    last_year = published_vacancy(rustam, sharq, workers=50)
    Vacancy.objects.filter(pk=last_year.pk).update(verified_at=_at(YEAR - 1, 6))
    published_vacancy(rustam, vostok, workers=3, occupation=occupation("7112"))
    rejected = record_vacancy(
        actor=rustam,
        agency=sharq,
        employer="X",
        country=kz,
        occupation=occupation(),
        title="X",
        wage=1,
        currency="KZT",
        contract_months=1,
        closes_on=TODAY + datetime.timedelta(days=3),
    )
    verify_vacancy(actor=rustam, vacancy=rejected, publish=False, reason="Fake")
    change_licence_status(
        actor=rustam, licence=vostok.licences.get(), status="suspended", reason="Fees"
    )
    close_finished_vacancies()

    make_case(nigora, khujand, category="recruitment", agency=sharq)
    solved = make_case(nigora, khujand, category="recruitment", agency=sharq)
    Case.objects.filter(pk=solved.pk).update(status="closed")
    make_case(nigora, khujand, category="recruitment", agency=vostok)
    make_case(nigora, khujand, category="recruitment")
    earlier = make_case(nigora, khujand, category="recruitment", agency=vostok)
    Case.objects.filter(pk=earlier.pk).update(created_at=_at(YEAR - 1, 3))
    return sharq


def _tables(response):
    return {table.key: table for table in response.context["report"].tables}


def test_the_report_counts_agencies_complaints_and_vacancies_as_worked_out_by_hand(
    client, nigora, register
):
    client.force_login(nigora)
    client.cookies["django_language"] = "en"

    tables = _tables(client.get(reverse("recruitment:report"), {"period": str(YEAR)}))

    assert tables["statuses"].lines == [
        ["Licensed", 1],
        ["Suspended", 1],
        ["Revoked", 0],
        ["Expired", 1],
        ["Not licensed", 1],
    ]
    assert tables["statuses"].footer == ["All agencies", 4]
    assert tables["complaints"].lines == [["Шарқ Кор", 2, 1], ["Восток", 1, 0]]
    assert tables["complaints"].footer == ["All agencies", 3, 1]
    assert tables["countries"].lines == [["Russia", 3, 18], ["Kazakhstan", 1, 2]]
    assert tables["occupations"].lines == [
        ["5 Service and sales workers", 1, 2],
        ["7 Craft and related trades workers", 2, 13],
        ["9 Elementary occupations", 1, 5],
    ]
    assert tables["occupations"].footer == ["All occupations", 4, 20]
    months = dict(tables["months"].lines)
    expected = {f"{YEAR}-01": 1}
    this_month = TODAY.strftime("%Y-%m")
    expected[this_month] = expected.get(this_month, 0) + 3
    assert {month: count for month, count in months.items() if count} == expected


def test_the_previous_year_counts_only_what_happened_in_it(client, nigora, register):
    client.force_login(nigora)

    tables = _tables(client.get(reverse("recruitment:report"), {"period": str(YEAR - 1)}))

    assert [line[1:] for line in tables["countries"].lines] == [[1, 50]]
    assert [line[1:] for line in tables["complaints"].lines] == [[1, 0]]


def test_the_workbook_holds_the_same_lines_as_the_page(client, nigora, register):
    client.force_login(nigora)
    client.cookies["django_language"] = "en"

    response = client.get(reverse("recruitment:report"), {"period": str(YEAR), "format": "xlsx"})

    assert response["Content-Disposition"] == f'attachment; filename="recruitment-{YEAR}.xlsx"'
    book = load_workbook(io.BytesIO(response.content))
    statuses = book["Agencies by licence status"]
    rows = [[cell.value for cell in row] for row in statuses.iter_rows(min_row=2, max_row=8)]
    assert rows[0] == ["Licence status", "Agencies"]
    assert rows[1:] == [
        ["Licensed", 1],
        ["Suspended", 1],
        ["Revoked", 0],
        ["Expired", 1],
        ["Not licensed", 1],
        ["All agencies", 4],
    ]


def test_the_report_opens_on_the_current_year(client, nigora):
    client.force_login(nigora)

    response = client.get(reverse("recruitment:report"))

    assert response.status_code == 200
    assert response.context["report"].period.key == str(YEAR)


def test_a_period_that_cannot_be_read_is_said_on_the_page(client, nigora):
    client.force_login(nigora)

    response = client.get(reverse("recruitment:report"), {"period": "soon"})

    assert response.context["report"] is None
    assert response.context["form"].errors


def test_the_report_does_not_exist_for_someone_without_a_role(client, db):
    client.force_login(make_user("nobody"))

    assert client.get(reverse("recruitment:report")).status_code == 404
