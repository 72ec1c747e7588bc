"""Somon Air's booking system and the border service check passengers against the lists by API,
with their own tokens and limits; strangers without a token learn nothing."""

import datetime

import pytest
from django.db import connection
from django.db.models import Count
from django.utils import translation
from django.utils.translation import gettext

from rohnamo.departure.choices import Channel, LookupBy
from rohnamo.departure.models import Lookup, PartnerClient
from rohnamo.departure.partners.checks import partner_client_hash
from rohnamo.departure.partners.services import create_partner_client, revoke_partner_client
from rohnamo.departure.privacy import keyed_hash
from rohnamo.departure.tests.helpers import imported, person

CHECK = "/api/v1/departure/list-check/"
BATCH = "/api/v1/departure/list-check/batch/"
PASSPORT = "401234567"


@pytest.fixture
def listed(db, tmp_path):
    """Farrukh Hamidov, written in Tajik Cyrillic on Russia's entry-ban list of 10 January."""
    return imported(tmp_path, [person()])


@pytest.fixture
def airline(farida):
    """Somon Air's booking system: the list and the dates, never the reason."""
    return create_partner_client(
        actor=farida, name="Сомон Эйр — фурӯши чипта", organisation="Somon Air"
    )


@pytest.fixture
def border(farida):
    """The border service's system at the crossings, which acts on the reason."""
    return create_partner_client(
        actor=farida,
        name="Хадамоти сарҳадӣ",
        organisation="Border service",
        sees_reason=True,
    )


def ask(client, token, body, *, url=CHECK, language="en"):
    headers = {"HTTP_ACCEPT_LANGUAGE": language}
    if token is not None:
        headers["HTTP_AUTHORIZATION"] = f"Partner {token}"
    return client.post(url, body, content_type="application/json", **headers)


def test_an_airline_finds_a_listed_passenger_by_passport_and_birth_date(client, listed, airline):
    partner, token = airline
    response = ask(client, token, {"birth_date": "1990-04-02", "passport_number": PASSPORT})
    assert response.status_code == 200
    assert response.json() == {
        "found": True,
        "newest_list_received_on": "2026-01-10",
        "lists": [
            {
                "country": "RU",
                "kind": "entry_ban",
                "list_name": "Entry bans",
                "received_on": "2026-01-10",
                "listed_from": "2024-03-01",
                "listed_until": "2029-03-01",
            }
        ],
    }
    assert "Ҳамидов" not in response.content.decode(), "the answer repeats nobody's name"
    partner.refresh_from_db()
    assert partner.last_used_at is not None


def test_a_name_in_latin_letters_finds_a_list_written_in_cyrillic(client, listed, airline):
    _partner, token = airline
    answer = ask(
        client,
        token,
        {"birth_date": "1990-04-02", "surname": "Khamidov", "given_name": "Farrukh"},
    ).json()
    assert answer["found"] is True
    assert [each["list_name"] for each in answer["lists"]] == ["Entry bans"]


def test_a_namesake_born_on_another_day_is_not_named(client, listed, airline):
    _partner, token = airline
    answer = ask(
        client, token, {"birth_date": "1991-04-02", "surname": "Ҳамидов", "given_name": "Фаррух"}
    ).json()
    assert answer == {"found": False, "newest_list_received_on": "2026-01-10", "lists": []}
    assert Lookup.objects.get().found is False


def test_only_the_border_service_reads_why_a_person_is_listed(client, listed, airline, border):
    asked = {"birth_date": "1990-04-02", "passport_number": PASSPORT}
    for_airline = ask(client, airline[1], asked).json()["lists"][0]
    for_border = ask(client, border[1], asked).json()["lists"][0]
    assert "reason" not in for_airline
    assert for_border["reason"] == "нарушение режима пребывания"


@pytest.mark.parametrize(
    "authorization",
    [None, "Partner rhn_notatokenanyoneissued", "Partner", "Token rhn_something"],
    ids=["no header", "wrong token", "no token after the keyword", "another scheme"],
)
def test_a_stranger_without_a_valid_token_learns_nothing(client, listed, airline, authorization):
    headers = {"HTTP_AUTHORIZATION": authorization} if authorization else {}
    response = client.post(
        CHECK,
        {"birth_date": "1990-04-02", "passport_number": PASSPORT},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
        **headers,
    )
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Partner"
    assert "found" not in response.json() and response.json()["detail"]
    assert not Lookup.objects.exists()


