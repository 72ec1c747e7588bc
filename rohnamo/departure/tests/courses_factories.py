"""Courses for the course tests: Nigora's centre in Khujand runs them; names are Tajik."""

import datetime

from django.utils import timezone

from rohnamo.core.models import Country, District, Language
from rohnamo.departure.courses import enrolment as course_enrolment
from rohnamo.departure.courses import services
from rohnamo.departure.courses.choices import CourseStatus, EnrolmentChannel

NAMES = [
    "Фаррух Ҳамидов", "Зарина Қодирова", "Ҷамшед Ғафуров", "Ӯмед Саидов", "Нигина Ҳакимова",
    "Шаҳло Ёдгорова", "Бахтиёр Қурбонов", "Гулноза Ҳусейнова", "Ӣсо Раҳимов", "Сафар Ғаниев",
    "Мадина Ҷӯраева", "Ҳасан Иброҳимов",
]  # fmt: skip


def make_course(
    actor,
    office,
    *,
    title="Бехатар ба Русия",
    start=None,
    sessions=3,
    seats=10,
    threshold=80,
    published=True,
    status=CourseStatus.OPEN,
):
    """A course of ``sessions`` daily sessions at 09:00 from ``start`` (default: in a week)."""
    start = start or timezone.localdate() + datetime.timedelta(days=7)
    course = services.schedule_course(
        actor=actor,
        office=office,
        title=title,
        destination=Country.objects.get(code="RU"),
        language=Language.objects.get(code="tg"),
        place="Хуҷанд, кӯчаи Ленин 12",
        starts_on=start,
        ends_on=start + datetime.timedelta(days=max(sessions - 1, 0)),
        seats=seats,
        threshold=threshold,
        status=status,
        published=published,
    )
    for day in range(sessions):
        services.add_session(
            actor=actor,
            course=course,
            date=start + datetime.timedelta(days=day),
            starts_at=datetime.time(9, 0),
            topic=f"Мавзӯи {day + 1}",
        )
    return course


def past_course(actor, office, **changes):
    """A course whose sessions are all over."""
    sessions = changes.get("sessions", 3)
    start = timezone.localdate() - datetime.timedelta(days=sessions + 5)
    return make_course(actor, office, start=start, **changes)


def person(index=0, **changes):
    values = {
        "full_name": NAMES[index % len(NAMES)] + ("" if index < len(NAMES) else f" {index}"),
        "sex": "female" if index % 2 else "male",
        "birth_year": 1990 + index % 10,
        "district": District.objects.get(code="sughd-khujand"),
        "phone": f"+992 92 700 00 {index:02d}",
    }
    values.update(changes)
    return values


def enrol(course, actor, index=0, **changes):
    return course_enrolment.enrol(
        course=course, actor=actor, channel=EnrolmentChannel.DESK, **person(index, **changes)
    )
