"""Anyone checks a certificate by its code: genuine, revoked or unknown; the holder's name
masked, nothing else personal."""

import datetime

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from rohnamo.departure.courses import issuing
from rohnamo.departure.courses.certificates import mask_name
from rohnamo.departure.courses.retention import anonymise_enrolments
from rohnamo.departure.models import Enrolment
from rohnamo.departure.tests.courses_factories import enrol, past_course
from rohnamo.lib.codes import plain_code


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


@pytest.fixture
def certificate(nigora, khujand):
    course = past_course(nigora, khujand, sessions=2)
    farrukh = enrol(course, nigora, 0, full_name="Фаррух Ҳамидов", birth_year=1994,
                    phone="+992 92 765 43 21")  # fmt: skip
    for session in course.sessions.all():
        issuing.mark_attendance(session=session, present_ids=[farrukh.pk], actor=nigora)
    return issuing.issue_certificates(course=course, actor=nigora).issued[0]


def test_a_name_is_masked_to_its_first_and_last_letters():
    assert mask_name("Фаррух Ҳамидов") == "Ф***х Ҳ***в"
    assert mask_name("Ӯмед  Ғафуров-Ҷӯраев") == "Ӯ***д Ғ***в"
    assert mask_name("Ли Ӣ") == "Л*** Ӣ"
    assert mask_name("") == ""


def test_codes_are_read_without_case_spaces_or_dashes():
    assert plain_code(" k7q4-mx2p ab3c ") == "K7Q4MX2PAB3C"


def test_a_genuine_certificate_says_so_with_the_masked_name_only(client, certificate):
    typed = certificate.display_code.lower().replace("-", " ")
    response = client.get(f"/en/certificate/{typed}/")
    page = response.content.decode()

    assert response.status_code == 200
    assert "Genuine certificate" in page
    assert "Ф***х Ҳ***в" in page
    assert "Фаррух" not in page and "Ҳамидов" not in page
    assert "1994" not in page
    assert "765" not in page
    assert "Khujand" in page  # the centre
    assert "Бехатар ба Русия" in page


def test_a_revoked_certificate_says_revoked_and_not_genuine(client, certificate, bahrom):
    issuing.revoke_certificate(certificate=certificate, actor=bahrom, reason="Фурӯхта шуда")
    page = client.get(f"/en/certificate/{certificate.code}/").content.decode()

    today = timezone.localdate().strftime("%d.%m.%Y")
    assert f"REVOKED on {today}" in page
    assert "Genuine certificate" not in page
    assert "Фурӯхта" not in page


def test_a_forged_code_is_unknown(client, certificate):
    response = client.get("/en/certificate/ABCD-EFGH-JKMN/")
    assert response.status_code == 404
    assert "No certificate with this code." in response.content.decode()


def test_the_code_form_leads_to_the_certificate(client, certificate):
    response = client.get("/tg/certificate/", {"code": certificate.code.lower()})
    assert response.status_code == 302
    assert response["Location"] == f"/tg/certificate/{certificate.code}/"
    short = client.get("/en/certificate/", {"code": "ABC"})
    assert "12 letters and digits" in short.content.decode()


def test_lookups_are_limited_per_address(client, certificate):
    for _attempt in range(60):
        client.get("/en/certificate/ABCD-EFGH-JKMN/")
    response = client.get(f"/en/certificate/{certificate.code}/")
    assert response.status_code == 429
    assert "Genuine" not in response.content.decode()


def test_an_anonymised_participants_certificate_stays_verifiable(client, certificate):
    course = certificate.enrolment.course
    ended = timezone.localdate() - datetime.timedelta(days=6 * 366)
    type(course).objects.filter(pk=course.pk).update(
        starts_on=ended - datetime.timedelta(days=1), ends_on=ended
    )

    assert anonymise_enrolments(years=5) == 1
    enrolment = Enrolment.objects.get(pk=certificate.enrolment_id)
    assert (enrolment.full_name, enrolment.phone, enrolment.passport_number) == ("", "", "")
    assert (enrolment.sex, enrolment.birth_year) == ("male", 1994)
    assert enrolment.district is not None

    page = client.get(f"/en/certificate/{certificate.code}/").content.decode()
    assert "Genuine certificate" in page
    assert "(name removed)" in page


def test_the_anonymiser_leaves_recent_courses_alone_and_speaks_english(certificate, capsys):
    call_command("anonymise_course_participants", "--years", "5")
    assert "0 course participants" in capsys.readouterr().out
    assert Enrolment.objects.get(pk=certificate.enrolment_id).full_name == "Фаррух Ҳамидов"


def test_the_api_verifies_a_certificate(client, certificate):
    answer = client.get(f"/api/v1/certificates/{certificate.display_code.lower()}/").json()

    assert answer["status"] == "genuine"
    assert answer["holder"] == "Ф***х Ҳ***в"
    assert answer["destination"] == "RU"
    assert answer["course"] == "Бехатар ба Русия"
    assert answer["revoked_on"] is None
    assert "1994" not in str(answer)


def test_the_api_says_revoked_and_unknown(client, certificate, bahrom):
    issuing.revoke_certificate(certificate=certificate, actor=bahrom, reason="Хато")
    revoked = client.get(f"/api/v1/certificates/{certificate.code}/").json()
    unknown = client.get("/api/v1/certificates/ABCDEFGHJKMN/", HTTP_ACCEPT_LANGUAGE="en")

    assert revoked["status"] == "revoked"
    assert revoked["revoked_on"] == timezone.localdate().isoformat()
    assert unknown.status_code == 404
    assert unknown.json()["detail"] == "No certificate with this code."


def test_the_public_course_and_certificate_pages_are_small_and_script_free(
    client, certificate, nigora, khujand
):
    import gzip
    import re

    from django.contrib.staticfiles import finders

    from rohnamo.departure.tests.courses_factories import make_course

    course = make_course(nigora, khujand, title="Курси оянда")
    for path in [
        "/tg/courses/",
        f"/tg/courses/{course.pk}/",
        "/tg/certificate/",
        f"/tg/certificate/{certificate.code}/",
        "/ru/certificate/ABCDEFGHJKMN/",
    ]:
        html = client.get(path).content
        text = html.decode()
        assert "<script" not in text and "style=" not in text, path
        total = len(gzip.compress(html))
        for name in re.findall(r'<link rel="stylesheet" href="/static/([^"]+)"', text):
            with open(finders.find(name), "rb") as css:
                total += len(gzip.compress(css.read()))
        assert total <= 30 * 1024, f"{path} weighs {total} bytes"
