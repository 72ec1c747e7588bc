"""The public scorecard of an agency: figures checked against values computed by hand."""

import datetime

import pytest
from django.utils import timezone, translation

from rohnamo.cases.choices import CaseKind, CaseStatus
from rohnamo.cases.services.cases import change_status
from rohnamo.cases.tests.factories import make_case
from rohnamo.core.choices import Role
from rohnamo.core.models import Country
from rohnamo.core.tests.factories import make_user
from rohnamo.recruitment.choices import LicenceStatus, Sanction
from rohnamo.recruitment.scorecard import scorecard, years_licensed
from rohnamo.recruitment.services.agencies import (
    change_licence_status,
    issue_licence,
    record_inspection,
    register_agency,
)
from rohnamo.recruitment.tests.factories import licensed_agency, published_vacancy

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def rustam(centre):
    return make_user("rustam", Role.LICENSING_OFFICER, centre, first_name="Rustam")


@pytest.fixture
def agency(rustam, nigora, umed, khujand, kulob):
    """Two licences (500 days long ago, then 365 days up to today), three inspections of which
    two ended in sanctions, complaints from Khujand and Kulob of which one is resolved, and a
    complaint about another agency that must not count."""
    agency = register_agency(
        actor=rustam,
        legal_name="ООО «Шарқ Кор»",
        other_names=["Восток Работа"],
        countries=[Country.objects.get(code="RU"), Country.objects.get(code="SA")],
    )
    issue_licence(actor=rustam, agency=agency, number="OLD-1",
                  issued_on=TODAY - 1500 * DAY, expires_on=TODAY - 1000 * DAY)  # fmt: skip
    issue_licence(actor=rustam, agency=agency, number="NEW-1",
                  issued_on=TODAY - 365 * DAY, expires_on=TODAY + 365 * DAY)  # fmt: skip
    record_inspection(actor=rustam, agency=agency, date=TODAY - 200 * DAY, findings="Fine")
    record_inspection(actor=rustam, agency=agency, date=TODAY - 100 * DAY,
                      findings="No contracts in Russian", sanction=Sanction.WARNING)  # fmt: skip
    record_inspection(actor=rustam, agency=agency, date=TODAY - 10 * DAY,
                      findings="Charged 3000 TJS", sanction=Sanction.FINE)  # fmt: skip
    resolved = make_case(nigora, khujand, category="recruitment", kind=CaseKind.COMPLAINT,
                         agency=agency, narrative="Паспорти маро гирифтанд")  # fmt: skip
    change_status(actor=nigora, case=resolved, status=CaseStatus.ASSESSED, reason="Checked")
    change_status(actor=nigora, case=resolved, status=CaseStatus.RESOLVED, reason="Refunded")
    make_case(umed, kulob, category="recruitment", kind=CaseKind.COMPLAINT, agency=agency)
    other = licensed_agency(rustam, "Пули Кор", number="OTHER-1")
    make_case(umed, kulob, category="recruitment", kind=CaseKind.COMPLAINT, agency=other)
    published_vacancy(rustam, agency, title="Каменщик в Ростове")
    return agency


def test_the_scorecard_figures_match_the_record(agency):
    with translation.override("en"):  # labels are read in the language active now
        card = scorecard(agency)
        assert card.status.code == "licensed"
        assert card.years_licensed == round((500 + 365) / 365.25, 1) == 2.4
        assert card.inspections == 3
        assert card.inspections_by_sanction == [("No sanction", 1), ("Warning", 1), ("Fine", 1)]
        assert card.sanctions == [(TODAY - 10 * DAY, "Fine"), (TODAY - 100 * DAY, "Warning")]
        assert (card.complaints, card.complaints_resolved) == (2, 1)
        assert sorted(country.code for country in card.countries) == ["RU", "SA"]
        assert [vacancy.title for vacancy in card.vacancies] == ["Каменщик в Ростове"]


def test_a_revoked_licence_counts_only_until_its_revocation(rustam):
    agency = register_agency(actor=rustam, legal_name="Пули Кор")
    licence = issue_licence(actor=rustam, agency=agency, number="R-1",
                            issued_on=TODAY - 730 * DAY, expires_on=TODAY + 365 * DAY)  # fmt: skip
    change_licence_status(actor=rustam, licence=licence, status=LicenceStatus.REVOKED,
                          reason="Fraud", on=TODAY - 365 * DAY)  # fmt: skip
    assert years_licensed(agency.licences.all()) == round(365 / 365.25, 1) == 1.0


def test_an_agency_without_licences_has_licensed_for_no_time(rustam):
    agency = register_agency(actor=rustam, legal_name="Пули Кор")
    card = scorecard(agency)
    assert (card.status.code, card.years_licensed, card.inspections, card.complaints) == (
        "unlicensed", 0, 0, 0)  # fmt: skip


def test_the_scorecard_page_shows_the_figures_and_no_personal_data(client, agency):
    client.cookies["django_language"] = "en"
    html = client.get(f"/en/agencies/{agency.pk}/").content.decode()
    assert "<dd>2.4</dd>" in html
    assert "<dd>3 (No sanction: 1; Warning: 1; Fine: 1)</dd>" in html
    assert "2 complaints, 1 resolved" in html
    assert "Also uses the names: Восток Работа" in html
    assert "Russia, Saudi Arabia" in html
    assert "Каменщик в Ростове" in html
    assert "Licensed until" in html
    for private in ("Rustam", "rustam", "Паспорти маро", "Refunded", "Charged 3000"):
        assert private not in html


@pytest.mark.parametrize("language", ["tg", "ru", "en"])
def test_the_scorecard_works_in_each_language_without_scripts(client, agency, language):
    client.cookies["django_language"] = language
    response = client.get(f"/{language}/agencies/{agency.pk}/")
    assert response.status_code == 200
    assert "<script" not in response.content.decode()


def test_an_unknown_agency_is_not_found(client, db):
    assert client.get("/en/agencies/999999/").status_code == 404
