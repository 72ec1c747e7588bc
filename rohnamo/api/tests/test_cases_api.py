"""Staff systems read and record cases and notes within their scope; a partner's system reads
and answers only the referrals sent to its organisation, never seeing the case behind them."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from rohnamo.cases.choices import CaseStatus, EntryKind, ReferralStatus
from rohnamo.cases.models import Case, CaseEntry, Referral
from rohnamo.cases.services.cases import add_note, assign, change_status
from rohnamo.cases.services.referrals import refer_case
from rohnamo.cases.tests.factories import make_case, make_service
from rohnamo.core.choices import AuditAction, OfficeKind, Role
from rohnamo.core.models import AuditEntry
from rohnamo.core.tests.factories import make_office, make_user
from rohnamo.counselling.services.visitors import record_visitor

CASES = "/api/v1/cases/"
REFERRALS = "/api/v1/referrals/"
NARRATIVE = "Шавҳарам се моҳ боз музд нагирифтааст, ООО СтройМонтаж."
CONTACT = "Мадина Раҳимова"
PHONE = "+992 93 555 44 33"


def api_for(user=None, language="en"):
    """A client calling with ``user``'s API token (anonymous without a user)."""
    client = APIClient()
    headers = {"HTTP_ACCEPT_LANGUAGE": language}
    if user is not None:
        token, _created = Token.objects.get_or_create(user=user)
        headers["HTTP_AUTHORIZATION"] = f"Token {token.key}"
    client.credentials(**headers)
    return client


@pytest.fixture
def huquq(centre):
    return make_office("huquq", kind=OfficeKind.PARTNER, parent=centre)


@pytest.fixture
def zarina(huquq):
    """The legal-aid NGO's user; her system calls with her token."""
    return make_user("zarina", Role.PARTNER_USER, huquq)


@pytest.fixture
def legal_aid(huquq):
    return make_service("Юридическая помощь", office=huquq, organization_name="Ҳуқуқ")


@pytest.fixture
def rival(centre):
    """Another partner organisation, which must see nothing of Huquq's referrals."""
    office = make_office("panoh", kind=OfficeKind.PARTNER, parent=centre)
    return make_user("rustam", Role.PARTNER_USER, office), make_service("Приют", office=office)


def a_case(actor, office, **fields):
    fields.setdefault("narrative", NARRATIVE)
    fields.setdefault("contact_name", CONTACT)
    fields.setdefault("contact_phone", PHONE)
    return make_case(actor, office, **fields)


def referred(actor, office, service, **fields):
    case = a_case(actor, office, **fields)
    change_status(actor=actor, case=case, status=CaseStatus.ASSESSED, reason="Поговорили")
    return refer_case(
        actor=actor,
        case=case,
        service=service,
        consent_given=True,
        message="Нужен юрист по невыплате зарплаты",
    )


@pytest.fixture
def offices_cases(nigora, umed, khujand, kulob):
    """An open and a restricted case in Khujand, one in Kulob."""
    return {
        "khujand": a_case(nigora, khujand),
        "restricted": a_case(nigora, khujand, category="trafficking"),
        "kulob": a_case(umed, kulob),
    }


def ids(response):
    return sorted(row["id"] for row in response.json()["results"])


def views_of(case):
    return AuditEntry.objects.filter(
        action=AuditAction.VIEW,
        content_type=ContentType.objects.get_for_model(Case),
        object_id=str(case.pk),
    )


# Cases


def test_a_counsellor_lists_her_offices_cases_without_their_narratives(nigora, offices_cases):
    response = api_for(nigora).get(CASES)
    assert response.status_code == 200
    assert ids(response) == [offices_cases["khujand"].pk]
    row = response.json()["results"][0]
    assert row["office"] == "khujand" and row["category"] == "wages" and row["sla"] == "green"
    assert "narrative" not in row and "contact_name" not in row
    assert NARRATIVE not in response.content.decode()


