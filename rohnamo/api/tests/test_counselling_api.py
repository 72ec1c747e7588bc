"""Partner NGOs and the centre's own tools send and read counselling records through the API.

A partner's consultations count under its office like the branches' do; nobody reads or writes
another office's records, and bad input is refused naming the field with nothing saved.
"""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from rohnamo.core.choices import AuditAction, OfficeKind, Role
from rohnamo.core.models import AuditEntry
from rohnamo.core.tests.factories import make_office, make_user
from rohnamo.counselling.models import Consultation, EventMaterial, OutreachEvent, Visitor
from rohnamo.counselling.services.events import record_event
from rohnamo.counselling.services.visitors import record_visitor
from rohnamo.counselling.tests.factories import make_consultation
from rohnamo.knowledge.models import Distribution, Sheet
from rohnamo.knowledge.tests.factories import published_version

CONSULTATIONS = "/api/v1/consultations/"
VISITORS = "/api/v1/visitors/"
EVENTS = "/api/v1/events/"


def api_for(user, language="en"):
    """A client calling as ``user`` with an API token, as a partner's system does."""
    client = APIClient()
    token, _created = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}", HTTP_ACCEPT_LANGUAGE=language)
    return client


def hours_ago(hours):
    return timezone.now() - datetime.timedelta(hours=hours)


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


@pytest.fixture
def hamsol(centre):
    """A partner NGO overseen by the centre, so its work counts in the national figures."""
    return make_office("hamsol", kind=OfficeKind.PARTNER, parent=centre, name_tg="Ҳамсол")


@pytest.fixture
def zarina(hamsol):
    """The partner NGO's user, whose system posts through a token."""
    return make_user("zarina", Role.PARTNER_USER, hamsol)


@pytest.fixture
def sheets(nigora, bahrom):
    published_version(nigora, bahrom)
    published_version(
        nigora, bahrom, code="customs", topic="customs", stage="before", title="Таможня"
    )


def a_consultation(**fields):
    return {
        "channel": "in_person",
        "started_at": hours_ago(2).isoformat(),
        "duration_minutes": 15,
        "topics": ["registration"],
        "destination": "RU",
        "sex": "male",
        "age_group": "25-34",
        "stage": "intending",
        "language": "ru",
        "question": "Как встать на учёт?",
        "advice": "В течение 15 дней.",
        **fields,
    }


def an_event(**fields):
    return {
        "kind": "information",
        "title": "Мулоқот дар ҷамоат",
        "date": days_ago(3).isoformat(),
        "place": "Ҷамоати Гулистон",
        "participants_female": 25,
        "participants_male": 15,
        **fields,
    }


def khujand_records(nigora, khujand):
    """One of each kind of record at Khujand, made by its counsellor through the services."""
    visitor = record_visitor(actor=nigora, office=khujand, sex="female", stage="abroad")
    consultation = make_consultation(nigora, khujand, visitor=visitor, topics=["registration"])
    event = record_event(
        actor=nigora,
        office=khujand,
        kind="information",
        title="Хуҷанд",
        date=days_ago(1),
        participants_female=3,
        participants_male=2,
    )
    return {CONSULTATIONS: consultation.pk, VISITORS: visitor.pk, EVENTS: event.pk}


def ids(response):
    assert response.status_code == 200, response.content
    return sorted(row["id"] for row in response.json()["results"])


