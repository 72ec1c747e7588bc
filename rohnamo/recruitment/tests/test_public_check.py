"""The public "Check an agency": any spelling finds a registered agency, a look-alike does not."""

import datetime

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format

from rohnamo.core.choices import Role
from rohnamo.core.tests.factories import make_user
from rohnamo.recruitment.choices import LicenceStatus, Sanction
from rohnamo.recruitment.search import check_agency, compare_names, name_words
from rohnamo.recruitment.services.agencies import (
    change_licence_status,
    issue_licence,
    record_inspection,
    register_agency,
)
from rohnamo.recruitment.tests.factories import licensed_agency

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def rustam(centre, khujand, kulob):
    """A licensing officer; the other offices exist so that their hotlines show."""
    return make_user("rustam", Role.LICENSING_OFFICER, centre)


@pytest.fixture
def sharq(rustam):
    return licensed_agency(rustam)  # ООО «Шарқ Кор», licence LIC-001


def check_page(client, query, language="en"):
    client.cookies["django_language"] = language
    response = client.get(f"/{language}/agencies/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def english(date):
    with translation.override("en"):
        return date_format(date)


def test_legal_forms_quotes_and_scripts_fold_away():
    assert name_words("ООО «Шарқ Кор»") == name_words('"Sharq Kor" LLC') == ["shark", "kor"]
    assert name_words("ҶДММ Наврӯз") == name_words("JDMM Navruz")


def test_a_latin_spelling_finds_the_agency_registered_in_cyrillic(client, sharq):
    html = check_page(client, "Sharq Kor")
    assert "ООО «Шарқ Кор»" in html
    assert f"Licensed until {english(TODAY + 365 * DAY)}." in html
    assert "not in the register" not in html


def test_a_cyrillic_spelling_finds_the_agency_registered_in_latin(client, rustam):
    licensed_agency(rustam, "Navruz Travel LLC", number="LIC-002")
    html = check_page(client, "Наврӯз Травел")
    assert "Navruz Travel LLC" in html
    assert "Licensed until" in html


def test_a_name_used_in_adverts_finds_the_agency(client, rustam):
    licensed_agency(rustam, "ООО «Шарқ Кор»", other_names=["Восток Работа"])
    html = check_page(client, "vostok rabota")
    assert "ООО «Шарқ Кор»" in html
    assert "Also uses the name Восток Работа" in html


def test_a_small_typo_still_finds_the_agency(client, sharq):
    html = check_page(client, "Sharq Koor")
    assert "ООО «Шарқ Кор»" in html
    assert "not in the register" not in html


def test_the_licence_number_finds_the_agency_in_any_spacing_and_case(client, sharq):
    html = check_page(client, "lic 001")
    assert "ООО «Шарқ Кор»" in html
    assert "Licence number LIC-001" in html


def test_an_unknown_licence_number_is_not_in_the_register(client, sharq):
    html = check_page(client, "LIC-999")
    assert "“LIC-999” is not in the register: do not pay them." in html
    assert "ООО «Шарқ Кор»" not in html


def test_a_look_alike_name_is_not_the_agency_but_a_warning_about_it(client, sharq):
    html = check_page(client, "Sharq Kor Invest")
    assert "“Sharq Kor Invest” is not in the register: do not pay them." in html
    assert (
        f'Similar to <a href="/en/agencies/{sharq.pk}/">ООО «Шарқ Кор»</a>, '
        "which is a different company." in html
    )
    assert "Licensed until" not in html


def test_the_registered_agency_is_still_found_by_its_exact_name(client, sharq):
    html = check_page(client, "ООО «Шарқ Кор»")
    assert "not in the register" not in html
    assert "which is a different company" not in html
    assert "Licensed until" in html


def test_a_name_a_few_letters_off_is_a_look_alike_not_a_match():
    assert compare_names(["shark", "kor"], ["shark", "kor"])[0] == "same"
    assert compare_names(["shark", "kor"], ["shark", "kor", "invest"])[0] == "same"
    assert compare_names(["shark", "kor", "invest"], ["shark", "kor"])[0] == "lookalike"
    assert compare_names(["shark", "kar"], ["shark", "kor"])[0] == "lookalike"
    assert compare_names(["navruz"], ["shark", "kor"]) is None


def test_an_unrelated_name_is_not_in_the_register_and_warns_of_nothing(client, sharq):
    html = check_page(client, "Golden Visa Group")
    assert "is not in the register: do not pay them." in html
    assert "Similar to" not in html
    assert "Complain about an agency" in html
    assert 'href="/en/ask/?kind=complaint&amp;category=recruitment"' in html


def test_the_answer_says_how_to_complain_and_whom_to_call(client, sharq):
    html = check_page(client, "Sharq Kor")
    assert "Complain about an agency" in html
    assert 'href="tel:+992341112233"' in html


def test_a_suspended_licence_says_since_when_and_why(client, rustam, sharq):
    record_inspection(
        actor=rustam,
        agency=sharq,
        date=TODAY - 3 * DAY,
        findings="Took passports of workers",
        sanction=Sanction.SUSPENSION,
    )
    html = check_page(client, "Шарқ Кор")
    assert f"Licence suspended since {english(TODAY - 3 * DAY)}." in html
    assert "Took passports of workers" in html
    assert "do not pay them" in html
    assert "Licensed until" not in html


def test_a_revoked_licence_says_so(client, rustam, sharq):
    change_licence_status(
        actor=rustam,
        licence=sharq.licences.get(),
        status=LicenceStatus.REVOKED,
        reason="Sent workers to forced labour",
    )
    html = check_page(client, "Sharq Kor")
    assert f"Licence revoked on {english(TODAY)}." in html
    assert "Sent workers to forced labour" in html


def test_an_expired_licence_says_when_it_expired(client, rustam):
    agency = register_agency(actor=rustam, legal_name="Osiyo Kor")
    issue_licence(
        actor=rustam,
        agency=agency,
        number="OLD-1",
        issued_on=TODAY - 800 * DAY,
        expires_on=TODAY - 70 * DAY,
    )
    html = check_page(client, "Osiyo Kor")
    assert f"Licence expired on {english(TODAY - 70 * DAY)}." in html


def test_an_agency_that_never_held_a_licence_is_unlicensed(client, rustam):
    register_agency(actor=rustam, legal_name="Пули Кор")
    html = check_page(client, "Puli Kor")
    assert "This agency holds no licence." in html
    assert "It may not recruit workers: do not pay them." in html


@pytest.mark.parametrize("language", ["tg", "ru", "en"])
def test_the_check_works_in_each_language_without_scripts(client, sharq, language):
    html = check_page(client, "Sharq Kor", language)
    assert f'<html lang="{language}">' in html
    assert "ООО «Шарқ Кор»" in html
    assert "<script" not in html
    assert '<form method="get"' in html


def test_the_empty_check_shows_only_the_form(client, sharq):
    html = check_page(client, "")
    assert "not in the register" not in html
    assert 'name="q"' in html


def test_check_agency_lists_the_exact_name_before_partial_ones(rustam):
    licensed_agency(rustam, "Sharq Kor", number="A-1")
    licensed_agency(rustam, "Sharq Kor Trans", number="A-2")
    found = check_agency("Sharq Kor").found
    assert [each.agency.legal_name for each in found] == ["Sharq Kor", "Sharq Kor Trans"]


@pytest.mark.parametrize("count", [1, 3])
def test_the_check_needs_a_fixed_number_of_queries(
    client, rustam, count, django_assert_max_num_queries
):
    for index in range(count):
        agency = licensed_agency(rustam, f"Sharq Kor {index}", number=f"N-{index}")
        record_inspection(
            actor=rustam, agency=agency, date=TODAY, findings="Ok", sanction=Sanction.WARNING
        )
    client.cookies["django_language"] = "en"
    with django_assert_max_num_queries(4):
        html = client.get("/en/agencies/", {"q": "Sharq Kor"}).content.decode()
    assert html.count("Licensed until") == count
