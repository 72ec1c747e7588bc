"""First-response targets and how a case stands against them (red, amber, green)."""

import datetime

from django.utils import timezone

from rohnamo.cases.choices import CaseCategory, Priority, SlaState
from rohnamo.cases.models import ResponseTarget

# Used when an administrator deleted the target of a category and priority.
FALLBACK_DAYS = 5
# A case is amber once less than this share of its time to first response is left.
AMBER_SHARE = 0.25

# Priorities a case gets when the person asking cannot judge: the gravest categories first.
DEFAULT_PRIORITY = {
    CaseCategory.DEATH: Priority.URGENT,
    CaseCategory.TRAFFICKING: Priority.URGENT,
    CaseCategory.DETENTION: Priority.HIGH,
    CaseCategory.VIOLENCE: Priority.HIGH,
    CaseCategory.EXPLOITATION: Priority.HIGH,
}


def default_priority(category):
    return DEFAULT_PRIORITY.get(category, Priority.NORMAL)


def first_response_due(category, priority, opened_at):
    target = ResponseTarget.objects.filter(category=category, priority=priority).first()
    return opened_at + datetime.timedelta(days=target.days if target else FALLBACK_DAYS)


def sla_state(case, now=None):
    """How urgent a case is now. Before the first response: red when it is late, amber when
    less than a quarter of the time is left. After it: red when an open task is past its date,
    amber when one is due today or tomorrow. Otherwise green. Prefetch ``tasks`` for lists."""
    now = now or timezone.now()
    if case.first_responded_at is None:
        due = case.first_response_due
        if now > due:
            return SlaState.OVERDUE
        if due - now < (due - case.created_at) * AMBER_SHARE:
            return SlaState.DUE_SOON
        return SlaState.ON_TIME
    today = timezone.localdate(now)
    open_dates = [task.due_on for task in case.tasks.all() if task.done_at is None]
    if any(day < today for day in open_dates):
        return SlaState.OVERDUE
    if any(day <= today + datetime.timedelta(days=1) for day in open_dates):
        return SlaState.DUE_SOON
    return SlaState.ON_TIME


def answered_late(case):
    """Whether the first response came after its due time (for reports)."""
    return case.first_responded_at is not None and case.first_responded_at > case.first_response_due
