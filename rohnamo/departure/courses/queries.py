"""Who sees which course, and what the public sees.

A course belongs to its centre: its staff, managers above it and administrators see it
(``scope_to_offices``), and so do the trainers named on it. Everyone else gets a 404.
"""

import datetime

from django.db.models import Count, Q
from django.http import Http404
from django.utils import timezone

from rohnamo.core.queries import office_ids_visible_to
from rohnamo.core.roles import may
from rohnamo.departure.courses.choices import CourseStatus, EnrolmentStatus
from rohnamo.departure.models import Certificate, Course, CourseSession, Enrolment

_ENROLLED = Q(enrolments__status=EnrolmentStatus.ENROLLED)
_WAITING = Q(enrolments__status=EnrolmentStatus.WAITING)


def _visible(user):
    ids = office_ids_visible_to(user)
    if ids is None:
        return Q()
    trained = Course.trainers.through.objects.filter(user_id=user.pk).values("course_id")
    return Q(office__in=ids) | Q(pk__in=trained)


def courses_visible_to(user):
    """Courses ``user`` may open (none without ``departure.view_course``)."""
    if not may(user, "departure.view_course"):
        return Course.objects.none()
    return Course.objects.filter(_visible(user)).select_related("office", "destination", "language")


def course_list(user, *, today=None):
    """The staff list: upcoming and running courses first (soonest first), then past ones
    (latest first), each with its taken seats and waiting list counted in the same query."""
    today = today or timezone.localdate()
    courses = courses_visible_to(user).annotate(
        taken=Count("enrolments", filter=_ENROLLED),
        waiting=Count("enrolments", filter=_WAITING),
    )
    upcoming = list(courses.filter(ends_on__gte=today).order_by("starts_on", "id"))
    past = list(courses.filter(ends_on__lt=today).order_by("-starts_on", "-id"))
    return upcoming, past


def course_for(user, pk):
    """The course ``pk`` if ``user`` may open it; 404 otherwise."""
    course = courses_visible_to(user).filter(pk=pk).first()
    if course is None:
        raise Http404
    return course


def may_run(user, course):
    """Whether ``user`` may change ``course`` (its sessions, enrolments and attendance)."""
    return (
        may(user, "departure.change_course")
        and courses_visible_to(user).filter(pk=course.pk).exists()
    )


def enrolments_of(course):
    """Enrolled people, then the waiting list in its order, then cancellations."""
    enrolments = list(
        Enrolment.objects.filter(course=course).select_related("district", "certificate")
    )
    order = {EnrolmentStatus.ENROLLED: 0, EnrolmentStatus.WAITING: 1, EnrolmentStatus.CANCELLED: 2}
    return sorted(enrolments, key=lambda each: (order[each.status], each.created_at, each.pk))


def enrolled_in(course):
    return Enrolment.objects.filter(course=course, status=EnrolmentStatus.ENROLLED)


def certificates_visible_to(user, course=None):
    certificates = Certificate.objects.filter(
        enrolment__course__in=courses_visible_to(user)
    ).select_related("enrolment__course__office", "enrolment__course__destination")
    if course is not None:
        certificates = certificates.filter(enrolment__course=course)
    return certificates


def certificate_for(user, pk):
    certificate = certificates_visible_to(user).filter(pk=pk).first()
    if certificate is None:
        raise Http404
    return certificate


# Public ----------------------------------------------------------------------------------------


def _public(today):
    today = today or timezone.localdate()
    return (
        Course.objects.filter(published=True, status=CourseStatus.OPEN, starts_on__gte=today)
        .select_related("office", "destination", "language")
        .annotate(taken=Count("enrolments", filter=_ENROLLED))
        .order_by("starts_on", "id")
    )


def _with_free_seats(course):
    course.free = max(course.seats - course.taken, 0)
    return course


def public_courses(*, today=None):
    """Published open courses that have not started, with their free seats, soonest first."""
    return [_with_free_seats(course) for course in _public(today)]


def public_course(pk, *, today=None):
    """A course the public may see and enrol in; 404 otherwise."""
    course = _public(today).filter(pk=pk).first()
    if course is None:
        raise Http404
    return _with_free_seats(course)


def sessions_of(course):
    return CourseSession.objects.filter(course=course).order_by("date", "starts_at", "id")


def last_session(course):
    return sessions_of(course).last()


def session_start(session):
    """The aware moment a session begins, in the centre's time zone."""
    return timezone.make_aware(datetime.datetime.combine(session.date, session.starts_at))
