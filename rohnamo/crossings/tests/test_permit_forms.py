"""Forms T-2 and 3-T against figures counted by hand from a small register."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from rohnamo.core.choices import Role
from rohnamo.core.models import Country
from rohnamo.core.tests.factories import make_user
from rohnamo.crossings.choices import Sector, Sex
from rohnamo.crossings.models import WorkPermit, WorkPermitQuota
from rohnamo.crossings.permits_forms import FormPeriod, parse_form_period, permit_forms

pytestmark = pytest.mark.django_db

H1 = FormPeriod(2026, 1)


def day(text):
    return datetime.date.fromisoformat(text)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def statistician(centre):
    return make_user("zarina", Role.STATISTICIAN, centre)


def permit(number, sex, country, sector, valid_from, valid_until, issued_on=None):
    return WorkPermit.objects.create(
        permit_number=number,
        surname="Ван",
        sex=sex,
        citizenship=Country.objects.get(code=country),
        employer="Сохтмон",
        sector=sector,
        issued_on=day(issued_on or valid_from),
        valid_from=day(valid_from),
        valid_until=day(valid_until),
    )


@pytest.fixture
def register():
    """Valid in the first half of 2026: 1–5 (6 ended in 2025, 7 starts in July).

    1 CN man, construction, issued Dec 2025 (2025's quota), valid across New Year
    2 CN man, construction, Jan–Dec 2026
    3 CN woman, geology, valid 30 June only: still in the half
    4 RU woman, education, from 1 March
    5 TR man, construction, ends on 1 January 2026: one day in the half
    6 TR man, trade, ended 31 December 2025
    7 IN woman, education, issued in June, valid from 1 July: second half only
    """
    WorkPermitQuota.objects.create(year=2026, quota=8)
    permit("1", Sex.MALE, "CN", Sector.CONSTRUCTION, "2025-12-15", "2026-12-14")
    permit("2", Sex.MALE, "CN", Sector.CONSTRUCTION, "2026-01-10", "2026-12-31")
    permit("3", Sex.FEMALE, "CN", Sector.GEOLOGY, "2026-06-30", "2026-06-30")
    permit("4", Sex.FEMALE, "RU", Sector.EDUCATION, "2026-03-01", "2027-02-28")
    permit("5", Sex.MALE, "TR", Sector.CONSTRUCTION, "2025-01-02", "2026-01-01")
    permit("6", Sex.MALE, "TR", Sector.TRADE, "2025-01-01", "2025-12-31")
    permit("7", Sex.FEMALE, "IN", Sector.EDUCATION, "2026-07-01", "2027-06-30", "2026-06-20")


def lines_of(table):
    return {line[0]: line[1:] for line in table.lines}


def test_form_t2_counts_permits_valid_in_the_half_year_by_sector_and_sex(statistician, register):
    t2 = permit_forms(statistician, H1).tables[0]
    lines = lines_of(t2)
    # men, women, total
    assert lines["Construction"] == [3, 0, 3]
    assert lines["Geology and mining"] == [0, 1, 1]
    assert lines["Education and health"] == [0, 1, 1]
    assert lines["Trade and services"] == [0, 0, 0]
    assert len(t2.lines) == len(Sector.choices)  # every sector, even empty
    assert t2.footer == ["Total", 3, 2, 5]


def test_the_quota_used_counts_permits_issued_from_january_to_the_end_of_the_period(
    statistician, register
):
    forms = permit_forms(statistician, H1)
    # Issued in 2026 up to 30 June: 2, 3, 4 and 7 (issued 20 June): 4 of 8.
    assert (forms.quota.quota, forms.quota.issued, str(forms.quota.percent)) == (8, 4, "50.0")
    quota = lines_of(forms.tables[1])
    assert quota["Quota of the year"] == [8]
    assert quota["Quota used, %"][0] == forms.quota.percent


def test_the_quota_is_said_to_be_unset_when_the_year_has_none(statistician, register):
    quota = lines_of(permit_forms(statistician, FormPeriod(2025)).tables[1])
    assert quota["Quota of the year"] == ["not set"]
    assert quota["Quota used, %"] == ["not set"]


def test_form_3t_counts_by_citizenship_the_largest_first(statistician, register):
    t3 = permit_forms(statistician, H1).tables[2]
    assert [line[0] for line in t3.lines][:1] == ["China"]
    lines = lines_of(t3)
    assert lines["China"] == [2, 1, 3]
    assert lines["Russian Federation" if "Russian Federation" in lines else "Russia"] == [0, 1, 1]
    assert [value for name, value in lines.items() if name.startswith("T")] == [[1, 0, 1]]
    assert "India" not in lines
    assert t3.footer == ["Total", 3, 2, 5]


def test_a_whole_year_counts_every_permit_valid_in_it(statistician, register):
    forms = permit_forms(statistician, FormPeriod(2026))
    assert forms.tables[0].footer == ["Total", 3, 3, 6]  # 1–5 and 7
    assert forms.quota.issued == 4


def test_periods_are_half_years_or_years():
    assert parse_form_period("2026-H2") == FormPeriod(2026, 2)
    assert parse_form_period("2026").end == day("2026-12-31")
    assert FormPeriod(2026, 2).start == day("2026-07-01")
    with pytest.raises(Exception, match="not a period"):
        parse_form_period("2026-Q1")


def test_a_counsellor_may_not_read_the_forms(nigora, register):
    with pytest.raises(PermissionDenied):
        permit_forms(nigora, H1)


def test_the_page_shows_the_forms_and_offers_them_as_xlsx(client, bahrom, register):
    client.force_login(bahrom)
    client.cookies["django_language"] = "en"
    url = reverse("crossings:permit_forms")
    page = client.get(url, {"year": "2026", "half": "1"}).content.decode()
    assert "First half of 2026" in page and "Form 3-T" in page
    response = client.get(url, {"year": "2026", "half": "1", "format": "xlsx"})
    assert response["Content-Disposition"].endswith('work-permits-T2-3T-2026-H1.xlsx"')
    book = load_workbook(io.BytesIO(response.content))
    assert len(book.worksheets) == 3
    t2 = book.worksheets[0]
    rows = list(t2.iter_rows(values_only=True))
    assert rows[0][0].startswith("Form T-2") and "First half of 2026" in rows[0][0]
    assert rows[1] == ("Sector", "Male", "Female", "Total")
    assert ("Construction", 3, 0, 3) in rows
    assert ("Total", 3, 2, 5) in rows
    quota = list(book.worksheets[1].iter_rows(values_only=True))
    assert ("Quota used, %", 50) in quota or ("Quota used, %", 50.0) in quota


def test_the_page_defaults_to_the_last_finished_half_year(client, statistician, register):
    client.force_login(statistician)
    client.cookies["django_language"] = "en"
    page = client.get(reverse("crossings:permit_forms")).content.decode()
    today = datetime.date.today()
    expected = (
        f"First half of {today.year}" if today.month > 6 else f"Second half of {today.year - 1}"
    )
    assert expected in page
