"""Demo orientation courses, so the course pages and certificate check can be tried after
``make demo``: a finished course in Dushanbe with three sessions, attendance and certificates
(one revoked), and an upcoming open course in Khujand taking online enrolments.

Loading twice adds nothing: each course is created only when its title is not there yet. The
people are invented.
"""

import datetime

from django.utils import timezone

from rohnamo.core.models import Country, District, Language, Office
from rohnamo.departure.courses import issuing, services
from rohnamo.departure.courses.choices import CourseStatus, EnrolmentChannel
from rohnamo.departure.courses.enrolment import enrol
from rohnamo.departure.models import Course

FINISHED = "Ба Русия бехатар: курси пеш аз сафар (намуна)"
UPCOMING = "Кор дар Русия: ҳуқуқ ва ҳуҷҷатҳо (намуна)"
PEOPLE = [
    # full name, sex, birth year, district code, sessions attended (of 3)
    ("Фаррух Ҳамидов", "male", 1994, "dushanbe-sino", 3),
    ("Зарина Қодирова", "female", 1998, "sughd-khujand", 3),
    ("Ҷамшед Ғафуров", "male", 1990, "khatlon-kulob", 3),
    ("Ӯмед Саидов", "male", 2000, "dushanbe-ismoili-somoni", 1),
    ("Нигина Ҳакимова", "female", 1996, "sughd-isfara", 3),
]


def load_demo_courses(users):
    admin = users["admin"]
    offices = Office.objects.in_bulk(["dushanbe", "khujand"], field_name="code")
    if len(offices) < 2:
        return
    russia = Country.objects.get(code="RU")
    tajik = Language.objects.get(code="tg")
    today = timezone.localdate()
    if not Course.objects.filter(title=FINISHED).exists():
        _finished(admin, offices["dushanbe"], russia, tajik, today)
    if not Course.objects.filter(title=UPCOMING).exists():
        start = today + datetime.timedelta(days=14)
        course = services.schedule_course(
            actor=admin,
            office=offices["khujand"],
            title=UPCOMING,
            destination=russia,
            language=tajik,
            place="Хуҷанд, кӯчаи Ленин 12, толори 2",
            starts_on=start,
            ends_on=start + datetime.timedelta(days=2),
            seats=25,
            threshold=80,
            status=CourseStatus.OPEN,
            published=True,
            trainers=[users["counsellor"]],
        )
        for day in range(3):
            services.add_session(
                actor=admin,
                course=course,
                date=start + datetime.timedelta(days=day),
                starts_at=datetime.time(10, 0),
                topic=["Ҳуҷҷатҳо ва патент", "Ҳуқуқҳои корӣ", "Кӯмак дар хориҷа"][day],
            )


def _finished(admin, office, country, language, today):
    start = today - datetime.timedelta(days=30)
    course = services.schedule_course(
        actor=admin,
        office=office,
        title=FINISHED,
        destination=country,
        language=language,
        place="Душанбе, маркази пеш аз сафар, толори 1",
        starts_on=start,
        ends_on=start + datetime.timedelta(days=2),
        seats=20,
        threshold=80,
        status=CourseStatus.OPEN,
    )
    sessions = [
        services.add_session(
            actor=admin,
            course=course,
            date=start + datetime.timedelta(days=day),
            starts_at=datetime.time(9, 30),
            topic=topic,
        )
        for day, topic in enumerate(["Ҳуҷҷатҳо", "Шартномаи корӣ", "Бехатарӣ ва кӯмак"])
    ]
    districts = District.objects.in_bulk([code for *_rest, code, _n in PEOPLE], field_name="code")
    attended = {}
    for full_name, sex, birth_year, district, sessions_attended in PEOPLE:
        enrolment = enrol(
            course=course,
            actor=admin,
            channel=EnrolmentChannel.DESK,
            full_name=full_name,
            sex=sex,
            birth_year=birth_year,
            district=districts.get(district),
        )
        attended[enrolment.pk] = sessions_attended
    for index, session in enumerate(sessions):
        present = [pk for pk, count in attended.items() if count > index]
        issuing.mark_attendance(session=session, present_ids=present, actor=admin)
    result = issuing.issue_certificates(course=course, actor=admin)
    services.update_course(actor=admin, course=course, status=CourseStatus.CLOSED)
    if result.issued:
        issuing.revoke_certificate(
            certificate=result.issued[-1],
            actor=admin,
            reason="Намуна: шаҳодатнома бо хато дар ном дода шуда буд.",
        )