def test_the_national_manager_lists_every_branch_and_filters(bahrom, offices_cases):
    client = api_for(bahrom)
    assert ids(client.get(CASES)) == sorted(case.pk for case in offices_cases.values())
    assert ids(client.get(CASES, {"office": "kulob"})) == [offices_cases["kulob"].pk]
    assert ids(client.get(CASES, {"category": "trafficking"})) == [offices_cases["restricted"].pk]
    response = client.get(CASES, {"status": "nonsense"})
    assert response.status_code == 400
    assert "status" in response.json()


def test_another_offices_case_answers_404_like_a_missing_one(umed, offices_cases):
    client = api_for(umed)
    assert client.get(f"{CASES}{offices_cases['khujand'].pk}/").status_code == 404
    assert client.get(f"{CASES}999999/").status_code == 404
    response = client.get(f"{CASES}{offices_cases['kulob'].pk}/")
    assert response.status_code == 200
    assert response.json()["narrative"] == NARRATIVE
    assert response.json()["contact_phone"] == PHONE


def test_reading_a_restricted_case_needs_the_right_to_open_it_and_is_audited(
    nigora, bahrom, offices_cases
):
    restricted = offices_cases["restricted"]
    address = f"{CASES}{restricted.pk}/"
    assert api_for(nigora).get(address).status_code == 404
    assert not views_of(restricted).exists()
    response = api_for(bahrom).get(address)
    assert response.status_code == 200
    assert response.json()["is_restricted"] is True
    assert list(views_of(restricted).values_list("actor__username", flat=True)) == ["bahrom"]
    assign(actor=bahrom, case=restricted, worker=nigora)
    assert api_for(nigora).get(address).status_code == 200
    assert views_of(restricted).filter(actor=nigora).count() == 1


def test_listing_does_not_open_restricted_cases(bahrom, offices_cases):
    api_for(bahrom).get(CASES)
    assert not views_of(offices_cases["restricted"]).exists()


