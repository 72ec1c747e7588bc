"""Who sees which course, the staff pages, the report and the demo."""

import pytest

from rohnamo.core.choices import Role
from rohnamo.core.demo import load_demo
from rohnamo.core.models import District
from rohnamo.core.tests.factories import make_user
from rohnamo.counselling.periods import parse_period
from rohnamo.departure.courses import issuing, services
from rohnamo.departure.courses.reports import course_report
from rohnamo.departure.models import Attendance, Certificate, Course, Enrolment
from rohnamo.departure.tests.courses_factories import enrol, make_course, past_course

COURSES = "/staff/departure/courses/"


def login(client, user):
    client.cookies["django_language"] = "en"
    client.force_login(user)
    return client


@pytest.fixture
def course(nigora, khujand):
    return past_course(nigora, khujand, title="Курси Хуҷанд", sessions=2)


def test_a_counsellor_at_another_centre_can_neither_see_nor_mark_the_course(
    client, course, nigora, umed, kulob
):
    own = make_course(umed, kulob, title="Курси Кӯлоб")
    farrukh = enrol(course, nigora, 0)
    login(client, umed)

    listing = client.get(COURSES).content.decode()
    assert "Курси Кӯлоб" in listing
    assert "Курси Хуҷанд" not in listing
    assert client.get(f"{COURSES}{course.pk}/").status_code == 404
    marked = client.post(
        f"{COURSES}{course.pk}/attendance/",
        {"session": course.sessions.first().pk, "present": [farrukh.pk]},
    )
    issued = client.post(f"{COURSES}{course.pk}/certificates/", {"issue": "1"})
    enrolled = client.post(f"{COURSES}{course.pk}/enrol/", {"full_name": "Ӯмед"})
    assert (marked.status_code, issued.status_code, enrolled.status_code) == (404, 404, 404)
    assert not Attendance.objects.exists()
    assert not Certificate.objects.exists()
    assert Enrolment.objects.count() == 1
    assert own.office == kulob


def test_a_trainer_from_another_centre_runs_the_course_he_trains(client, course, umed, nigora):
    services.update_course(actor=nigora, course=course, trainers=[umed])
    login(client, umed)
    assert "Курси Хуҷанд" in client.get(f"{COURSES}{course.pk}/").content.decode()


def test_the_manager_above_sees_every_branch_and_the_national_total(
    client, course, bahrom, umed, kulob
):
    make_course(umed, kulob, title="Курси Кӯлоб")
    listing = login(client, bahrom).get(COURSES).content.decode()
    assert "Курси Хуҷанд" in listing and "Курси Кӯлоб" in listing


def test_the_course_list_shows_seats_taken_in_a_fixed_number_of_queries(
    client, nigora, khujand, django_assert_max_num_queries
):
    for number in range(6):
        course = make_course(nigora, khujand, title=f"Курс {number}", seats=5)
        for index in range(number):
            enrol(course, nigora, index)
    login(client, nigora)
    client.get(COURSES)
    with django_assert_max_num_queries(12):
        page = client.get(COURSES).content.decode()
    assert "5 / 5" in page and "0 / 5" in page


def test_upcoming_courses_come_first(client, course, nigora, khujand):
    make_course(nigora, khujand, title="Курси нав")
    page = login(client, nigora).get(COURSES).content.decode()
    assert page.index("Курси нав") < page.index("Курси Хуҷанд")


def test_a_counsellor_schedules_a_course_and_enrols_someone_at_the_desk(client, nigora, khujand):
    from rohnamo.core.models import Country, Language

    login(client, nigora)
    response = client.post(
        f"{COURSES}new/",
        {
            "office": khujand.pk, "title": "Роҳи бехатар", "place": "Хуҷанд",
            "destination": Country.objects.get(code="RU").pk,
            "language": Language.objects.get(code="tg").pk,
            "starts_on": "2099-05-04", "ends_on": "2099-05-05", "seats": 2, "threshold": 80,
            "status": "open", "published": "on",
        },
    )  # fmt: skip
    course = Course.objects.get(title="Роҳи бехатар")
    assert response["Location"] == f"{COURSES}{course.pk}/"
    client.post(
        f"{COURSES}{course.pk}/sessions/",
        {"date": "2099-05-04", "starts_at": "09:00", "topic": "Ҳуҷҷатҳо"},
    )
    enrolled = client.post(
        f"{COURSES}{course.pk}/enrol/",
        {
            "full_name": "Шаҳло Ёдгорова", "sex": "female", "birth_year": 1997,
            "district": District.objects.get(code="sughd-khujand").pk,
        },
        follow=True,
    ).content.decode()  # fmt: skip
    assert "You are enrolled in the course." in enrolled
    assert "Шаҳло Ёдгорова" in enrolled
    assert course.sessions.get().topic == "Ҳуҷҷатҳо"


