"""The report pages as people use them: choosing the period, bad input, XLSX, who may look."""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from rohnamo.core.choices import Role
from rohnamo.core.tests.factories import make_office, make_user
from rohnamo.counselling.choices import EventKind, Sex
from rohnamo.counselling.periods import current_quarter
from rohnamo.counselling.reports.comparison import Change
from rohnamo.counselling.services.events import record_event
from rohnamo.counselling.tests.factories import make_consultation, moment
from rohnamo.counselling.tests.test_report_figures import answered

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def get(client, user, view="counselling:report", language="en", **query):
    client.force_login(user)
    client.cookies["django_language"] = language
    return client.get(reverse(view), query)


@pytest.fixture
def two_branches(nigora, umed, khujand, kulob):
    make_consultation(
        nigora, khujand, at=moment(2026, 2, 3), topics=["registration"], destination="RU"
    )
    make_consultation(umed, kulob, at=moment(2026, 2, 4), sex=Sex.FEMALE, destination="KZ")
    make_consultation(nigora, khujand, at=moment(2025, 2, 3), topics=["health"])
    record_event(
        actor=umed,
        office=kulob,
        kind=EventKind.JOB_FAIR,
        title="Ярмарка",
        date=datetime.date(2026, 3, 2),
        participants_female=3,
        participants_male=4,
    )
    answered(khujand, datetime.date(2026, 1, 9))


@pytest.mark.parametrize(
    ("change", "shown"),
    [
        (Change(9, 8), "+12.5%"),
        (Change(1, 3), "-66.7%"),
        (Change(2, 3), "-33.3%"),
        (Change(0, 5), "-100.0%"),
        (Change(7, 7), "0.0%"),
        (Change(5, 0), "—"),
        (Change(0, 0), "—"),
    ],
)
def test_the_change_is_a_signed_percentage_with_one_decimal(change, shown):
    with translation.override("en"):
        assert str(change) == shown


def test_the_change_uses_the_readers_decimal_comma():
    with translation.override("ru"):
        assert str(Change(9, 8)) == "+12,5%"


def test_without_a_choice_the_report_shows_the_current_quarter(client, bahrom):
    response = get(client, bahrom)
    assert response.status_code == 200
    assert response.context["report"].period == current_quarter()
    assert 'name="kind"' in response.content.decode()


@pytest.mark.usefixtures("two_branches")
def test_the_selects_choose_the_same_period_as_the_period_parameter(client, bahrom):
    by_selects = get(client, bahrom, kind="quarter", year="2026", quarter="1")
    by_text = get(client, bahrom, period="2026-Q1")
    assert by_selects.context["report"].totals == by_text.context["report"].totals
    assert by_text.context["report"].totals["consultations"] == 2
    month = get(client, bahrom, kind="month", year="2026", month="2").context["report"]
    assert (month.period.key, month.totals["consultations"]) == ("2026-02", 2)
    year = get(client, bahrom, kind="year", year="2025").context["report"]
    assert (year.period.key, year.totals["consultations"]) == ("2025", 1)


@pytest.mark.parametrize("period", ["2026-Q5", "2026-13", "first quarter", "1999"])
def test_a_period_that_cannot_be_read_is_explained_on_the_page(client, bahrom, period):
    response = get(client, bahrom, period=period)
    assert response.status_code == 200
    assert response.context["report"] is None
    page = response.content.decode()
    assert 'role="alert"' in page
    assert "is not a period" in page or "Choose a year from 2000 to 2100." in page
    assert "<table>" not in page


def test_a_quarter_report_without_the_quarter_names_the_missing_field(client, bahrom):
    response = get(client, bahrom, kind="quarter", year="2026")
    assert response.context["report"] is None
    assert response.context["form"].errors == {"quarter": ["Choose a quarter."]}


def test_the_errors_of_the_selects_are_in_the_readers_language(client, bahrom):
    response = get(client, bahrom, language="ru", kind="year", year="1999")
    assert response.context["report"] is None
    assert "Убедитесь, что это значение больше либо равно 2000." in response.content.decode()


def test_a_bad_period_never_makes_a_workbook(client, bahrom):
    response = get(client, bahrom, period="2026-Q9", format="xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")


def workbook_and_page(client, user, view, **query):
    page = get(client, user, view, **query)
    download = get(client, user, view, format="xlsx", **query)
    assert download["Content-Type"] == XLSX
    return load_workbook(io.BytesIO(download.content)), page.context["report"]


def as_in_workbook(cell):
    if isinstance(cell, Change):
        return str(cell) if cell.fraction is None else float(cell.percent) / 100
    return cell if isinstance(cell, int) else str(cell) or None


@pytest.mark.usefixtures("two_branches")
@pytest.mark.parametrize("view", ["counselling:report", "counselling:report_comparison"])
def test_the_workbook_holds_every_table_of_the_page(client, bahrom, view):
    book, report = workbook_and_page(client, bahrom, view, period="2026-Q1")
    assert len(book.worksheets) == len(report.tables)
    for sheet, table in zip(book.worksheets, report.tables, strict=True):
        rows = list(
            sheet.iter_rows(min_row=2, max_row=len(table.all_lines()) + 1, values_only=True)
        )
        expected = [[as_in_workbook(cell) for cell in line] for line in table.all_lines()]
        for row, line in zip(rows, expected, strict=True):
            assert list(row)[: len(line)] == line
        assert sheet["A1"].value == f"{table.title} · First quarter of 2026 · All offices"


