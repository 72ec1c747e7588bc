"""The case report page as people use it: who may open it, choosing the period and the office,
the workbook, and a constant number of queries however many cases there are."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from rohnamo.cases.tests.factories import make_case
from rohnamo.cases.tests.test_report_figures import first_quarter, huquq, partners  # noqa: F401
from rohnamo.core.choices import Role
from rohnamo.core.tests.factories import make_user
from rohnamo.counselling.periods import current_quarter

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def get(client, user, **query):
    client.force_login(user)
    client.cookies["django_language"] = "en"
    return client.get(reverse("cases:report"), query)


def test_without_a_choice_the_report_is_of_the_current_quarter(client, bahrom):
    response = get(client, bahrom)
    assert response.status_code == 200
    assert response.context["report"].period == current_quarter()
    page = response.content.decode()
    assert "<svg" in page
    assert "Nothing recorded in this period." in page


@pytest.mark.usefixtures("first_quarter")
def test_the_page_shows_the_tables_and_totals_of_the_period(client, bahrom):
    page = get(client, bahrom, period="2026-Q1").content.decode()
    assert "Cases opened by category" in page
    assert "Referrals by organisation and outcome" in page
    assert '<span class="value">6</span> cases opened' in page
    # The median of 2026-Q1 with one decimal, as the reader writes numbers.
    assert '<span class="value">3.0</span> median days to first response' in page
    assert 'href="?period=2026-Q1&amp;format=xlsx"' in page


def test_people_without_case_access_get_no_page(client, centre, nigora):
    partner = make_user("zarina", Role.PARTNER_USER, centre)
    assert get(client, partner).status_code == 404
    client.logout()
    response = client.get(reverse("cases:report"))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_counsellor_cannot_ask_for_another_office(client, umed):
    response = get(client, umed, period="2026-Q1", office="khujand")
    assert response.status_code == 200
    assert response.context["report"] is None
    assert "office" in response.context["form"].errors


def test_a_period_that_cannot_be_read_is_explained_and_makes_no_workbook(client, bahrom):
    response = get(client, bahrom, period="2026-Q7", format="xlsx")
    assert response["Content-Type"].startswith("text/html")
    assert response.context["report"] is None
    assert "is not a period" in response.content.decode()


def sheet_rows(book, title):
    return [[cell.value for cell in row] for row in book[title].iter_rows()]


@pytest.mark.usefixtures("first_quarter")
def test_the_workbook_holds_every_table_with_numbers_to_compute_with(client, bahrom):
    response = get(client, bahrom, period="2026-Q1", office="kulob", format="xlsx")
    assert response["Content-Type"] == XLSX
    assert 'filename="cases-2026-Q1-kulob.xlsx"' in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == [
        "Cases opened by category",
        "Cases opened in the period by t",
        "Cases opened by destination cou",
        "Cases opened per month",
        "Time to first response and to r",
        "Referrals by organisation and o",
    ]
    categories = sheet_rows(book, "Cases opened by category")
    assert categories[0][0].startswith("Cases opened by category · First quarter of 2026 · ")
    assert categories[1] == ["Category", "Cases"]
    assert ["Unpaid wages", 1] in categories
    assert categories[-1] == ["All cases", 2]
    times = book["Time to first response and to r"]
    total = [cell.value for cell in times[times.max_row - 2]]
    assert total == ["All categories", 2, 2, 3.3, 1, 50, 1, 6]
    assert times.cell(row=times.max_row - 2, column=4).number_format == "0.0"
    referrals = sheet_rows(book, "Referrals by organisation and o")
    assert referrals[2] == ["Паноҳ", 1, 1, 0, 0, 0, 0, "—"]


def queries_of_report(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("cases:report"), {"period": "2026"})
    assert response.status_code == 200
    return len(queries)


def test_the_report_takes_the_same_queries_for_one_case_as_for_three(
    client, nigora, khujand, django_assert_max_num_queries
):
    client.force_login(nigora)
    make_case(nigora, khujand)
    with django_assert_max_num_queries(15):
        one = queries_of_report(client)
    make_case(nigora, khujand, category="documents", country=None)
    make_case(nigora, khujand, category="trafficking")
    with django_assert_max_num_queries(15):
        three = queries_of_report(client)
    assert one == three


def test_the_page_reads_this_year_when_asked_for_a_year(client, nigora, khujand):
    make_case(nigora, khujand)
    year = timezone.localdate().year
    response = get(client, nigora, kind="year", year=str(year))
    assert response.context["report"].totals["cases"] == 1
