"""The public "Check my request" page: status and public message only, guessing slowed down."""

import datetime
import re
import uuid

import pytest
from django.utils import timezone

from rohnamo.cases import tracking
from rohnamo.cases.choices import CaseStatus
from rohnamo.cases.models import Case
from rohnamo.cases.services.cases import change_status
from rohnamo.cases.services.tracking import TooManyAttempts, WrongCodeOrPin, check_request
from rohnamo.cases.tests.factories import public_request

WRONG = "We found no request with this code and PIN."


@pytest.fixture(autouse=True)
def own_cache(settings):
    """A fresh cache per test, so that per-address limits do not leak between tests."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"test-tracking-{uuid.uuid4()}",
        }
    }


@pytest.fixture
def request_and_pin(kulob, khujand):
    """Madina's request about her husband's unpaid wages, and its PIN."""
    return public_request(
        narrative="Шавҳарам се моҳ боз музд нагирифтааст.",
        contact_name="Мадина Раҳимова",
        contact_phone="+992 93 555 44 33",
        on_behalf_of="Фирдавс Раҳимов",
        relationship="зан",
    )


def check(client, code, pin, *, language="en", address="10.0.0.1"):
    return client.post(f"/{language}/track/", {"code": code, "pin": pin}, REMOTE_ADDR=address)


def wrong_pin(pin):
    return f"{(int(pin) + 1) % 10**6:06d}"


def error_of(response):
    return re.search(
        r'<div class="notice" role="alert">(.*?)</div>', response.content.decode(), re.S
    )


def test_the_right_code_and_pin_show_the_status_and_nothing_personal(client, request_and_pin):
    case, pin = request_and_pin
    response = check(client, case.tracking_code, pin)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<strong>New</strong>" in html
    for private in ("Мадина", "555 44 33", "музд", "Фирдавс", "зан", case.office.name):
        assert private not in html
    assert "no-store" in response["Cache-Control"]


def test_the_code_may_be_typed_in_small_letters_without_the_dash(client, request_and_pin):
    case, pin = request_and_pin
    typed = case.tracking_code.replace("-", " ").lower()
    assert "<strong>New</strong>" in check(client, typed, pin).content.decode()


def test_a_status_change_with_a_public_message_shows_but_its_reason_does_not(
    client, request_and_pin, umed
):
    case, pin = request_and_pin
    change_status(actor=umed, case=case, status=CaseStatus.ASSESSED, reason="Called her back.")
    change_status(
        actor=umed,
        case=case,
        status=CaseStatus.REFERRED,
        reason="Legal aid NGO in Yekaterinburg accepted.",
        public_message="Referred to a legal-aid organisation in Yekaterinburg.",
    )
    html = check(client, case.tracking_code, pin).content.decode()
    assert "<strong>Referred</strong>" in html
    assert "Referred to a legal-aid organisation in Yekaterinburg." in html
    assert "accepted" not in html
    assert "Called her back" not in html


def test_five_wrong_pins_lock_the_request_even_for_the_right_pin(client, request_and_pin):
    case, pin = request_and_pin
    for _ in range(tracking.PIN_ATTEMPTS):
        assert WRONG in check(client, case.tracking_code, wrong_pin(pin)).content.decode()
    locked = check(client, case.tracking_code, pin).content.decode()
    assert WRONG in locked
    assert "<strong>New</strong>" not in locked
    case.refresh_from_db()
    assert case.pin_locked_until > timezone.now() + datetime.timedelta(minutes=29)


def test_after_the_lock_ends_the_right_pin_works_again(client, request_and_pin):
    case, pin = request_and_pin
    for _ in range(tracking.PIN_ATTEMPTS):
        check(client, case.tracking_code, wrong_pin(pin))
    Case.objects.filter(pk=case.pk).update(
        pin_locked_until=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert "<strong>New</strong>" in check(client, case.tracking_code, pin).content.decode()


def test_the_right_pin_resets_the_count_of_wrong_ones(client, request_and_pin):
    case, pin = request_and_pin
    for _ in range(tracking.PIN_ATTEMPTS - 1):
        check(client, case.tracking_code, wrong_pin(pin))
    check(client, case.tracking_code, pin)
    case.refresh_from_db()
    assert (case.pin_failures, case.pin_locked_until) == (0, None)
    check(client, case.tracking_code, wrong_pin(pin))
    assert "<strong>New</strong>" in check(client, case.tracking_code, pin).content.decode()


def test_a_guessed_code_gets_the_same_answer_as_a_wrong_pin(client, request_and_pin):
    case, pin = request_and_pin
    known = check(client, case.tracking_code, wrong_pin(pin))
    unknown = check(client, "ZZZZ-ZZZZ", pin)
    assert known.status_code == unknown.status_code == 200
    assert error_of(known).group(1) == error_of(unknown).group(1)
    assert WRONG in error_of(unknown).group(1)


def test_a_locked_request_gets_the_same_answer_as_a_guessed_code(client, request_and_pin):
    case, pin = request_and_pin
    for _ in range(tracking.PIN_ATTEMPTS):
        check(client, case.tracking_code, wrong_pin(pin))
    locked = check(client, case.tracking_code, pin)
    unknown = check(client, "ZZZZ-ZZZZ", pin)
    assert error_of(locked).group(1) == error_of(unknown).group(1)


def test_one_address_trying_many_codes_is_stopped_and_others_are_not(client, request_and_pin):
    case, pin = request_and_pin
    for number in range(20):
        check(client, f"AAAA-{number:04d}", "123456")
    refused = check(client, case.tracking_code, pin)
    assert refused.status_code == 429
    assert "too many wrong attempts from your connection" in refused.content.decode()
    assert (
        "<strong>New</strong>"
        in check(client, case.tracking_code, pin, address="10.9.9.9").content.decode()
    )


def test_the_service_says_nothing_more_than_the_page(request_and_pin):
    case, pin = request_and_pin
    assert check_request(code=case.tracking_code, pin=pin, address="10.0.0.1") == case
    with pytest.raises(WrongCodeOrPin):
        check_request(code="ZZZZ-ZZZZ", pin=pin, address="10.0.0.1")
    for _ in range(19):
        with pytest.raises(WrongCodeOrPin):
            check_request(code="ZZZZ-ZZZZ", pin=pin, address="10.0.0.1")
    with pytest.raises(TooManyAttempts):
        check_request(code=case.tracking_code, pin=pin, address="10.0.0.1")


def test_an_empty_form_names_the_missing_fields(client, db):
    html = client.post("/en/track/", {"code": "", "pin": ""}).content.decode()
    assert html.count("This field is required.") == 2


@pytest.mark.parametrize("language", ["tg", "ru", "en"])
def test_the_page_reads_in_each_language(client, request_and_pin, language):
    case, pin = request_and_pin
    response = check(client, case.tracking_code, pin, language=language)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert '<section class="box" aria-live="polite">' in html