@pytest.mark.usefixtures("two_branches")
def test_the_workbook_has_the_figures_of_the_branches(client, bahrom):
    book, _report = workbook_and_page(client, bahrom, "counselling:report", period="2026-Q1")
    topics = book["Consultations by topic"]
    assert [cell.value for cell in topics[2]] == ["Topic", "Khujand", "Kulob", "Total"]
    assert [cell.value for cell in topics[3]] == ["Registration", 1, 0, 1]
    assert [cell.value for cell in topics[4]] == ["Not stated", 0, 1, 1]
    assert [cell.value for cell in topics[5]] == ["All consultations", 1, 1, 2]

    book, _report = workbook_and_page(
        client, bahrom, "counselling:report_comparison", period="2026-Q1", office="khujand"
    )
    overview = book["Overview"]
    assert [cell.value for cell in overview[3]] == ["Consultations", 1, 1, 0.0]
    assert [cell.value for cell in overview[4]] == ["Events", 0, 0, "—"]
    assert overview["D3"].number_format == "+0.0%;-0.0%;0.0%"


@pytest.mark.usefixtures("two_branches")
def test_the_workbook_is_named_after_the_period_and_office(client, bahrom):
    response = get(client, bahrom, period="2026-03", office="kulob", format="xlsx")
    assert response["Content-Disposition"] == (
        'attachment; filename="counselling-2026-03-kulob.xlsx"'
    )


@pytest.mark.usefixtures("two_branches")
def test_the_workbook_of_a_branch_counsellor_has_only_the_branch(client, umed):
    book, _report = workbook_and_page(client, umed, "counselling:report", period="2026-Q1")
    text = " ".join(
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    )
    assert "Khujand" not in text
    assert "Registration" not in text
    assert "Kazakhstan" in text


@pytest.mark.parametrize("view", ["counselling:report", "counselling:report_comparison"])
def test_the_reports_do_not_exist_for_people_without_the_consultation_permission(
    client, khujand, view
):
    licensing = make_user("lola", Role.LICENSING_OFFICER, khujand)
    assert get(client, licensing, view).status_code == 404
    client.logout()
    assert client.get(reverse(view)).status_code == 302


@pytest.mark.usefixtures("two_branches")
def test_the_page_links_the_other_periods_the_comparison_and_the_workbook(client, bahrom):
    page = get(client, bahrom, period="2026-Q1", office="kulob").content.decode()
    assert "?period=2025-Q4&amp;office=kulob" in page
    assert "?period=2026-Q2&amp;office=kulob" in page
    assert reverse("counselling:report_comparison") + "?period=2026-Q1&amp;office=kulob" in page
    assert "?period=2026-Q1&amp;office=kulob&amp;format=xlsx" in page


def add_branch(centre, number):
    """Another branch with a counsellor, a consultation, an event and a response in 2026-Q1."""
    office = make_office(f"branch-{number}", parent=centre)
    counsellor = make_user(f"counsellor-{number}", Role.COUNSELLOR, office)
    make_consultation(
        counsellor,
        office,
        at=moment(2026, 2, number + 1),
        topics=["registration", "health"],
        destination=["RU", "KZ", "TR"][number % 3],
        sex=Sex.FEMALE,
    )
    record_event(
        actor=counsellor,
        office=office,
        kind=EventKind.INFORMATION_SESSION,
        title="Вохӯрӣ",
        date=datetime.date(2026, 2, 1),
        participants_female=number,
        participants_male=1,
    )
    answered(office, datetime.date(2026, 2, 1))


def queries_of(client, view):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse(view), {"period": "2026-Q1"})
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("view", ["counselling:report", "counselling:report_comparison"])
def test_the_report_costs_the_same_queries_for_one_or_three_offices(
    client, bahrom, centre, view, django_assert_max_num_queries
):
    client.force_login(bahrom)
    add_branch(centre, 1)
    with django_assert_max_num_queries(20):
        one = queries_of(client, view)
    add_branch(centre, 2)
    add_branch(centre, 3)
    with django_assert_max_num_queries(20):
        three = queries_of(client, view)
    assert one == three
    report = client.get(reverse(view), {"period": "2026-Q1"}).context["report"]
    assert len(report.offices) == 3
    assert report.totals["consultations"] == 3


@pytest.mark.usefixtures("two_branches")
@pytest.mark.parametrize("language", ["tg", "ru"])
@pytest.mark.parametrize("view", ["counselling:report", "counselling:report_comparison"])
def test_the_reports_read_in_tajik_and_russian(client, bahrom, language, view):
    response = get(client, bahrom, view, language=language, period="2026-Q1")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Филиали Хуҷанд" in page
    assert "Кӯлоб" in page
    assert ("Бақайдгирӣ" if language == "tg" else "Регистрация") in page