def test_a_partner_posts_a_consultation_with_its_token_and_it_counts_under_its_office(
    zarina, hamsol, sheets
):
    api = api_for(zarina)
    response = api.post(
        CONSULTATIONS,
        a_consultation(office="hamsol", sheets=["registration-russia", "customs"]),
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["office"] == "hamsol"
    assert body["counsellor"] == "zarina"
    assert body["topics"] == ["registration"]
    assert sorted(body["sheets"]) == ["customs", "registration-russia"]
    assert body["created_at"]

    consultation = Consultation.objects.get(pk=body["id"])
    assert consultation.office == hamsol
    assert consultation.destination.code == "RU"
    assert ids(api.get(CONSULTATIONS)) == [consultation.pk]
    assert AuditEntry.objects.filter(
        action=AuditAction.CREATE,
        content_type=ContentType.objects.get_for_model(Consultation),
        object_id=str(consultation.pk),
        actor=zarina,
    ).exists()
    handed = Distribution.objects.filter(office=hamsol).order_by("sheet__code")
    assert [(row.sheet.code, row.language.code, row.quantity) for row in handed] == [
        ("customs", "ru", 1),
        ("registration-russia", "ru", 1),
    ]


def test_the_centre_manager_sees_the_partners_consultations_among_the_national_ones(
    zarina, bahrom, nigora, khujand
):
    response = api_for(zarina).post(CONSULTATIONS, a_consultation(), format="json")
    assert response.status_code == 201, response.content
    branch = make_consultation(nigora, khujand)
    assert ids(api_for(bahrom).get(CONSULTATIONS)) == sorted([response.json()["id"], branch.pk])


def test_the_partners_consultations_count_in_the_national_report(
    client, zarina, bahrom, nigora, khujand
):
    for _n in range(2):
        api_for(zarina).post(CONSULTATIONS, a_consultation(topics=["customs"]), format="json")
    make_consultation(nigora, khujand, at=hours_ago(2), topics=["customs"])
    client.force_login(bahrom)

    month = timezone.localtime(hours_ago(2)).strftime("%Y-%m")
    report = client.get(reverse("counselling:report"), {"period": month})

    assert report.context["report"].totals["consultations"] == 3
    page = report.content.decode()
    assert "Ҳамсол" in page and "Хуҷанд" in page


def test_a_partner_cannot_post_into_another_office_and_nothing_is_saved(zarina, khujand, sheets):
    response = api_for(zarina).post(
        CONSULTATIONS, a_consultation(office="khujand", sheets=["customs"]), format="json"
    )
    assert response.status_code == 400
    assert "office" in response.json()
    assert not Consultation.objects.exists()
    assert not Distribution.objects.exists()


@pytest.mark.parametrize(
    ("url", "payload"),
    [(VISITORS, {"office": "khujand", "sex": "male"}), (EVENTS, an_event(office="khujand"))],
)
def test_a_partner_cannot_record_visitors_or_events_for_another_office(
    zarina, khujand, url, payload
):
    response = api_for(zarina).post(url, payload, format="json")
    assert response.status_code == 400
    assert "office" in response.json()
    assert not Visitor.objects.exists()
    assert not OutreachEvent.objects.exists()


@pytest.mark.parametrize("url", [CONSULTATIONS, VISITORS, EVENTS])
def test_a_partner_reads_nothing_of_the_branches(zarina, nigora, khujand, url):
    record_id = khujand_records(nigora, khujand)[url]
    api = api_for(zarina)
    assert ids(api.get(url)) == []
    assert api.get(f"{url}{record_id}/").status_code == 404


@pytest.mark.parametrize("url", [CONSULTATIONS, VISITORS, EVENTS])
def test_umed_cannot_list_or_retrieve_khujand_records(umed, nigora, khujand, url):
    record_id = khujand_records(nigora, khujand)[url]
    api = api_for(umed)
    assert ids(api.get(url)) == []
    assert ids(api.get(url, {"office": "khujand"})) == []
    other_office = api.get(f"{url}{record_id}/")
    missing = api.get(f"{url}999999/")
    assert other_office.status_code == missing.status_code == 404
    assert other_office.json() == missing.json()


@pytest.mark.parametrize("url", [CONSULTATIONS, VISITORS, EVENTS])
def test_nigora_reads_her_own_branch_records(nigora, khujand, url):
    record_id = khujand_records(nigora, khujand)[url]
    response = api_for(nigora).get(f"{url}{record_id}/")
    assert response.status_code == 200
    assert response.json()["office"] == "khujand"


def test_bahrom_lists_both_branches_and_may_narrow_to_one(bahrom, nigora, umed, khujand, kulob):
    in_khujand = make_consultation(nigora, khujand)
    in_kulob = make_consultation(umed, kulob)
    api = api_for(bahrom)
    assert ids(api.get(CONSULTATIONS)) == sorted([in_khujand.pk, in_kulob.pk])
    assert ids(api.get(CONSULTATIONS, {"office": "kulob"})) == [in_kulob.pk]


def test_the_office_may_be_left_out_by_someone_of_one_office(nigora, khujand):
    response = api_for(nigora).post(CONSULTATIONS, a_consultation(), format="json")
    assert response.status_code == 201, response.content
    assert response.json()["office"] == "khujand"
    assert Consultation.objects.get().office == khujand


def test_someone_of_two_offices_must_name_the_office(khujand, kulob):
    travelling = make_user("sino", Role.COUNSELLOR, khujand, kulob)
    response = api_for(travelling).post(CONSULTATIONS, a_consultation(), format="json")
    assert response.status_code == 400
    assert "office" in response.json()
    response = api_for(travelling).post(
        CONSULTATIONS, a_consultation(office="kulob"), format="json"
    )
    assert response.status_code == 201
    assert response.json()["office"] == "kulob"


def test_a_consultation_dated_in_the_future_is_refused_naming_started_at(nigora, khujand):
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    response = api_for(nigora).post(
        CONSULTATIONS, a_consultation(started_at=tomorrow.isoformat()), format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"started_at": ["A consultation cannot be dated in the future."]}
    assert not Consultation.objects.exists()
    assert not AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Consultation)
    ).exists()


