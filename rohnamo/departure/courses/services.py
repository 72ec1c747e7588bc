"""Scheduling orientation courses: the course itself, its dates and seats, and its sessions.

Each function takes the acting person, runs in one transaction and writes its audit entry inside
it. Refusals are ``ValidationError`` with translated messages; nothing is half-saved. Enrolment
lives in ``enrolment``, attendance and certificates in ``issuing``.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from rohnamo.core import audit
from rohnamo.core.choices import AuditAction
from rohnamo.departure.courses.choices import EnrolmentStatus
from rohnamo.departure.courses.enrolment import fill_seats
from rohnamo.departure.courses.guards import (
    check_course,
    check_office,
    check_permission,
    locked,
    refuse,
    user,
)
from rohnamo.departure.courses.queries import sessions_of
from rohnamo.departure.models import Course, CourseSession, Enrolment

COURSE_FIELDS = (
    "title",
    "destination",
    "language",
    "place",
    "starts_on",
    "ends_on",
    "seats",
    "threshold",
    "status",
    "published",
)


@transaction.atomic
def schedule_course(*, actor, office, trainers=(), **fields):
    """A new course of ``office``; ``fields`` are the course's (see ``COURSE_FIELDS``)."""
    check_permission(actor, "departure.add_course")
    check_office(actor, office)
    unknown = set(fields) - set(COURSE_FIELDS)
    if unknown:
        raise TypeError(f"unknown course fields: {sorted(unknown)}")
    course = Course(office=office, created_by=user(actor), **fields)
    course.full_clean(exclude=["created_at", "updated_at"])
    _check_dates(course)
    course.save()
    course.trainers.set(trainers)
    audit.record(actor=actor, action=AuditAction.CREATE, obj=course, label=course.title)
    return course


def _check_dates(course):
    if course.ends_on < course.starts_on:
        refuse(_("The course cannot end before it starts."), "ends_on")


@transaction.atomic
def update_course(*, actor, course, trainers=None, **fields):
    """Change a course's details; sessions outside new dates are refused."""
    check_course(actor, course, "departure.change_course")
    course = locked(course)
    before = audit.snapshot(course)
    for name, value in fields.items():
        if name not in COURSE_FIELDS:
            raise TypeError(f"unknown course field: {name}")
        setattr(course, name, value)
    course.full_clean(exclude=["created_at", "updated_at"])
    _check_dates(course)
    outside = sessions_of(course).exclude(date__range=(course.starts_on, course.ends_on))
    if outside.exists():
        refuse(_("Some sessions fall outside the new dates; move or delete them first."))
    if fields.get("seats") is not None:
        taken = Enrolment.objects.filter(course=course, status=EnrolmentStatus.ENROLLED).count()
        if course.seats < taken:
            refuse(
                _(
                    "%(taken)d people are already enrolled: the course needs at least "
                    "that many seats."
                )
                % {"taken": taken},
                "seats",
            )
    course.save()
    changed = audit.changed_fields(before, course)
    if trainers is not None:
        course.trainers.set(trainers)
        changed.append("trainers")
    audit.record(
        actor=actor, action=AuditAction.UPDATE, obj=course, fields=changed, label=course.title
    )
    if fields.get("seats") is not None:
        fill_seats(course)
    return course


@transaction.atomic
def add_session(*, actor, course, date, starts_at, topic=""):
    """One more meeting of ``course``, on a day within the course's dates."""
    check_course(actor, course, "departure.change_course")
    if not course.starts_on <= date <= course.ends_on:
        refuse(
            _("The session must be between %(start)s and %(end)s.")
            % {"start": course.starts_on.isoformat(), "end": course.ends_on.isoformat()},
            "date",
        )
    if CourseSession.objects.filter(course=course, date=date, starts_at=starts_at).exists():
        refuse(_("This course already has a session at that date and time."), "starts_at")
    session = CourseSession.objects.create(
        course=course, date=date, starts_at=starts_at, topic=topic
    )
    audit.record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=session,
        office=course.office,
        label=f"{course.title} {session}",
    )
    return session
