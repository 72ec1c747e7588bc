"""The course report of a period: per centre, the courses that started in it, their sessions
held, participants by sex and home district, certificates and the completion rate.

A handful of GROUP BY queries through the reader's scope, never a row per enrolment in Python.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from rohnamo.core.choices import Role
from rohnamo.core.models import District, Office
from rohnamo.core.roles import has_role, is_administrator
from rohnamo.counselling.choices import Sex
from rohnamo.departure.courses.choices import CourseStatus, EnrolmentStatus
from rohnamo.departure.courses.queries import courses_visible_to
from rohnamo.departure.models import CourseSession, Enrolment
from rohnamo.lib.collation import sort_key

TOP_DISTRICTS = 3


@dataclass
class Line:
    """One centre's figures (``office`` None: the national total)."""

    office: Office | None
    courses: int = 0
    sessions: int = 0
    enrolled: int = 0
    women: int = 0
    men: int = 0
    completed: int = 0
    districts: list = field(default_factory=list)  # [(District or None, people)]

    @property
    def completion_rate(self):
        """Certificates per enrolled person, in percent (None without participants)."""
        return round(100 * self.completed / self.enrolled, 1) if self.enrolled else None


@dataclass
class CourseReport:
    period: object
    lines: list
    total: Line | None


def _courses(user, period):
    return (
        courses_visible_to(user)
        .filter(starts_on__range=(period.start, period.end))
        .exclude(status=CourseStatus.CANCELLED)
    )


def _lines(courses, today):
    lines = {}

    def line(office_id):
        return lines.setdefault(office_id, Line(office=None))

    for row in courses.values("office").annotate(count=Count("id")).order_by():
        line(row["office"]).courses = row["count"]
    sessions = CourseSession.objects.filter(course__in=courses.values("pk"), date__lte=today)
    for row in sessions.values("course__office").annotate(count=Count("id")).order_by():
        line(row["course__office"]).sessions = row["count"]
    enrolled = Enrolment.objects.filter(
        course__in=courses.values("pk"), status=EnrolmentStatus.ENROLLED
    )
    counts = (
        enrolled.values("course__office")
        .annotate(
            total=Count("id"),
            women=Count("id", filter=Q(sex=Sex.FEMALE)),
            men=Count("id", filter=Q(sex=Sex.MALE)),
            completed=Count(
                "id", filter=Q(certificate__isnull=False, certificate__revoked_at=None)
            ),
        )
        .order_by()
    )
    for row in counts:
        each = line(row["course__office"])
        each.enrolled, each.women, each.men = row["total"], row["women"], row["men"]
        each.completed = row["completed"]
    by_district = defaultdict(list)
    for row in enrolled.values("course__office", "district").annotate(count=Count("id")).order_by():
        by_district[row["course__office"]].append((row["district"], row["count"]))
    return lines, by_district


def _top(pairs, districts):
    pairs = sorted(pairs, key=lambda pair: (-pair[1], sort_key(str(districts.get(pair[0], "")))))
    return [(districts.get(pk), count) for pk, count in pairs[:TOP_DISTRICTS]]


def course_report(user, period, *, today=None):
    """The report of ``period`` over the courses ``user`` may see; the national total line
    only for managers and administrators."""
    today = today or timezone.localdate()
    lines, by_district = _lines(_courses(user, period), today)
    offices = Office.objects.in_bulk(list(lines))
    district_ids = {pk for pairs in by_district.values() for pk, _count in pairs if pk}
    districts = District.objects.in_bulk(district_ids)
    for office_id, each in lines.items():
        each.office = offices[office_id]
        each.districts = _top(by_district.get(office_id, []), districts)
    ordered = sorted(lines.values(), key=lambda each: sort_key(each.office.name))
    total = None
    if is_administrator(user) or has_role(user, Role.MANAGER):
        total = Line(office=None)
        national = defaultdict(int)
        for office_id, each in lines.items():
            for name in ("courses", "sessions", "enrolled", "women", "men", "completed"):
                setattr(total, name, getattr(total, name) + getattr(each, name))
            for pk, count in by_district.get(office_id, []):
                national[pk] += count
        total.districts = _top(list(national.items()), districts)
    return CourseReport(period=period, lines=ordered, total=total)


def report_rows(report):
    """The report as rows for a CSV download: a heading row, then one row per line."""
    rows = [
        [
            _("Centre"),
            _("Courses"),
            _("Sessions held"),
            _("Participants"),
            _("Women"),
            _("Men"),
            _("Certificates"),
            _("Completion rate (%)"),
            _("Top districts"),
        ]
    ]
    lines = [*report.lines, *([report.total] if report.total else [])]
    for line in lines:
        rows.append(
            [
                line.office.name if line.office else _("All centres"),
                line.courses,
                line.sessions,
                line.enrolled,
                line.women,
                line.men,
                line.completed,
                "" if line.completion_rate is None else line.completion_rate,
                "; ".join(
                    f"{district.name if district else _('Not stated')}: {count}"
                    for district, count in line.districts
                ),
            ]
        )
    return rows
