"""Closing a course: marking who attended each session, then issuing certificates to those who
reached the threshold and revoking one that was issued wrongly.

Each write takes the acting person, runs in one transaction and writes its audit entry inside it.
Refusals are ``ValidationError`` with translated messages; nothing is half-saved.
"""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from rohnamo.core import audit
from rohnamo.core.choices import AuditAction
from rohnamo.departure.courses import certificates as codes
from rohnamo.departure.courses.choices import EnrolmentStatus
from rohnamo.departure.courses.guards import check_course, locked, refuse, user
from rohnamo.departure.courses.queries import last_session, session_start, sessions_of
from rohnamo.departure.models import Attendance, Certificate, CourseSession, Enrolment

# Attendance -------------------------------------------------------------------------------


def find_session(*, course, day, starts_at=None):
    """The session of ``course`` on ``day`` (and at ``starts_at``), or a clear refusal."""
    sessions = CourseSession.objects.filter(course=course, date=day)
    if starts_at is not None:
        sessions = sessions.filter(starts_at=starts_at)
    found = list(sessions[:2])
    if not found:
        refuse(_("This course has no session on %(date)s.") % {"date": day.isoformat()}, "session")
    if len(found) > 1:
        refuse(_("This course has several sessions that day: choose one."), "session")
    return found[0]


@transaction.atomic
def mark_attendance(*, session, present_ids, actor, course=None):
    """Record who of the enrolled people attended ``session``: those in ``present_ids`` present,
    everybody else enrolled absent. Refused for a session of another course than ``course``, a
    session that has not begun, or ids of people not enrolled in it."""
    if course is not None and session.course_id != course.pk:
        refuse(_("This session belongs to another course."), "session")
    course = session.course
    check_course(actor, course, "departure.add_attendance")
    if session_start(session) > timezone.now():
        refuse(_("Attendance can be marked once the session has begun."), "session")
    enrolled = {
        enrolment.pk: enrolment
        for enrolment in Enrolment.objects.filter(course=course, status=EnrolmentStatus.ENROLLED)
    }
    present = {int(pk) for pk in present_ids}
    strangers = present - set(enrolled)
    if strangers:
        refuse(_("Only people enrolled in this course can be marked present."), "present")
    for pk, enrolment in enrolled.items():
        Attendance.objects.update_or_create(
            enrolment=enrolment,
            session=session,
            defaults={"present": pk in present, "marked_by": user(actor)},
        )
    audit.record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=session,
        office=course.office,
        fields=["attendance"],
        label=f"{course.title} {session}",
    )
    return len(present)


# Certificates -----------------------------------------------------------------------------


@dataclass
class Shortfall:
    """Someone enrolled whose attendance is below the course's threshold."""

    enrolment: Enrolment
    attended: int
    sessions: int

    @property
    def percent(self):
        return round(100 * self.attended / self.sessions) if self.sessions else 0


@dataclass
class IssueResult:
    issued: list = field(default_factory=list)
    below: list = field(default_factory=list)
    already: int = 0


def _unique_code():
    while True:
        code = codes.new_code()
        if not Certificate.objects.filter(code=code).exists():
            return code


def _new_certificate(enrolment, actor):
    # Two people issuing at once must not leave one without a certificate or with two.
    while True:
        try:
            with transaction.atomic():
                return Certificate.objects.create(
                    enrolment=enrolment, code=_unique_code(), issued_by=user(actor)
                )
        except IntegrityError:
            if Certificate.objects.filter(enrolment=enrolment).exists():
                return None


@transaction.atomic
def issue_certificates(*, course, actor):
    """Certificates for every enrolled person whose attended sessions reach the course's
    threshold and who has none yet; only after the last session has begun.

    Returns an ``IssueResult``: the certificates issued, the people below the threshold with
    their attendance (``Shortfall``) and how many had one already.
    """
    check_course(actor, course, "departure.add_certificate")
    course = locked(course)
    last = last_session(course)
    if last is None:
        refuse(_("The course has no sessions: nobody attended."))
    if session_start(last) > timezone.now():
        refuse(
            _("Certificates are issued after the last session (%(date)s).")
            % {"date": last.date.isoformat()}
        )
    sessions = sessions_of(course).count()
    enrolled = (
        Enrolment.objects.filter(course=course, status=EnrolmentStatus.ENROLLED)
        .annotate(
            attended=Count(
                "attendance",
                filter=Q(attendance__present=True, attendance__session__course=course),
            ),
            has_certificate=Count("certificate"),
        )
        .order_by("created_at", "id")
    )
    result = IssueResult()
    for enrolment in enrolled:
        if enrolment.has_certificate:
            result.already += 1
        elif enrolment.attended * 100 >= course.threshold * sessions:
            certificate = _new_certificate(enrolment, actor)
            if certificate is None:
                result.already += 1
                continue
            result.issued.append(certificate)
            audit.record(
                actor=actor,
                action=AuditAction.CREATE,
                obj=certificate,
                office=course.office,
                label=certificate.code,
            )
        else:
            result.below.append(Shortfall(enrolment, enrolment.attended, sessions))
    return result


@transaction.atomic
def revoke_certificate(*, certificate, actor, reason):
    """Revoke a certificate (a reason is required); it stays verifiable as revoked."""
    check_course(actor, certificate.enrolment.course, "departure.revoke_certificate")
    reason = (reason or "").strip()
    if not reason:
        refuse(_("Write why the certificate is revoked."), "reason")
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.is_revoked:
        refuse(_("This certificate is already revoked."))
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = user(actor)
    certificate.revoke_reason = reason[:500]
    certificate.save(update_fields=["revoked_at", "revoked_by", "revoke_reason"])
    audit.record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=certificate,
        office=certificate.enrolment.course.office,
        fields=["revoked_at", "revoke_reason"],
        label=certificate.code,
    )
    return certificate