def test_a_revoked_token_is_refused_and_nothing_is_logged(client, listed, airline, farida):
    partner, token = airline
    revoke_partner_client(actor=farida, client=partner)
    response = ask(client, token, {"birth_date": "1990-04-02", "passport_number": PASSPORT})
    assert response.status_code == 401
    assert "revoked" in response.json()["detail"]
    assert not Lookup.objects.exists()


def test_the_eleventh_call_within_an_hour_is_refused_with_retry_after(client, listed, farida):
    partner, token = create_partner_client(
        actor=farida, name="Пробный", organisation="Test", per_hour=10, per_day=100
    )
    asked = {"birth_date": "1990-04-02", "passport_number": PASSPORT}
    for _call in range(10):
        assert ask(client, token, asked).status_code == 200
    refused = ask(client, token, asked)
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert "10 an hour" in refused.json()["detail"]
    assert "found" not in refused.json()
    assert Lookup.objects.filter(refused=True).count() == 1
    assert Lookup.objects.filter(refused=False, found=True).count() == 10


def test_the_log_holds_no_identity_in_clear_and_groups_checks_per_partner(
    client, listed, airline, border
):
    ask(client, airline[1], {"birth_date": "1990-04-02", "passport_number": PASSPORT})
    ask(client, airline[1], {"birth_date": "1990-04-02", "surname": "Ҳамидов", "given_name": "Ф"})
    ask(client, border[1], {"birth_date": "1990-04-02", "passport_number": "40 1234567"})
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM departure_lookup")
        raw = repr(cursor.fetchall())
    for secret in [PASSPORT, "1234567", "Ҳамидов", "1990-04-02", airline[1], border[1]]:
        assert secret not in raw
    passport_hash = keyed_hash(f"passport:{PASSPORT}|1990-04-02")
    assert Lookup.objects.filter(identity_hash=passport_hash, by=LookupBy.PASSPORT).count() == 2
    assert set(Lookup.objects.values_list("channel", flat=True)) == {Channel.API}
    per_partner = {
        row["client_hash"]: row["total"]
        for row in Lookup.objects.values("client_hash").annotate(total=Count("id"))
    }
    assert per_partner == {
        partner_client_hash(airline[0].pk): 2,
        partner_client_hash(border[0].pk): 1,
    }


def russian(message):
    with translation.override("ru"):
        return gettext(message)


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"passport_number": PASSPORT}, "birth_date", russian("This field is required.")),
        (
            {"birth_date": "2026-02-30", "passport_number": PASSPORT},
            "birth_date",
            russian("This date does not exist. Write it as YYYY-MM-DD, e.g. 1990-04-02."),
        ),
        (
            {"birth_date": "2199-01-01", "passport_number": PASSPORT},
            "birth_date",
            russian("This is not a possible date of birth: it lies in the future or before 1900."),
        ),
        (
            {"birth_date": "1990-04-02", "surname": "Ҳамидов"},
            "non_field_errors",
            russian("Send the passport number, or the surname and the given name, or both."),
        ),
    ],
    ids=["missing birth date", "impossible date", "future date", "neither passport nor name"],
)
def test_validation_errors_come_in_the_language_the_partner_asks_for(
    client, listed, airline, body, field, message
):
    response = ask(client, airline[1], body, language="ru")
    assert response.status_code == 400
    assert response["Content-Language"] == "ru"
    assert response.json()[field] == [message]
    assert not Lookup.objects.exists()