def test_a_session_outside_the_course_dates_is_refused(client, nigora, khujand):
    course = make_course(nigora, khujand, sessions=1)
    response = login(client, nigora).post(
        f"{COURSES}{course.pk}/sessions/", {"date": "2001-01-01", "starts_at": "09:00"}
    )
    assert "The session must be between" in response.content.decode()
    assert course.sessions.count() == 1


def test_the_report_counts_women_men_and_the_completion_rate(client, nigora, bahrom, khujand):
    course = past_course(nigora, khujand, sessions=2)
    people = [enrol(course, nigora, index) for index in range(4)]  # men 0, 2; women 1, 3
    for session in course.sessions.all():
        issuing.mark_attendance(
            session=session, present_ids=[people[0].pk, people[1].pk, people[2].pk], actor=nigora
        )
    issuing.issue_certificates(course=course, actor=nigora)
    period = parse_period(f"{course.starts_on.year}-Q{(course.starts_on.month - 1) // 3 + 1}")

    report = course_report(bahrom, period)

    (line,) = report.lines
    assert (line.courses, line.sessions, line.enrolled) == (1, 2, 4)
    assert (line.women, line.men, line.completed) == (2, 2, 3)
    assert line.completion_rate == 75.0
    assert line.districts[0][1] == 4
    assert report.total.enrolled == 4
    assert course_report(nigora, period).total is None
    page = login(client, bahrom).get(f"{COURSES}report/?period={period.key}").content.decode()
    assert "75.0%" in page
    csv_text = client.get(f"{COURSES}report/?period={period.key}&format=csv").content.decode()
    assert "Khujand" in csv_text


def test_a_counsellor_elsewhere_sees_nothing_of_khujand_in_the_report(course, nigora, umed):
    enrol(course, nigora, 0)
    period = parse_period(f"{course.starts_on.year}")
    assert course_report(umed, period).lines == []


def test_an_outsider_without_a_role_sees_no_course_pages(client, course, khujand):
    outsider = make_user("outsider", None, khujand)
    assert login(client, outsider).get(COURSES).status_code == 404
    statistician = make_user("dilnoza", Role.STATISTICIAN, khujand)
    assert login(client, statistician).get(f"{COURSES}{course.pk}/").status_code == 404


def test_the_demo_loads_courses_twice_without_duplicates(db):
    load_demo()
    load_demo()
    assert Course.objects.filter(title__endswith="(намуна)").count() == 2
    assert Certificate.objects.filter(revoked_at__isnull=False).count() == 1
    assert Certificate.objects.filter(revoked_at__isnull=True).count() >= 3


def test_more_seats_move_the_waiting_list_into_them(client, nigora, khujand):
    course = make_course(nigora, khujand, seats=1, title="Курси хурд")
    enrol(course, nigora, 0)
    waiting = enrol(course, nigora, 1)
    login(client, nigora)
    form = client.get(f"{COURSES}{course.pk}/edit/").context["form"]
    data = {
        name: value for name, value in form.initial.items() if name not in ("office", "trainers")
    }
    data.update(seats=2, published="on", status="open")
    response = client.post(f"{COURSES}{course.pk}/edit/", data)

    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == "enrolled"


def test_a_counsellor_cannot_schedule_a_course_at_another_centre(client, nigora, kulob):
    from rohnamo.core.models import Country, Language

    login(client, nigora)
    page = client.post(
        f"{COURSES}new/",
        {
            "office": kulob.pk, "title": "Дар Кӯлоб", "place": "Кӯлоб",
            "destination": Country.objects.get(code="RU").pk,
            "language": Language.objects.get(code="tg").pk,
            "starts_on": "2099-05-04", "ends_on": "2099-05-05", "seats": 2, "threshold": 80,
            "status": "open",
        },
    ).content.decode()  # fmt: skip
    assert "Select a valid choice" in page
    assert not Course.objects.filter(title="Дар Кӯлоб").exists()