def test_a_counsellor_records_a_case_of_her_office_through_the_service(nigora, khujand):
    visitor = record_visitor(actor=nigora, office=khujand, name="Муҳаммад", consent_given=True)
    relative = record_visitor(actor=nigora, office=khujand, name="Мадина", consent_given=True)
    response = api_for(nigora).post(
        CASES,
        {
            "kind": "request",
            "category": "trafficking",
            "country": "ru",
            "city": "Екатеринбург",
            "narrative": NARRATIVE,
            "contact_phone": PHONE,
            "visitors": [visitor.pk],
            "filed_by": relative.pk,
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    data = response.json()
    assert (data["office"], data["status"], data["source"]) == ("khujand", "new", "staff")
    assert data["is_restricted"] is True and data["priority"] == "urgent"
    assert sorted((row["visitor"], row["role"]) for row in data["clients"]) == [
        (visitor.pk, "client"),
        (relative.pk, "filed_by"),
    ]
    case = Case.objects.get(pk=data["id"])
    assert case.narrative == NARRATIVE and case.country.code == "RU"
    assert AuditEntry.objects.filter(action=AuditAction.CREATE, object_id=str(case.pk)).exists()


def test_recording_a_case_for_another_office_is_refused_naming_the_field(nigora, kulob):
    response = api_for(nigora).post(
        CASES, {"kind": "request", "category": "wages", "office": "kulob"}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {
        "office": ["You can only record the work of an office you belong to."]
    }
    assert not Case.objects.exists()


def test_a_case_without_its_category_or_with_another_offices_visitor_is_refused(
    nigora, umed, kulob
):
    stranger = record_visitor(actor=umed, office=kulob, name="Чужой", consent_given=True)
    response = api_for(nigora).post(
        CASES, {"kind": "request", "visitors": [stranger.pk]}, format="json"
    )
    assert response.status_code == 400
    assert set(response.json()) == {"category", "visitors"}
    assert not Case.objects.exists()


def test_a_partners_token_gets_no_cases(zarina, offices_cases):
    client = api_for(zarina)
    assert client.get(CASES).status_code == 403
    assert client.get(f"{CASES}{offices_cases['khujand'].pk}/").status_code == 403
    assert api_for().get(CASES).status_code == 401


# Notes


def test_notes_are_read_and_added_within_scope(nigora, umed, offices_cases):
    case = offices_cases["khujand"]
    add_note(actor=nigora, case=case, text="Позвонила жена")
    address = f"{CASES}{case.pk}/notes/"
    client = api_for(nigora)
    notes = client.get(address).json()["results"]
    assert [(note["text"], note["author"]) for note in notes] == [("Позвонила жена", "nigora")]
    response = client.post(address, {"text": "  Отправили запрос работодателю  "}, format="json")
    assert response.status_code == 201
    assert response.json()["text"] == "Отправили запрос работодателю"
    assert CaseEntry.objects.filter(case=case, kind=EntryKind.NOTE).count() == 2
    assert api_for(umed).get(address).status_code == 404
    assert api_for(umed).post(address, {"text": "Чужое"}, format="json").status_code == 404
    assert CaseEntry.objects.filter(case=case, kind=EntryKind.NOTE).count() == 2


def test_an_empty_note_is_refused_naming_the_field(nigora, offices_cases):
    address = f"{CASES}{offices_cases['khujand'].pk}/notes/"
    response = api_for(nigora).post(address, {"text": "   "}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["text"]


def test_reading_the_notes_of_a_restricted_case_is_audited(bahrom, offices_cases):
    restricted = offices_cases["restricted"]
    assert api_for(bahrom).get(f"{CASES}{restricted.pk}/notes/").status_code == 200
    assert views_of(restricted).count() == 1


# Referrals


@pytest.fixture
def referrals(nigora, umed, khujand, kulob, legal_aid, rival):
    """Two referrals to Huquq (from Khujand and Kulob) and one to the rival's shelter."""
    return {
        "khujand": referred(nigora, khujand, legal_aid),
        "kulob": referred(umed, kulob, legal_aid, category="trafficking"),
        "rival": referred(nigora, khujand, rival[1]),
    }


def test_a_partner_sees_only_its_organisations_referrals_and_nothing_of_the_case(zarina, referrals):
    response = api_for(zarina).get(REFERRALS)
    assert response.status_code == 200
    assert ids(response) == sorted([referrals["khujand"].pk, referrals["kulob"].pk])
    page = response.content.decode()
    for secret in (NARRATIVE, CONTACT, PHONE, "СтройМонтаж"):
        assert secret not in page
    row = next(row for row in response.json()["results"] if row["id"] == referrals["kulob"].pk)
    assert row["tracking_code"] == referrals["kulob"].case.tracking_code
    assert (row["category"], row["country"], row["city"]) == ("trafficking", "RU", "Екатеринбург")
    assert row["message"] == "Нужен юрист по невыплате зарплаты"
    assert row["status"] == "sent" and row["organization"] == "Ҳуқуқ"
    assert set(row) == {
        "id", "tracking_code", "category", "country", "city", "service", "organization",
        "status", "message", "consent_given", "answer_note", "sent_at", "answered_at",
        "outcome_at",
    }  # fmt: skip


def test_another_partners_referral_answers_404(zarina, referrals):
    client = api_for(zarina)
    rival = referrals["rival"].pk
    assert client.get(f"{REFERRALS}{rival}/").status_code == 404
    assert client.post(f"{REFERRALS}{rival}/accept/", {}, format="json").status_code == 404
    assert Referral.objects.get(pk=rival).status == ReferralStatus.SENT


def test_the_partner_accepts_then_records_that_legal_aid_was_provided(zarina, referrals):
    client = api_for(zarina)
    address = f"{REFERRALS}{referrals['khujand'].pk}/"
    response = client.post(f"{address}accept/", {"note": "Примем в понедельник"}, format="json")
    assert response.status_code == 200
    assert response.json()["status"] == "accepted"
    assert response.json()["answered_at"] is not None
    response = client.post(f"{address}outcome/", {"provided": True}, format="json")
    assert response.status_code == 200
    assert response.json()["status"] == "provided"
    referral = Referral.objects.get(pk=referrals["khujand"].pk)
    assert (referral.status, referral.answered_by) == (ReferralStatus.PROVIDED, zarina)
    assert referral.outcome_at is not None


def test_declining_needs_a_reason(zarina, referrals):
    address = f"{REFERRALS}{referrals['khujand'].pk}/decline/"
    response = api_for(zarina).post(address, {}, format="json")
    assert response.status_code == 400
    assert response.json() == {"note": ["Give the reason."]}
    assert Referral.objects.get(pk=referrals["khujand"].pk).status == ReferralStatus.SENT
    response = api_for(zarina).post(address, {"note": "Нет юриста до мая"}, format="json")
    assert response.status_code == 200
    assert response.json()["status"] == "declined"
    assert response.json()["answer_note"] == "Нет юриста до мая"


def test_an_outcome_before_accepting_and_a_missing_answer_are_refused(zarina, referrals):
    address = f"{REFERRALS}{referrals['khujand'].pk}/outcome/"
    client = api_for(zarina)
    response = client.post(address, {"provided": True}, format="json")
    assert response.status_code == 400
    assert "non_field_errors" in response.json()
    response = client.post(address, {}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["provided"]


def test_not_provided_needs_a_reason(zarina, referrals):
    address = f"{REFERRALS}{referrals['khujand'].pk}/"
    client = api_for(zarina)
    client.post(f"{address}accept/", {}, format="json")
    response = client.post(f"{address}outcome/", {"provided": False}, format="json")
    assert response.status_code == 400
    assert response.json() == {"note": ["Give the reason."]}


def test_case_staff_read_their_referrals_but_cannot_answer_for_the_organisation(
    nigora, umed, referrals
):
    client = api_for(nigora)
    assert ids(client.get(REFERRALS)) == sorted([referrals["khujand"].pk, referrals["rival"].pk])
    address = f"{REFERRALS}{referrals['khujand'].pk}/accept/"
    assert client.post(address, {}, format="json").status_code == 403
    # Umed cannot even see a Khujand referral.
    assert api_for(umed).post(address, {}, format="json").status_code == 404
    assert Referral.objects.get(pk=referrals["khujand"].pk).status == ReferralStatus.SENT


def test_the_schema_describes_cases_notes_and_referral_answers(client, nigora):
    client.force_login(nigora)
    paths = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()["paths"]
    assert {"get", "post"} <= set(paths["/api/v1/cases/"])
    assert {"get", "post"} <= set(paths["/api/v1/cases/{id}/notes/"])
    for answer in ("accept", "decline", "outcome"):
        assert "post" in paths[f"/api/v1/referrals/{{id}}/{answer}/"]


def count_queries(client, address):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries)


def test_the_case_list_takes_the_same_queries_for_one_case_as_for_three(
    nigora, khujand, django_assert_max_num_queries
):
    client = api_for(nigora)
    a_case(nigora, khujand)
    with django_assert_max_num_queries(15):
        one = count_queries(client, CASES)
    a_case(nigora, khujand, category="documents")
    a_case(nigora, khujand, category="health")
    with django_assert_max_num_queries(15):
        three = count_queries(client, CASES)
    assert one == three


def test_the_referral_list_takes_the_same_queries_for_one_referral_as_for_three(
    zarina, nigora, khujand, legal_aid, django_assert_max_num_queries
):
    client = api_for(zarina)
    referred(nigora, khujand, legal_aid)
    with django_assert_max_num_queries(15):
        one = count_queries(client, REFERRALS)
    referred(nigora, khujand, legal_aid)
    referred(nigora, khujand, legal_aid, country=None)
    with django_assert_max_num_queries(15):
        three = count_queries(client, REFERRALS)
    assert one == three