def test_a_flight_is_checked_in_one_batch_and_each_passenger_counts(client, listed, farida):
    partner, token = create_partner_client(
        actor=farida, name="Сомон Эйр", organisation="Somon Air", per_hour=10, per_day=100
    )
    flight = {
        "people": [
            {"ref": "12A", "birth_date": "1990-04-02", "passport_number": PASSPORT},
            {
                "ref": "12B",
                "birth_date": "1987-11-23",
                "surname": "Қодирова",
                "given_name": "Ҷамила",
            },
            {
                "ref": "12C",
                "birth_date": "1990-04-02",
                "surname": "Hamidov",
                "given_name": "Farruh",
            },
        ]
    }
    answer = ask(client, token, flight, url=BATCH).json()
    assert answer["newest_list_received_on"] == "2026-01-10"
    assert [(row["ref"], row["found"]) for row in answer["results"]] == [
        ("12A", True),
        ("12B", False),
        ("12C", True),
    ]
    assert Lookup.objects.count() == 3
    too_many = {"people": [flight["people"][1]] * 8}
    refused = ask(client, token, too_many, url=BATCH)
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert Lookup.objects.filter(refused=True).count() == 8, "a refused batch is refused whole"
    fits = ask(client, token, {"people": [flight["people"][1]] * 7}, url=BATCH)
    assert fits.status_code == 200 and len(fits.json()["results"]) == 7
    assert ask(client, token, {"people": flight["people"][:1]}, url=BATCH).status_code == 429


def test_a_batch_names_the_passenger_whose_data_is_wrong(client, listed, airline):
    flight = {
        "people": [
            {"ref": "1", "birth_date": "1990-04-02", "passport_number": PASSPORT},
            {"ref": "2", "birth_date": "02.04.1990", "passport_number": PASSPORT},
        ]
    }
    response = ask(client, airline[1], flight, url=BATCH)
    assert response.status_code == 400
    assert response.json()["people"] == {
        "1": {"birth_date": ["This date does not exist. Write it as YYYY-MM-DD, e.g. 1990-04-02."]}
    }, "the second passenger (index 1) is named, the first is fine"
    assert not Lookup.objects.exists(), "nothing is checked when one passenger is wrong"


def test_a_batch_holds_at_most_a_hundred_passengers(client, listed, airline):
    passenger = {"birth_date": "1990-04-02", "passport_number": PASSPORT}
    response = ask(client, airline[1], {"people": [passenger] * 101}, url=BATCH)
    assert response.status_code == 400 and "people" in response.json()
    assert not Lookup.objects.exists()


def test_a_full_batch_reads_the_lists_once_not_once_per_passenger(
    client, listed, airline, django_assert_max_num_queries
):
    passengers = [{"birth_date": "1990-04-02", "passport_number": PASSPORT}] * 100
    # One lookup of the entries per passenger, and a few for the token, the lists and the log.
    with django_assert_max_num_queries(110):
        response = ask(client, airline[1], {"people": passengers}, url=BATCH)
    assert response.status_code == 200
    assert all(answer["found"] for answer in response.json()["results"])


def test_the_schema_tells_partners_how_to_call_the_list_check(client, nigora):
    client.force_login(nigora)
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    for path in [CHECK, BATCH]:
        operation = schema["paths"][path]["post"]
        assert operation["security"] == [{"partnerToken": []}]
        assert {"200", "400", "401", "429"} <= set(operation["responses"])
    assert schema["components"]["securitySchemes"]["partnerToken"]["name"] == "Authorization"


def test_limits_are_counted_per_partner(client, listed, farida):
    small, small_token = create_partner_client(
        actor=farida, name="Кӯчак", organisation="Small", per_hour=1, per_day=1
    )
    _other, other_token = create_partner_client(actor=farida, name="Калон", organisation="Big")
    asked = {"birth_date": "1990-04-02", "passport_number": PASSPORT}
    assert ask(client, small_token, asked).status_code == 200
    assert ask(client, small_token, asked).status_code == 429
    assert ask(client, other_token, asked).status_code == 200
    assert PartnerClient.objects.get(pk=small.pk).last_used_at.date() <= datetime.date.today()


def test_a_partner_asking_in_russian_reads_russian_today(client, listed, airline):
    # The module's own messages read Russian once the lead's translation round has run; the
    # framework's messages already do, which shows the API honours Accept-Language.
    response = ask(client, airline[1], {"passport_number": PASSPORT}, language="ru")
    assert "обязательное поле" in response.json()["birth_date"][0].lower()
    english = ask(client, airline[1], {"passport_number": PASSPORT}, language="en")
    assert english.json()["birth_date"] == ["This field is required."]
