"""Enrolling people in a course: the checks on the person and on the course being open, the
waiting list and its order, and moving people into seats that become free.

Each write takes the acting person (None only for an online enrolment), runs in one transaction
and writes its audit entry inside it. Refusals are ``ValidationError`` with translated messages.
"""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from rohnamo.core import audit
from rohnamo.core.choices import AuditAction
from rohnamo.departure.courses.choices import CourseStatus, EnrolmentChannel, EnrolmentStatus
from rohnamo.departure.courses.guards import check_course, locked, refuse, user
from rohnamo.departure.models import Enrolment

OLDEST, YOUNGEST = 90, 14


def name_key(full_name):
    """The name as compared for duplicates: case and spacing do not make another person."""
    return " ".join((full_name or "").split()).casefold()


def _check_person(full_name, birth_year):
    if not name_key(full_name):
        refuse(_("Please write the full name."), "full_name")
    this_year = timezone.localdate().year
    if not this_year - OLDEST <= birth_year <= this_year - YOUNGEST:
        refuse(
            _("The year of birth must be between %(first)d and %(last)d.")
            % {"first": this_year - OLDEST, "last": this_year - YOUNGEST},
            "birth_year",
        )


def _check_open_for(course, actor, channel):
    today = timezone.localdate()
    if channel == EnrolmentChannel.ONLINE and actor is None:
        public = course.published and course.status == CourseStatus.OPEN
        if not public or course.starts_on < today:
            refuse(_("This course does not take enrolments online."))
        return
    check_course(actor, course, "departure.add_enrolment")
    # A finished course still takes desk enrolments: paper lists are often typed in afterwards.
    if course.status in (CourseStatus.CLOSED, CourseStatus.CANCELLED):
        refuse(_("This course no longer takes enrolments."))


@transaction.atomic
def enrol(
    *,
    course,
    actor=None,
    channel,
    full_name,
    sex,
    birth_year,
    district=None,
    phone="",
    passport_number="",
):
    """Enrol one person. When every seat is taken the person goes on the waiting list (never
    beyond the seats as enrolled); the same name and birth year twice in a course is refused.

    ``enrolment_message`` says which of the two happened, in the reader's language.
    """
    _check_open_for(course, actor, channel)
    course = locked(course)
    _check_person(full_name, birth_year)
    key = name_key(full_name)
    twice = Enrolment.objects.filter(course=course, name_key=key, birth_year=birth_year).exclude(
        status=EnrolmentStatus.CANCELLED
    )
    if twice.exists():
        refuse(_("This person is already enrolled in this course or on its waiting list."))
    taken = Enrolment.objects.filter(course=course, status=EnrolmentStatus.ENROLLED).count()
    enrolment = Enrolment(
        course=course,
        full_name=" ".join(full_name.split()),
        name_key=key,
        sex=sex,
        birth_year=birth_year,
        district=district,
        phone=phone.strip(),
        passport_number=passport_number.strip(),
        channel=channel,
        status=EnrolmentStatus.ENROLLED if taken < course.seats else EnrolmentStatus.WAITING,
        created_by=user(actor),
    )
    enrolment.full_clean(exclude=["course", "created_at"])
    enrolment.save()
    audit.record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=enrolment,
        office=course.office,
        label=course.title,
    )
    return enrolment


def waiting_position(enrolment):
    """1 for the first person on the waiting list; None when not waiting."""
    if enrolment.status != EnrolmentStatus.WAITING:
        return None
    ahead = Enrolment.objects.filter(
        course_id=enrolment.course_id, status=EnrolmentStatus.WAITING
    ).filter(
        Q(created_at__lt=enrolment.created_at)
        | Q(created_at=enrolment.created_at, pk__lt=enrolment.pk)
    )
    return ahead.count() + 1


def enrolment_message(enrolment):
    """What the person is told after enrolling."""
    if enrolment.status == EnrolmentStatus.WAITING:
        return _(
            "All seats are taken: you are on the waiting list, number %(position)d. "
            "We will call you if a seat becomes free."
        ) % {"position": waiting_position(enrolment)}
    return _("You are enrolled in the course.")


def fill_seats(course):
    """Move people from the waiting list, in their order, into free seats."""
    taken = Enrolment.objects.filter(course=course, status=EnrolmentStatus.ENROLLED).count()
    free = course.seats - taken
    promoted = []
    if free <= 0:
        return promoted
    waiting = Enrolment.objects.filter(course=course, status=EnrolmentStatus.WAITING).order_by(
        "created_at", "id"
    )[:free]
    for enrolment in waiting:
        enrolment.status = EnrolmentStatus.ENROLLED
        enrolment.save(update_fields=["status"])
        promoted.append(enrolment)
        audit.record(
            actor=None,
            action=AuditAction.UPDATE,
            obj=enrolment,
            office=course.office,
            fields=["status"],
            label=course.title,
        )
    return promoted


@transaction.atomic
def cancel_enrolment(*, enrolment, actor):
    """Cancel an enrolment; a freed seat goes to the first person waiting, who is returned
    (None when nobody was promoted)."""
    course = enrolment.course
    check_course(actor, course, "departure.change_enrolment")
    course = locked(course)
    enrolment = Enrolment.objects.get(pk=enrolment.pk)
    if enrolment.status == EnrolmentStatus.CANCELLED:
        refuse(_("This enrolment is already cancelled."))
    if hasattr(enrolment, "certificate"):
        refuse(_("This person has a certificate: revoke it instead."))
    enrolment.status = EnrolmentStatus.CANCELLED
    enrolment.save(update_fields=["status"])
    audit.record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=enrolment,
        office=course.office,
        fields=["status"],
        label=course.title,
    )
    promoted = fill_seats(course)
    return promoted[0] if promoted else None
