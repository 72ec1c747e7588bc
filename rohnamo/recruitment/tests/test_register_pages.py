"""The agency register's staff pages: the list, an agency's page and the officer's forms."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from rohnamo.cases.models import Case
from rohnamo.cases.tests.factories import make_case
from rohnamo.core.choices import Role
from rohnamo.core.models import AuditEntry
from rohnamo.core.tests.factories import make_user
from rohnamo.recruitment.demo import load_demo_recruitment
from rohnamo.recruitment.models import Agency, Inspection, Licence, Vacancy
from rohnamo.recruitment.queries import public_vacancies
from rohnamo.recruitment.tests.factories import licensed_agency, published_vacancy

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def rustam(centre):
    """A licensing officer at the centre."""
    return make_user("rustam", Role.LICENSING_OFFICER, centre)


@pytest.fixture
def officer_client(client, rustam):
    client.force_login(rustam)
    client.cookies["django_language"] = "en"
    return client


def _day(days):
    return (TODAY + datetime.timedelta(days=days)).isoformat()


def test_an_officer_registers_an_agency_with_the_names_it_uses_in_adverts(officer_client):
    response = officer_client.post(
        reverse("recruitment:agency_new"),
        {"legal_name": "ООО «Шарқ Кор»", "other_names": "Sharq Kor\nШарк Кор", "tax_number": "12"},
    )

    agency = Agency.objects.get()
    assert response.url == reverse("recruitment:agency", args=[agency.pk])
    assert sorted(agency.names.values_list("name", flat=True)) == [
        "Sharq Kor",
        "ООО «Шарқ Кор»",
        "Шарк Кор",
    ]


def test_the_officer_edits_the_agency_and_adds_a_name_and_a_branch(officer_client, rustam):
    agency = licensed_agency(rustam)

    officer_client.post(
        reverse("recruitment:agency_edit", args=[agency.pk]),
        {"legal_name": "ООО «Шарқ Кор Плюс»", "phones": "+992 93 000 00 01"},
    )
    officer_client.post(
        reverse("recruitment:agency_action", args=[agency.pk, "name"]), {"name": "Sharq Kor"}
    )
    officer_client.post(
        reverse("recruitment:agency_action", args=[agency.pk, "branch"]),
        {"address": "Хуҷанд, кӯчаи Ленин 1", "phone": "+992 92 000 00 02"},
    )

    agency.refresh_from_db()
    assert (agency.legal_name, agency.phones) == ("ООО «Шарқ Кор Плюс»", "+992 93 000 00 01")
    assert set(agency.names.values_list("name", flat=True)) == {
        "ООО «Шарқ Кор»",
        "ООО «Шарқ Кор Плюс»",
        "Sharq Kor",
    }
    assert list(agency.branches.values_list("address", flat=True)) == ["Хуҷанд, кӯчаи Ленин 1"]
    assert AuditEntry.objects.filter(object_id=str(agency.pk), action="update").exists()


def test_an_overlapping_licence_is_refused_with_the_licence_it_overlaps(officer_client, rustam):
    agency = licensed_agency(rustam, number="LIC-001")

    response = officer_client.post(
        reverse("recruitment:agency_action", args=[agency.pk, "licence"]),
        {"number": "LIC-002", "issued_on": _day(30), "expires_on": _day(700)},
    )

    assert response.status_code == 200
    errors = response.context["licence_form"].errors
    assert "LIC-001" in errors["issued_on"][0]
    assert list(agency.licences.values_list("number", flat=True)) == ["LIC-001"]


def test_a_licence_following_the_current_one_is_issued(officer_client, rustam):
    agency = licensed_agency(rustam, number="LIC-001")

    officer_client.post(
        reverse("recruitment:agency_action", args=[agency.pk, "licence"]),
        {"number": "LIC-002", "issued_on": _day(366), "expires_on": _day(1000)},
    )

    assert set(agency.licences.values_list("number", flat=True)) == {"LIC-001", "LIC-002"}


def _change(client, licence, status, reason):
    return client.post(
        reverse("recruitment:licence_status", args=[licence.agency_id, licence.pk]),
        {"status": status, "reason": reason},
    )


def test_suspending_reinstating_and_revoking_a_licence_keeps_its_history(officer_client, rustam):
    agency = licensed_agency(rustam)
    licence = agency.licences.get()

    _change(officer_client, licence, "suspended", "Fees taken from workers")
    _change(officer_client, licence, "active", "Fees returned")
    _change(officer_client, licence, "revoked", "Fees taken again")

    history = list(licence.events.values_list("status", "reason", "changed_by__username"))
    assert history == [
        ("active", "", "rustam"),
        ("suspended", "Fees taken from workers", "rustam"),
        ("active", "Fees returned", "rustam"),
        ("revoked", "Fees taken again", "rustam"),
    ]
    page = officer_client.get(reverse("recruitment:agency", args=[agency.pk])).content.decode()
    assert "Fees taken from workers" in page and "Fees returned" in page
    assert 'data-status="revoked"' in page


def test_a_status_change_without_a_reason_is_refused_and_changes_nothing(officer_client, rustam):
    licence = licensed_agency(rustam).licences.get()

    response = _change(officer_client, licence, "suspended", "  ")

    assert response.status_code == 200
    assert "reason" in response.context["licences"][0].status_form.errors
    licence.refresh_from_db()
    assert licence.status == "active" and licence.events.count() == 1


def test_an_inspection_with_a_suspension_suspends_the_licence_and_hides_vacancies(
    officer_client, rustam
):
    agency = licensed_agency(rustam)
    vacancy = published_vacancy(rustam, agency)

    officer_client.post(
        reverse("recruitment:agency_action", args=[agency.pk, "inspection"]),
        {"date": _day(0), "findings": "Took 5000 somoni per worker", "sanction": "suspension"},
    )

    inspection = Inspection.objects.get()
    assert (inspection.sanction, inspection.inspector) == ("suspension", rustam)
    assert Licence.objects.get().status == "suspended"
    assert vacancy not in public_vacancies()
    page = officer_client.get(reverse("recruitment:agency", args=[agency.pk])).content.decode()
    assert 'class="licence-status status-suspended"' in page


def test_a_suspension_of_an_agency_without_a_licence_is_refused_and_nothing_is_saved(
    officer_client, rustam
):
    agency = Agency.objects.create(legal_name="Без лицензии")

    response = officer_client.post(
        reverse("recruitment:agency_action", args=[agency.pk, "inspection"]),
        {"date": _day(0), "findings": "Recruits without a licence", "sanction": "suspension"},
    )

    assert response.context["inspection_form"].errors["sanction"]
    assert not Inspection.objects.exists()


def test_the_register_finds_an_agency_by_its_latin_spelling_and_filters_by_status(
    officer_client, rustam
):
    sharq = licensed_agency(rustam, "ООО «Шарқ Кор»", number="LIC-1")
    other = licensed_agency(rustam, "ҶДММ «Роҳи Осон»", number="LIC-2")
    Licence.objects.filter(agency=other).update(status="suspended", status_since=TODAY)

    found = officer_client.get(reverse("recruitment:agencies"), {"q": "sharq kor"})
    suspended = officer_client.get(reverse("recruitment:agencies"), {"status": "suspended"})

    assert [agency for agency, _status in found.context["page"]] == [sharq]
    assert [(agency, status.code) for agency, status in suspended.context["page"]] == [
        (other, "suspended")
    ]


def test_complaints_are_counted_for_everyone_and_listed_for_those_who_see_the_cases(
    client, rustam, nigora, umed, khujand
):
    agency = licensed_agency(rustam)
    case = make_case(nigora, khujand, category="recruitment", agency=agency)
    resolved = make_case(nigora, khujand, category="recruitment", agency=agency)
    Case.objects.filter(pk=resolved.pk).update(status="resolved")
    make_case(nigora, khujand, category="recruitment")  # about no agency
    url = reverse("recruitment:agency", args=[agency.pk])

    client.force_login(nigora)
    own = client.get(url)
    client.force_login(umed)
    other_branch = client.get(url)

    assert own.context["complaint_counts"] == {"total": 2, "resolved": 1}
    assert case.tracking_code in own.content.decode()
    assert other_branch.context["complaint_counts"] == {"total": 2, "resolved": 1}
    assert other_branch.context["complaints"] == []
    assert case.tracking_code not in other_branch.content.decode()


def test_a_counsellor_reads_the_register_but_its_forms_do_not_exist_for_her(client, rustam, nigora):
    agency = licensed_agency(rustam)
    licence = agency.licences.get()
    client.force_login(nigora)

    assert client.get(reverse("recruitment:agencies")).status_code == 200
    page = client.get(reverse("recruitment:agency", args=[agency.pk]))
    assert page.status_code == 200
    assert "record-inspection" not in page.content.decode()
    assert client.get(reverse("recruitment:agency_new")).status_code == 404
    assert client.get(reverse("recruitment:agency_edit", args=[agency.pk])).status_code == 404
    for action in ["name", "branch", "licence", "inspection"]:
        url = reverse("recruitment:agency_action", args=[agency.pk, action])
        assert client.post(url, {"name": "X"}).status_code == 404
    status_url = reverse("recruitment:licence_status", args=[agency.pk, licence.pk])
    assert client.post(status_url, {"status": "revoked", "reason": "x"}).status_code == 404
    licence.refresh_from_db()
    assert licence.status == "active" and agency.names.count() == 1


def test_someone_without_a_role_gets_404_for_the_register(client, db):
    client.force_login(make_user("nobody"))

    assert client.get(reverse("recruitment:agencies")).status_code == 404


@pytest.mark.parametrize("count", [1, 3])
def test_the_register_list_takes_a_fixed_number_of_queries(
    officer_client, rustam, django_assert_max_num_queries, count
):
    for number in range(count):
        agency = licensed_agency(rustam, f"Агентство {number}", number=f"LIC-{number}")
        published_vacancy(rustam, agency)

    with django_assert_max_num_queries(10):
        response = officer_client.get(reverse("recruitment:agencies"))

    assert len(response.context["page"]) == count


def test_the_menu_shows_the_register_to_an_officer(officer_client):
    page = officer_client.get(reverse("recruitment:agencies")).content.decode()

    assert reverse("recruitment:vacancies_to_verify") in page


def test_the_demo_register_loads_twice_without_duplicates(centre):
    users = {
        "licensing": make_user("licensing", Role.LICENSING_OFFICER, centre),
        "admin": make_user("admin", Role.ADMINISTRATOR, centre),
    }

    load_demo_recruitment(users)
    load_demo_recruitment(users)

    assert Agency.objects.count() == 5
    assert Vacancy.objects.filter(status="published").count() == 6
    assert public_vacancies().count() == 6
    assert Case.objects.filter(category="recruitment", agency__isnull=False).count() == 1
    assert Licence.objects.filter(status="suspended").count() == 1
    assert Inspection.objects.count() == 2
    assert Agency.objects.filter(names__name="Sharq Kor").exists()


def test_every_page_of_the_register_opens_for_an_officer_in_tajik(client, rustam):
    agency = licensed_agency(rustam)
    published_vacancy(rustam, agency)
    client.force_login(rustam)
    client.cookies["django_language"] = "tg"

    for url in [
        reverse("recruitment:agencies"),
        reverse("recruitment:agency_new"),
        reverse("recruitment:agency", args=[agency.pk]),
        reverse("recruitment:agency_edit", args=[agency.pk]),
        reverse("recruitment:vacancy_list"),
        reverse("recruitment:vacancy_new"),
        reverse("recruitment:vacancies_to_verify"),
        reverse("recruitment:report"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        # In Tajik, menu included ("Agency register").
        assert '<html lang="tg">' in html and "Феҳристи агентиҳо" in html, url
