"""Seats, the waiting list and double enrolments, at the desk and online."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError

from rohnamo.core.models import AuditEntry, District
from rohnamo.departure.courses.choices import EnrolmentStatus
from rohnamo.departure.courses.enrolment import (
    cancel_enrolment,
    enrolment_message,
    waiting_position,
)
from rohnamo.departure.models import Enrolment
from rohnamo.departure.tests.courses_factories import enrol, make_course, person


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


@pytest.fixture
def course(nigora, khujand):
    return make_course(nigora, khujand, seats=10)


def test_the_eleventh_person_of_ten_seats_waits_and_a_cancellation_promotes_him(course, nigora):
    people = [enrol(course, nigora, index) for index in range(10)]
    eleventh = enrol(course, nigora, 10)

    assert all(each.status == EnrolmentStatus.ENROLLED for each in people)
    assert eleventh.status == EnrolmentStatus.WAITING
    assert waiting_position(eleventh) == 1
    assert "number 1" in enrolment_message(eleventh)
    assert Enrolment.objects.filter(course=course, status="enrolled").count() == 10

    promoted = cancel_enrolment(enrolment=people[3], actor=nigora)

    eleventh.refresh_from_db()
    assert promoted == eleventh
    assert eleventh.status == EnrolmentStatus.ENROLLED
    assert Enrolment.objects.filter(course=course, status="enrolled").count() == 10


def test_the_waiting_list_keeps_the_order_people_asked_in(course, nigora):
    for index in range(10):
        enrol(course, nigora, index)
    first, second = enrol(course, nigora, 10), enrol(course, nigora, 11)

    assert waiting_position(second) == 2
    cancel_enrolment(enrolment=first, actor=nigora)
    assert waiting_position(Enrolment.objects.get(pk=second.pk)) == 1


def test_the_same_name_and_birth_year_cannot_enrol_twice(course, nigora):
    enrol(course, nigora, 0, full_name="Фаррух Ҳамидов", birth_year=1994)

    with pytest.raises(ValidationError, match="already enrolled"):
        enrol(course, nigora, 1, full_name="  фаррух   ҳамидов ", birth_year=1994)
    assert Enrolment.objects.filter(course=course).count() == 1
    # Another person of the same name, born another year, is welcome.
    enrol(course, nigora, 2, full_name="Фаррух Ҳамидов", birth_year=1999)


def test_a_cancelled_person_may_enrol_again(course, nigora):
    first = enrol(course, nigora, 0)
    cancel_enrolment(enrolment=first, actor=nigora)
    again = enrol(course, nigora, 0)
    assert again.status == EnrolmentStatus.ENROLLED


def test_a_counsellor_at_another_centre_cannot_enrol_people_in_the_course(course, umed):
    with pytest.raises(ValidationError):
        enrol(course, umed, 0)
    assert not Enrolment.objects.exists()


def test_enrolment_is_audited_without_the_persons_name(course, nigora):
    enrolment = enrol(course, nigora, 0, full_name="Ҷамшед Ғафуров")
    entry = AuditEntry.objects.get(
        content_type__model="enrolment", object_id=str(enrolment.pk), action="create"
    )
    assert "Ҷамшед" not in entry.object_label


def _online(client, course, **changes):
    data = person(0, **changes)
    data["district"] = data["district"].pk
    return client.post(f"/tg/courses/{course.pk}/", data)


def test_the_public_lists_open_courses_with_free_seats(client, course, nigora):
    enrol(course, nigora, 0)
    page = client.get("/en/courses/").content.decode()
    assert "Бехатар ба Русия" in page
    assert "9 seats free" in page


def test_someone_enrols_online_and_is_told_so(client, course):
    response = _online(client, course, full_name="Зарина Қодирова")
    assert response.status_code == 200
    enrolment = Enrolment.objects.get(course=course)
    assert enrolment.full_name == "Зарина Қодирова"
    assert enrolment.channel == "online"
    assert enrolment.created_by is None


def test_an_online_enrolment_on_a_full_course_says_the_place_on_the_waiting_list(
    client, nigora, khujand
):
    course = make_course(nigora, khujand, seats=1)
    enrol(course, nigora, 3)
    response = client.post(
        f"/en/courses/{course.pk}/",
        {**person(0), "district": District.objects.get(code="sughd-khujand").pk},
    )
    assert "waiting list, number 1" in response.content.decode()
    assert (
        Enrolment.objects.get(course=course, status="waiting").full_name == person(0)["full_name"]
    )


def test_an_unpublished_course_takes_no_online_enrolment(client, nigora, khujand):
    course = make_course(nigora, khujand, published=False)
    assert client.get(f"/tg/courses/{course.pk}/").status_code == 404
    assert _online(client, course).status_code == 404
    assert not Enrolment.objects.exists()


def test_online_enrolment_is_limited_per_address(client, course):
    statuses = [
        _online(client, course, full_name=f"Одам Ҳасанов {index}").status_code for index in range(6)
    ]
    assert statuses[-1] == 429
    assert Enrolment.objects.count() == 5