def test_a_partner_system_gets_errors_in_the_language_it_asks_for(nigora, khujand):
    tomorrow = timezone.now() + datetime.timedelta(days=1)

    response = api_for(nigora, language="ru").post(
        CONSULTATIONS, a_consultation(started_at=tomorrow.isoformat()), format="json"
    )

    assert response.json() == {"started_at": ["Дата консультации не может быть в будущем."]}


def test_unknown_codes_are_refused_naming_each_field(nigora, khujand):
    response = api_for(nigora).post(
        CONSULTATIONS,
        a_consultation(topics=["no-such-topic"], destination="XX", language="xx", sheets=["x"]),
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()) == {"topics", "destination", "language", "sheets"}
    assert not Consultation.objects.exists()


def test_the_destination_code_may_be_given_in_small_letters(nigora, khujand):
    response = api_for(nigora).post(CONSULTATIONS, a_consultation(destination="kz"), format="json")
    assert response.status_code == 201
    assert response.json()["destination"] == "KZ"


def test_a_consultation_linked_to_a_visitor_takes_their_sex_and_stage(nigora, khujand):
    visitor = record_visitor(actor=nigora, office=khujand, sex="female", stage="abroad")
    response = api_for(nigora).post(
        CONSULTATIONS,
        a_consultation(visitor=visitor.pk, sex="", stage="", age_group=""),
        format="json",
    )
    assert response.status_code == 201, response.content
    assert (response.json()["sex"], response.json()["stage"]) == ("female", "abroad")
    assert Consultation.objects.get().visitor == visitor


def test_a_visitor_of_another_office_cannot_be_linked(nigora, umed, khujand, kulob):
    visitor = record_visitor(actor=nigora, office=khujand, sex="female")
    response = api_for(umed).post(CONSULTATIONS, a_consultation(visitor=visitor.pk), format="json")
    assert response.status_code == 400
    assert "visitor" in response.json()
    assert not Consultation.objects.exists()


