"""Attendance is marked only on the course's own sessions, and a certificate exists only when
attendance reached the threshold, after the last session."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from rohnamo.departure.courses import issuing
from rohnamo.departure.models import Attendance, Certificate
from rohnamo.departure.tests.courses_factories import enrol, make_course, past_course


@pytest.fixture
def course(nigora, khujand):
    """Five sessions, all over; 80 % needed."""
    return past_course(nigora, khujand, sessions=5, threshold=80)


def attend(course, actor, present):
    """``present``: {enrolment: number of the first sessions attended}."""
    for index, session in enumerate(course.sessions.order_by("date")):
        ids = [each.pk for each, count in present.items() if count > index]
        issuing.mark_attendance(session=session, present_ids=ids, actor=actor)


def test_exactly_at_the_threshold_issues_and_one_session_below_does_not(course, nigora):
    farrukh, zarina, jamshed = (enrol(course, nigora, index) for index in range(3))
    attend(course, nigora, {farrukh: 4, zarina: 3, jamshed: 5})

    result = issuing.issue_certificates(course=course, actor=nigora)

    holders = {certificate.enrolment for certificate in result.issued}
    assert holders == {farrukh, jamshed}
    assert [(each.enrolment, each.attended, each.sessions) for each in result.below] == [
        (zarina, 3, 5)
    ]
    assert result.below[0].percent == 60
    assert not Certificate.objects.filter(enrolment=zarina).exists()


def test_issuing_again_gives_nobody_a_second_certificate(course, nigora):
    farrukh = enrol(course, nigora, 0)
    attend(course, nigora, {farrukh: 5})
    issuing.issue_certificates(course=course, actor=nigora)

    again = issuing.issue_certificates(course=course, actor=nigora)

    assert again.issued == [] and again.already == 1
    assert Certificate.objects.count() == 1


def test_codes_are_twelve_unambiguous_symbols(course, nigora):
    people = [enrol(course, nigora, index) for index in range(5)]
    attend(course, nigora, dict.fromkeys(people, 5))
    codes = [each.code for each in issuing.issue_certificates(course=course, actor=nigora).issued]
    assert len(set(codes)) == 5
    assert all(len(code) == 12 and not set(code) & set("01OIL") for code in codes)


def test_no_certificate_before_the_last_session(nigora, khujand):
    start = timezone.localdate() - datetime.timedelta(days=2)
    course = make_course(nigora, khujand, start=start, sessions=4)
    farrukh = enrol(course, nigora, 0)
    attend_sessions = course.sessions.filter(date__lte=timezone.localdate() - datetime.timedelta(1))
    for session in attend_sessions:
        issuing.mark_attendance(session=session, present_ids=[farrukh.pk], actor=nigora)

    with pytest.raises(ValidationError, match="after the last session"):
        issuing.issue_certificates(course=course, actor=nigora)
    assert not Certificate.objects.exists()


def test_attendance_on_a_session_of_another_course_is_refused_and_nothing_changes(
    course, nigora, khujand
):
    other = past_course(nigora, khujand, title="Кор дар Қазоқистон", sessions=2)
    farrukh = enrol(course, nigora, 0)

    with pytest.raises(ValidationError, match="another course"):
        issuing.mark_attendance(
            session=other.sessions.first(), course=course, present_ids=[farrukh.pk], actor=nigora
        )
    with pytest.raises(ValidationError, match="Only people enrolled"):
        issuing.mark_attendance(
            session=other.sessions.first(), present_ids=[farrukh.pk], actor=nigora
        )
    assert not Attendance.objects.exists()


def test_a_date_without_a_session_is_refused(course):
    with pytest.raises(ValidationError, match="no session on"):
        issuing.find_session(course=course, day=course.ends_on + datetime.timedelta(days=1))
    found = issuing.find_session(course=course, day=course.starts_on)
    assert found.course == course


def test_attendance_sheet_refuses_another_courses_session_and_saves_nothing(
    client, course, nigora, khujand
):
    other = past_course(nigora, khujand, title="Кор дар Қазоқистон", sessions=2)
    farrukh = enrol(course, nigora, 0)
    client.force_login(nigora)
    client.cookies["django_language"] = "en"

    refused = client.post(
        f"/staff/departure/courses/{course.pk}/attendance/",
        {"session": other.sessions.first().pk, "present": [farrukh.pk]},
    )
    missing = client.post(
        f"/staff/departure/courses/{course.pk}/attendance/",
        {"session": 999999, "present": [farrukh.pk]},
    )

    assert "This course has no such session." in refused.content.decode()
    assert missing.status_code == 400
    assert not Attendance.objects.exists()


def test_the_attendance_sheet_records_who_was_there(client, course, nigora):
    farrukh, zarina = enrol(course, nigora, 0), enrol(course, nigora, 1)
    session = course.sessions.first()
    client.force_login(nigora)
    client.cookies["django_language"] = "en"

    page = client.get(f"/staff/departure/courses/{course.pk}/attendance/?session={session.pk}")
    assert "Зарина Қодирова" in page.content.decode()
    response = client.post(
        f"/staff/departure/courses/{course.pk}/attendance/",
        {"session": session.pk, "present": [zarina.pk]},
        follow=True,
    )

    assert "1 present" in response.content.decode()
    marks = dict(Attendance.objects.values_list("enrolment_id", "present"))
    assert marks == {farrukh.pk: False, zarina.pk: True}


def test_a_future_session_cannot_be_marked(nigora, khujand):
    course = make_course(nigora, khujand)
    farrukh = enrol(course, nigora, 0)
    with pytest.raises(ValidationError, match="once the session has begun"):
        issuing.mark_attendance(
            session=course.sessions.first(), present_ids=[farrukh.pk], actor=nigora
        )


def test_revoking_needs_a_reason_and_a_manager(course, nigora, bahrom):
    farrukh = enrol(course, nigora, 0)
    attend(course, nigora, {farrukh: 5})
    certificate = issuing.issue_certificates(course=course, actor=nigora).issued[0]

    with pytest.raises(ValidationError):
        issuing.revoke_certificate(certificate=certificate, actor=nigora, reason="Хато")
    with pytest.raises(ValidationError, match="why"):
        issuing.revoke_certificate(certificate=certificate, actor=bahrom, reason="  ")
    issuing.revoke_certificate(certificate=certificate, actor=bahrom, reason="Номи хато")

    certificate.refresh_from_db()
    assert certificate.is_revoked and certificate.revoke_reason == "Номи хато"


def test_the_issue_button_shows_who_is_below_the_threshold(client, course, nigora):
    farrukh, zarina = enrol(course, nigora, 0), enrol(course, nigora, 1)
    attend(course, nigora, {farrukh: 5, zarina: 2})
    client.force_login(nigora)
    client.cookies["django_language"] = "en"

    page = client.post(
        f"/staff/departure/courses/{course.pk}/certificates/", {"issue": "1"}
    ).content.decode()

    assert "1 certificate issued." in page
    assert "Зарина Қодирова: 2 of 5 sessions (40%)" in page
    certificate = Certificate.objects.get()
    printed = client.get(
        f"/staff/departure/courses/certificates/{certificate.pk}/print/"
    ).content.decode()
    assert "Фаррух Ҳамидов" in printed
    assert "<svg" in printed
    assert f"/tg/certificate/{certificate.display_code}/" in printed
