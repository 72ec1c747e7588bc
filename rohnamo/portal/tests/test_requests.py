"""The public "Ask for help / complain" form: no account, no JavaScript, no spam."""

import time
import uuid

import pytest
from django.contrib.auth.hashers import check_password
from django.contrib.staticfiles import finders
from django.db import connection
from django.test import Client

from rohnamo.cases.choices import CaseSource, CaseStatus
from rohnamo.cases.models import Case
from rohnamo.core.models import Country, District
from rohnamo.portal import antispam

NARRATIVE = "Шавҳарам дар Екатеринбург се моҳ боз музд нагирифтааст."


@pytest.fixture(autouse=True)
def own_cache(settings):
    """A fresh cache per test, so that rate limits and used tokens do not leak between tests."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"test-requests-{uuid.uuid4()}",
        }
    }


def ask_data(district="khatlon-kulob", **overrides):
    """What the wife in Kulob writes, with a token issued ten seconds ago."""
    data = {
        "kind": "request",
        "category": "wages",
        "narrative": NARRATIVE,
        "district": District.objects.get(code=district).pk,
        "country": Country.objects.get(code="RU").pk,
        "city": "Екатеринбург",
        "employer": "ООО Стройка",
        "contact_name": "Мадина Раҳимова",
        "contact_phone": "+992 93 555 44 33",
        "for_whom": "other",
        "relationship": "зан",
        "on_behalf_of": "Фирдавс Раҳимов",
        "consent": "on",
        "website": "",
        "token": antispam.new_token(issued_at=time.time() - 10),
    }
    data.update(overrides)
    return data


def shown_pin(html):
    return html.split('<strong class="code">')[2].split("</strong>")[0]


def send(client, data, *, language="tg", address="10.0.0.1"):
    return client.post(f"/{language}/ask/", data, REMOTE_ADDR=address)


def test_a_request_from_kulob_goes_to_the_kulob_branch_with_everything_written(
    client, kulob, khujand
):
    response = send(client, ask_data())
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.office == kulob
    assert (case.kind, case.category, case.status, case.source) == (
        "request", "wages", CaseStatus.NEW, CaseSource.PUBLIC
    )  # fmt: skip
    assert case.district.code == "khatlon-kulob"
    assert (case.country.code, case.city, case.employer) == ("RU", "Екатеринбург", "ООО Стройка")
    assert case.narrative == NARRATIVE
    assert (case.contact_name, case.contact_phone) == ("Мадина Раҳимова", "+992 93 555 44 33")
    assert (case.relationship, case.on_behalf_of) == ("зан", "Фирдавс Раҳимов")


def test_a_district_without_an_office_goes_to_the_branch_of_its_region(client, kulob, khujand):
    send(client, ask_data(district="khatlon-danghara"))
    assert Case.objects.get().office == kulob


def test_a_district_in_a_region_without_a_branch_goes_to_the_centre(client, centre, kulob, khujand):
    send(client, ask_data(district="gbao-khorog"))
    assert Case.objects.get().office == centre


def test_the_narrative_and_contact_are_encrypted_in_the_database(client, kulob):
    send(client, ask_data())
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT narrative, contact_name, contact_phone FROM {Case._meta.db_table}"  # noqa: S608
        )
        narrative, name, phone = cursor.fetchone()
    assert NARRATIVE not in narrative
    assert "Мадина" not in name
    assert "555" not in phone


def test_the_code_and_pin_are_shown_once_and_never_in_the_address(client, kulob):
    response = send(client, ask_data())
    case = Case.objects.get()
    assert response["Location"] == "/tg/ask/sent/"
    page = client.get("/tg/ask/sent/")
    html = page.content.decode()
    assert case.tracking_code in html
    pin = shown_pin(html)
    assert check_password(pin, case.pin)
    assert "no-store" in page["Cache-Control"]
    assert 'href="tel:+992334445566"' in html  # the Kulob hotline
    again = client.get("/tg/ask/sent/").content.decode()
    assert case.tracking_code not in again
    assert pin not in again


def test_asking_for_yourself_leaves_no_relationship(client, kulob):
    send(client, ask_data(for_whom="self", relationship="зан", on_behalf_of="Фирдавс"))
    case = Case.objects.get()
    assert (case.relationship, case.on_behalf_of) == ("", "")


def test_asking_for_someone_else_needs_their_name_and_who_they_are(client, kulob):
    response = send(client, ask_data(relationship="", on_behalf_of=""), language="en")
    html = response.content.decode()
    assert "Write the name of the person who needs help." in html
    assert "Write who this person is to you." in html
    assert not Case.objects.exists()


def test_without_consent_nothing_is_saved(client, kulob):
    data = ask_data()
    del data["consent"]
    response = send(client, data, language="en")
    assert "We can only help if you agree to this." in response.content.decode()
    assert not Case.objects.exists()


def test_a_phone_number_without_enough_digits_is_refused_by_name(client, kulob):
    response = send(client, ask_data(contact_phone="call me"), language="en")
    assert "Write a phone number we can call" in response.content.decode()
    assert not Case.objects.exists()


def test_what_was_written_stays_on_the_page_after_an_error(client, kulob):
    response = send(client, ask_data(contact_phone="123"), language="en")
    assert NARRATIVE in response.content.decode()


def test_a_filled_honeypot_is_refused_and_nothing_is_saved(client, kulob):
    response = send(client, ask_data(website="http://cheap-pills.example"), language="en")
    assert response.status_code == 200
    assert "must stay empty" in response.content.decode()
    assert not Case.objects.exists()


def test_a_form_sent_within_seconds_of_being_shown_is_refused(client, kulob):
    response = send(client, ask_data(token=antispam.new_token()), language="en")
    assert "The form was sent too quickly" in response.content.decode()
    assert not Case.objects.exists()


def test_after_being_told_it_was_too_fast_a_person_can_send_again(client, kulob):
    html = send(client, ask_data(token=antispam.new_token()), language="en").content.decode()
    fresh = html.split('name="token" value="')[1].split('"')[0]
    assert antispam.check_token(fresh, now=time.time() + 5)
    send(client, ask_data(token=antispam.new_token(issued_at=time.time() - 5)))
    assert Case.objects.count() == 1


@pytest.mark.parametrize("kind", ["stale", "forged", "missing"])
def test_a_stale_forged_or_missing_token_is_refused(client, kulob, kind):
    token = {
        "stale": antispam.new_token(issued_at=time.time() - 7 * 3600),
        "forged": "eyJ0IjoxfQ:forged:signature",
        "missing": "",
    }[kind]
    response = send(client, ask_data(token=token), language="en")
    assert "The form was open for too long" in response.content.decode()
    assert not Case.objects.exists()


def test_a_double_tap_opens_one_case_and_the_second_answer_shows_its_code(client, kulob):
    """The browser drops the first answer and its session cookie, and shows the second."""
    data = ask_data()
    send(client, data)
    second_tap = Client()
    response = send(second_tap, data)
    assert response["Location"] == "/tg/ask/sent/"
    case = Case.objects.get()
    html = second_tap.get("/tg/ask/sent/").content.decode()
    assert case.tracking_code in html
    assert check_password(shown_pin(html), case.pin)


def test_sending_the_form_again_after_the_code_was_shown_does_not_show_it_again(client, kulob):
    data = ask_data()
    send(client, data)
    client.get("/tg/ask/sent/")
    again = send(client, data, language="en")
    html = again.content.decode()
    assert "This form has already been sent." in html
    assert Case.objects.get().tracking_code not in html
    assert Case.objects.count() == 1


def test_too_many_requests_from_one_address_are_refused_and_others_are_not(client, kulob):
    for _ in range(5):
        assert send(client, ask_data()).status_code == 302
    refused = send(client, ask_data(), language="en")
    assert refused.status_code == 429
    assert "Too many requests were sent from your connection" in refused.content.decode()
    assert NARRATIVE in refused.content.decode()
    assert Case.objects.count() == 5
    assert send(client, ask_data(), address="10.0.0.2").status_code == 302
    assert Case.objects.count() == 6


def test_the_daily_limit_can_be_set_in_the_settings(client, kulob, settings):
    settings.ROHNAMO_PUBLIC_REQUEST_RATES = [(1, 86400)]
    assert send(client, ask_data()).status_code == 302
    assert send(client, ask_data()).status_code == 429
    assert Case.objects.count() == 1


@pytest.mark.parametrize(
    ("language", "district"),
    [("tg", "шаҳри Кӯлоб"), ("ru", "город Куляб"), ("en", "Kulob city")],
)
def test_the_form_reads_in_each_language(client, kulob, language, district):
    response = client.get(f"/{language}/ask/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert district in html
    assert 'method="post"' in html
    assert "<script" not in html


def test_districts_are_grouped_by_region_in_tajik_alphabetical_order(client, kulob):
    html = client.get("/tg/ask/").content.decode()
    khatlon = html.split('<optgroup label="Вилояти Хатлон">')[1].split("</optgroup>")[0]
    # ҳ and қ come before ш and м in Tajik; by code point they would come after я.
    assert khatlon.index("ноҳияи Ҳамадонӣ") < khatlon.index("ноҳияи Шаҳритус")
    assert khatlon.index("ноҳияи Қубодиён") < khatlon.index("ноҳияи Мӯъминобод")


def test_the_honeypot_is_hidden_by_the_stylesheet_not_inline(client, kulob):
    html = client.get("/tg/ask/").content.decode()
    assert '<div class="hp" aria-hidden="true">' in html
    assert 'name="website"' in html
    with open(finders.find("css/public.css")) as css:
        assert ".hp{" in css.read()


def test_a_link_from_the_agency_check_preselects_a_complaint_about_an_agency(client, db):
    page = client.get("/en/ask/?kind=complaint&category=recruitment")

    form = page.context["form"]
    assert (form["kind"].value(), form["category"].value()) == ("complaint", "recruitment")
