"""The register of work permits: the rules a permit must keep, the quota, who sees the names."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from rohnamo.core.choices import AuditAction, Role
from rohnamo.core.models import AuditEntry, Country
from rohnamo.core.tests.factories import make_user
from rohnamo.crossings.choices import Sector, Sex
from rohnamo.crossings.demo_permits import load_demo_permits
from rohnamo.crossings.models import WorkPermit, WorkPermitQuota
from rohnamo.crossings.services.permits import change_permit, register_permit

pytestmark = pytest.mark.django_db


def day(text):
    return datetime.date.fromisoformat(text)


@pytest.fixture(autouse=True)
def english():
    """Services speak the active language; the tests read English unless they choose."""
    with translation.override("en"):
        yield


@pytest.fixture
def statistician(centre):
    return make_user("zarina", Role.STATISTICIAN, centre)


def _client(client, user, language="en"):
    client.force_login(user)
    client.cookies["django_language"] = language
    return client


def permit_fields(**overrides):
    fields = {
        "permit_number": "РК-2026-0001",
        "surname": "Ҳасанов",
        "given_name": "Аҳмад",
        "sex": Sex.MALE,
        "citizenship": Country.objects.get(code="AF"),
        "employer": "ҶДММ «Бозори Корвон»",
        "sector": Sector.TRADE,
        "issued_on": day("2026-02-01"),
        "valid_from": day("2026-02-10"),
        "valid_until": day("2027-02-09"),
    }
    return {**fields, **overrides}


def errors_of(raised):
    return raised.value.message_dict


def test_a_registered_permit_is_audited_in_the_same_transaction(statistician):
    WorkPermitQuota.objects.create(year=2026, quota=10)
    saved = register_permit(actor=statistician, **permit_fields())
    assert saved.warnings == []
    assert saved.permit.created_by == statistician
    entry = AuditEntry.objects.get(object_id=str(saved.permit.pk))
    assert entry.action == AuditAction.CREATE and entry.actor == statistician


def test_a_permit_ending_before_it_starts_is_refused_with_the_reason(statistician):
    with pytest.raises(ValidationError) as raised:
        register_permit(
            actor=statistician,
            **permit_fields(valid_from=day("2026-03-01"), valid_until=day("2026-02-28")),
        )
    assert errors_of(raised)["valid_until"] == ["The end of the period cannot be before its start."]
    assert not WorkPermit.objects.exists()


def test_the_reason_is_given_in_tajik_too(statistician):
    with translation.override("tg"), pytest.raises(ValidationError) as raised:
        register_permit(
            actor=statistician,
            **permit_fields(valid_from=day("2026-03-01"), valid_until=day("2026-02-28")),
        )
    assert errors_of(raised)["valid_until"] == ["Анҷоми давра наметавонад пеш аз оғози он бошад."]


def test_a_permit_valid_before_it_was_issued_is_refused(statistician):
    with pytest.raises(ValidationError) as raised:
        register_permit(actor=statistician, **permit_fields(issued_on=day("2026-02-11")))
    assert errors_of(raised)["issued_on"] == [
        "A permit cannot be valid before the day it was issued."
    ]


def test_a_citizen_of_tajikistan_needs_no_permit(statistician):
    with pytest.raises(ValidationError) as raised:
        register_permit(
            actor=statistician, **permit_fields(citizenship=Country.objects.get(code="TJ"))
        )
    assert "need no work permit" in errors_of(raised)["citizenship"][0]


def test_a_permit_number_is_registered_once_whatever_its_case(statistician):
    register_permit(actor=statistician, **permit_fields(permit_number="AB-1"))
    with pytest.raises(ValidationError) as raised:
        register_permit(actor=statistician, **permit_fields(permit_number=" ab-1 "))
    assert errors_of(raised)["permit_number"] == ["Permit ab-1 is registered already."]
    assert WorkPermit.objects.count() == 1


def test_the_permit_beyond_the_years_quota_is_refused(statistician):
    WorkPermitQuota.objects.create(year=2026, quota=2)
    register_permit(actor=statistician, **permit_fields(permit_number="1"))
    # Issued in 2025: another year's quota (none set), so this one does not count for 2026.
    register_permit(
        actor=statistician,
        **permit_fields(
            permit_number="0",
            issued_on=day("2025-12-20"),
            valid_from=day("2026-01-01"),
        ),
    )
    register_permit(actor=statistician, **permit_fields(permit_number="2"))
    with pytest.raises(ValidationError) as raised:
        register_permit(actor=statistician, **permit_fields(permit_number="3"))
    assert raised.value.messages == [
        "The quota for 2026 is used up: 2 of 2 permits have been issued. "
        "A permit beyond the quota cannot be registered."
    ]
    assert WorkPermit.objects.filter(issued_on__year=2026).count() == 2


def test_a_year_without_a_quota_registers_the_permit_with_a_warning(statistician):
    saved = register_permit(actor=statistician, **permit_fields())
    assert saved.permit.pk
    assert saved.warnings == [
        "No quota is set for 2026: the permit is registered, but check it against the decree "
        "when the quota is known."
    ]


def test_moving_a_permit_into_a_full_year_is_refused_and_a_change_is_audited(statistician):
    WorkPermitQuota.objects.create(year=2025, quota=1)
    WorkPermitQuota.objects.create(year=2026, quota=5)
    register_permit(
        actor=statistician,
        **permit_fields(
            permit_number="old", issued_on=day("2025-05-01"), valid_from=day("2025-05-01")
        ),
    )
    permit = register_permit(actor=statistician, **permit_fields()).permit
    with pytest.raises(ValidationError):
        change_permit(actor=statistician, permit=permit, issued_on=day("2025-06-01"))
    change_permit(actor=statistician, permit=permit, employer="ООО «Другой»")
    permit.refresh_from_db()
    assert permit.employer == "ООО «Другой»" and permit.issued_on == day("2026-02-01")
    entry = AuditEntry.objects.get(action=AuditAction.UPDATE, object_id=str(permit.pk))
    assert entry.fields == ["employer"]


# --- pages ------------------------------------------------------------------------------------


@pytest.fixture
def register(statistician):
    WorkPermitQuota.objects.create(year=2026, quota=100)
    first = register_permit(actor=statistician, **permit_fields()).permit
    register_permit(
        actor=statistician,
        **permit_fields(
            permit_number="CN-77",
            surname="Ван",
            given_name="Вэй",
            citizenship=Country.objects.get(code="CN"),
            employer="ООО «ТаджикСтройИнвест»",
            sector=Sector.CONSTRUCTION,
        ),
    )
    return first


def test_search_finds_hasanov_typed_without_tajik_letters(client, statistician, register):
    page = _client(client, statistician).get(reverse("crossings:permits"), {"q": "хасанов"})
    text = page.content.decode()
    assert "Ҳасанов" in text and "Ван" not in text
    page = client.get(reverse("crossings:permits"), {"q": "Hasanov ahmad"})
    assert "Ҳасанов" in page.content.decode()


def test_search_finds_permit_numbers_and_employers_and_filters_narrow(
    client, statistician, register
):
    client = _client(client, statistician)
    by_number = client.get(reverse("crossings:permits"), {"q": "cn-77"}).content.decode()
    assert "Ван" in by_number and "Ҳасанов" not in by_number
    by_employer = client.get(reverse("crossings:permits"), {"q": "таджикстрой"}).content.decode()
    assert "Ван" in by_employer and "Ҳасанов" not in by_employer
    by_sector = client.get(reverse("crossings:permits"), {"sector": "trade"}).content.decode()
    assert "Ҳасанов" in by_sector and "Ван" not in by_sector


def test_a_statistician_registers_a_permit_from_the_page(client, statistician):
    client = _client(client, statistician)
    response = client.post(
        reverse("crossings:permit_new"),
        {
            "permit_number": "IN-5",
            "surname": "Sharma",
            "sex": "F",
            "citizenship": Country.objects.get(code="IN").pk,
            "employer": "Клиникаи «Шифо»",
            "sector": "education",
            "issued_on": "2026-03-01",
            "valid_from": "2026-03-01",
            "valid_until": "2027-02-28",
        },
        follow=True,
    )
    text = response.content.decode()
    assert "Permit IN-5 saved." in text
    assert "No quota is set for 2026" in text  # the warning travels to the register
    assert WorkPermit.objects.get(permit_number="IN-5").created_by == statistician


def test_a_refused_permit_shows_the_reason_under_its_field(client, statistician, register):
    url = reverse("crossings:permit_edit", args=[register.pk])
    response = _client(client, statistician).post(
        url,
        {
            **{key: value for key, value in permit_fields().items() if key != "citizenship"},
            "citizenship": Country.objects.get(code="TJ").pk,
        },
    )
    assert "Citizens of Tajikistan need no work permit" in response.content.decode()
    register.refresh_from_db()
    assert register.citizenship.code == "AF"


def test_a_manager_reads_the_forms_but_never_the_register(client, bahrom, register):
    client = _client(client, bahrom)
    response = client.get(reverse("crossings:permits"), {"q": "хасанов"})
    assert response.status_code == 302 and response.url == reverse("crossings:permit_forms")
    forms = client.get(reverse("crossings:permit_forms"), {"year": "2026"})
    assert "Form T-2" in forms.content.decode() and "Ҳасанов" not in forms.content.decode()
    assert client.get(reverse("crossings:permit_new")).status_code == 404
    assert client.get(reverse("crossings:permit_edit", args=[register.pk])).status_code == 404


def test_a_counsellor_finds_no_permit_page(client, nigora, register):
    client = _client(client, nigora)
    for url in (
        reverse("crossings:permits"),
        reverse("crossings:permit_forms"),
        reverse("crossings:permit_new"),
        reverse("crossings:permit_edit", args=[register.pk]),
    ):
        assert client.get(url).status_code == 404


def test_the_demo_permits_load_once_within_their_quotas():
    added = load_demo_permits()
    assert added > 0 and load_demo_permits() == 0
    for quota in WorkPermitQuota.objects.filter(year__in=[2024, 2025, 2026]):
        assert WorkPermit.objects.filter(issued_on__year=quota.year).count() <= quota.quota
    assert not WorkPermit.objects.filter(citizenship__code="TJ").exists()
