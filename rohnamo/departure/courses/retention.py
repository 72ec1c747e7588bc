"""Removing participants' names, phones and passport numbers years after their course.

Sex, birth year, district, the enrolment's status, attendance and certificates stay, so the
reports do not change and a certificate stays verifiable (its page then says the name was
removed).
"""

from django.db import transaction
from django.utils import timezone

from rohnamo.core import audit
from rohnamo.core.choices import AuditAction
from rohnamo.departure.models import Enrolment

DEFAULT_YEARS = 5


def _years_before(day, years):
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


@transaction.atomic
def anonymise_enrolments(*, years=DEFAULT_YEARS, actor=None, today=None):
    """Anonymise the enrolments of courses that ended more than ``years`` years ago; returns
    how many were changed."""
    if years < 1:
        raise ValueError("years must be at least 1")
    today = today or timezone.localdate()
    cutoff = _years_before(today, years)
    due = Enrolment.objects.filter(course__ends_on__lt=cutoff, anonymised_at__isnull=True)
    changed = due.update(
        full_name="", name_key="", phone="", passport_number="", anonymised_at=timezone.now()
    )
    if changed:
        audit.record(
            actor=actor,
            action=AuditAction.UPDATE,
            fields=["full_name", "phone", "passport_number"],
            label=f"anonymised {changed} course enrolments older than {years} years",
        )
    return changed