def test_a_visitor_is_recorded_with_their_consent(nigora, khujand):
    response = api_for(nigora).post(
        VISITORS,
        {
            "name": "Фарҳод Раҳимов",
            "phone": "+992 92 123 45 67",
            "sex": "male",
            "birth_year": 1995,
            "district": "sughd-khujand",
            "stage": "intending",
            "consent_given": True,
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    visitor = Visitor.objects.get(pk=response.json()["id"])
    assert (visitor.office, visitor.district.code) == (khujand, "sughd-khujand")
    assert visitor.consent_recorded_by == nigora
    assert response.json()["age_group"] == visitor.age_group != ""


def test_a_visitor_with_a_name_but_no_consent_is_refused_naming_consent_given(nigora, khujand):
    response = api_for(nigora).post(
        VISITORS, {"name": "Фарҳод", "sex": "male", "consent_given": False}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["consent_given"]
    assert not Visitor.objects.exists()


def test_an_event_is_recorded_with_its_leaflets_logged(nigora, khujand, sheets):
    response = api_for(nigora).post(
        EVENTS,
        an_event(materials=[{"sheet": "customs", "language": "tg", "quantity": 40}]),
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["participants_total"] == 40
    assert body["materials"] == [{"sheet": "customs", "language": "tg", "quantity": 40}]
    handed = Distribution.objects.get(office=khujand)
    assert (handed.sheet.code, handed.quantity) == ("customs", 40)
    assert ids(api_for(nigora).get(EVENTS)) == [body["id"]]


def test_an_event_whose_participants_do_not_add_up_is_refused_naming_participants_total(
    nigora, khujand, sheets
):
    response = api_for(nigora).post(
        EVENTS,
        an_event(
            participants_total=50,
            materials=[{"sheet": "customs", "language": "tg", "quantity": 40}],
        ),
        format="json",
    )
    assert response.status_code == 400
    assert list(response.json()) == ["participants_total"]
    assert not OutreachEvent.objects.exists()
    assert not EventMaterial.objects.exists()
    assert not Distribution.objects.exists()


def test_an_event_handing_out_no_copies_is_refused(nigora, khujand, sheets):
    response = api_for(nigora).post(
        EVENTS,
        an_event(materials=[{"sheet": "customs", "language": "tg", "quantity": 0}]),
        format="json",
    )
    assert response.status_code == 400
    # The row's position names the bad material.
    assert "quantity" in response.json()["materials"]["0"]
    assert not OutreachEvent.objects.exists()


def test_lists_filter_by_period(nigora, khujand):
    old = make_consultation(nigora, khujand, at=timezone.now() - datetime.timedelta(days=40))
    recent = make_consultation(nigora, khujand, at=hours_ago(1))
    old_event = record_event(
        actor=nigora, office=khujand, kind="school", title="Мактаб", date=days_ago(40)
    )
    api = api_for(nigora)
    since = days_ago(10).isoformat()
    assert ids(api.get(CONSULTATIONS, {"since": since})) == [recent.pk]
    assert ids(api.get(CONSULTATIONS, {"until": days_ago(39).isoformat()})) == [old.pk]
    assert ids(api.get(EVENTS, {"until": days_ago(39).isoformat()})) == [old_event.pk]
    assert ids(api.get(EVENTS, {"since": since})) == []


def test_visitors_filter_by_the_day_they_were_recorded(nigora, khujand):
    earlier = record_visitor(actor=nigora, office=khujand, sex="male")
    Visitor.objects.filter(pk=earlier.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=40)
    )
    today = record_visitor(actor=nigora, office=khujand, sex="female")
    api = api_for(nigora)
    assert ids(api.get(VISITORS, {"since": days_ago(10).isoformat()})) == [today.pk]
    assert ids(api.get(VISITORS, {"until": days_ago(39).isoformat()})) == [earlier.pk]


def test_a_bad_period_is_refused_naming_the_parameter(nigora, khujand):
    api = api_for(nigora)
    assert "since" in api.get(CONSULTATIONS, {"since": "yesterday"}).json()
    response = api.get(EVENTS, {"since": days_ago(1), "until": days_ago(5)})
    assert response.status_code == 400
    assert "until" in response.json()


def test_a_statistician_reads_consultations_but_cannot_record_them(centre, nigora, khujand):
    make_consultation(nigora, khujand)
    statistician = make_user("saodat", Role.STATISTICIAN, centre)
    api = api_for(statistician)
    assert api.get(CONSULTATIONS).status_code == 200
    response = api.post(CONSULTATIONS, a_consultation(office="dushanbe"), format="json")
    assert response.status_code == 403
    assert api.post(EVENTS, an_event(office="dushanbe"), format="json").status_code == 403
    # Visitors' personal data is not for statistics.
    assert api.get(VISITORS).status_code == 403
    assert not Consultation.objects.filter(office=centre).exists()


def test_callers_without_a_token_are_refused(nigora, khujand):
    response = APIClient().post(CONSULTATIONS, a_consultation(), format="json")
    assert response.status_code == 401
    assert not Consultation.objects.exists()


def test_the_schema_describes_the_counselling_endpoints(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    for url in (CONSULTATIONS, VISITORS, EVENTS):
        assert {"get", "post"} <= set(schema["paths"][f"/api/v1/{url.split('/')[3]}/"])
    assert "patch" not in schema["paths"]["/api/v1/consultations/{id}/"]


@pytest.mark.parametrize("count", [1, 3])
def test_the_consultation_list_has_no_n_plus_one(
    nigora, khujand, sheets, count, django_assert_max_num_queries
):
    visitor = record_visitor(actor=nigora, office=khujand, sex="male")
    for _index in range(count):
        make_consultation(
            nigora,
            khujand,
            visitor=visitor,
            topics=["registration", "customs"],
            destination="RU",
            sheets=list(Sheet.objects.all()),
        )
    api = api_for(nigora)
    with django_assert_max_num_queries(9):
        assert len(ids(api.get(CONSULTATIONS))) == count


@pytest.mark.parametrize("count", [1, 3])
def test_the_event_list_has_no_n_plus_one(
    nigora, khujand, sheets, count, django_assert_max_num_queries
):
    customs = Sheet.objects.get(code="customs")
    for _index in range(count):
        record_event(
            actor=nigora,
            office=khujand,
            kind="information",
            title="Мулоқот",
            date=days_ago(2),
            participants_female=1,
            materials=[(customs, customs.versions.get().language, 5)],
        )
    api = api_for(nigora)
    with django_assert_max_num_queries(8):
        assert len(ids(api.get(EVENTS))) == count
