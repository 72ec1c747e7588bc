"""The figures of the case report: counts grouped in the database, medians worked out in Python.

Whose cases count: every case of the offices the reader may see, restricted ones included. A
counsellor cannot open a restricted case of her office, yet it counts in her office's figures just
as it does in her manager's, so an office's figures are the same whoever reads them. A count shows
nothing of the case, and nothing in the report links to a case. ``cases_counted_for`` is that
rule; referrals count when their case does.

Durations are few (thousands of cases a year for the whole country): they come back as rows of
timestamps, and the medians are taken here rather than with database-specific functions.
"""

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q

from rohnamo.cases.choices import OPEN_STATUSES
from rohnamo.cases.models import Case, Referral
from rohnamo.cases.sla import answered_late
from rohnamo.core.queries import scope_to_offices
from rohnamo.core.roles import may

SECONDS_PER_DAY = Decimal(86400)
ONE_DECIMAL = Decimal("0.1")


def cases_counted_for(user):
    """The cases whose numbers ``user`` may read in reports (see the module's docstring)."""
    if not may(user, "cases.view_case"):
        return Case.objects.none()
    # The model's ordering would join every GROUP BY below.
    return scope_to_offices(Case.objects.order_by(), user)


def median_days(durations):
    """The median of ``durations`` (timedeltas) in days with one decimal; None for none."""
    if not durations:
        return None
    seconds = statistics.median(duration.total_seconds() for duration in durations)
    return (Decimal(repr(seconds)) / SECONDS_PER_DAY).quantize(ONE_DECIMAL, ROUND_HALF_UP)


def percent(part, whole):
    """``part`` of ``whole`` in per cent with one decimal; None when there is no whole."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(ONE_DECIMAL, ROUND_HALF_UP)


@dataclass
class Timing:
    """How fast the cases of one category (or of all) were answered and resolved."""

    cases: int = 0
    to_response: list = field(default_factory=list)
    to_resolution: list = field(default_factory=list)
    late: int = 0

    @property
    def answered(self):
        return len(self.to_response)

    @property
    def resolved(self):
        return len(self.to_resolution)

    @property
    def median_response(self):
        return median_days(self.to_response)

    @property
    def median_resolution(self):
        return median_days(self.to_resolution)

    @property
    def late_percent(self):
        return percent(self.late, self.answered)


@dataclass
class ReferralCounts:
    """The referrals sent to one organisation in the period, by their status now."""

    name: str
    by_status: Counter = field(default_factory=Counter)
    to_answer: list = field(default_factory=list)

    @property
    def total(self):
        return sum(self.by_status.values())

    @property
    def median_answer(self):
        return median_days(self.to_answer)


@dataclass
class CaseFigures:
    """The figures of one period. ``cases`` counts the cases opened in it by
    ``(office id, category, status, country id)``; ``timings`` by category (None: all);
    ``referrals`` the referrals sent in it, by organisation id."""

    cases: Counter = field(default_factory=Counter)
    timings: dict = field(default_factory=dict)
    referrals: dict = field(default_factory=dict)

    def total(self):
        return sum(self.cases.values())

    def open_now(self):
        """Of the cases opened in the period, those not yet resolved or closed."""
        return sum(count for status, count in self.by("status").items() if status in OPEN_STATUSES)

    def by(self, dimension):
        """``{key: count}`` summed over the other dimensions: office, category, status, country."""
        index = ["office", "category", "status", "country"].index(dimension)
        summed = Counter()
        for key, count in self.cases.items():
            summed[key[index]] += count
        return summed

    def timing(self, category=None):
        return self.timings.get(category, Timing())

    def referral_total(self):
        return sum(counts.total for counts in self.referrals.values())

    def all_referrals(self):
        """The counts of every organisation together, as the tables' total line."""
        together = ReferralCounts(name="")
        for counts in self.referrals.values():
            together.by_status.update(counts.by_status)
            together.to_answer.extend(counts.to_answer)
        return together


def _opened_in(cases, period):
    start, after = period.datetime_range()
    return cases.filter(created_at__gte=start, created_at__lt=after)


def _scoped(queryset, office, field="office"):
    return queryset.filter(**{field: office}) if office is not None else queryset


def _count_cases(figures, cases):
    grouped = cases.values_list("office_id", "category", "status", "country_id").annotate(
        n=Count("id")
    )
    for office_id, category, status, country_id, count in grouped:
        figures.cases[office_id, category, status, country_id] = count


def _time_cases(figures, cases):
    timings = defaultdict(Timing)
    for category, count in figures.by("category").items():
        timings[category].cases = count
    timings[None].cases = figures.total()
    rows = cases.filter(Q(first_responded_at__isnull=False) | Q(resolved_at__isnull=False))
    fields = ["category", "created_at", "first_responded_at", "first_response_due", "resolved_at"]
    for row in rows.values_list(*fields, named=True):
        for timing in (timings[row.category], timings[None]):
            if row.first_responded_at is not None:
                timing.to_response.append(row.first_responded_at - row.created_at)
                timing.late += answered_late(row)
            if row.resolved_at is not None:
                timing.to_resolution.append(row.resolved_at - row.created_at)
    figures.timings = dict(timings)


def _count_referrals(figures, referrals):
    grouped = referrals.values_list("organization_id", "organization__name", "status").annotate(
        n=Count("id")
    )
    for organization_id, name, status, count in grouped:
        counts = figures.referrals.setdefault(organization_id, ReferralCounts(name=name))
        counts.by_status[status] += count
    answered = referrals.filter(answered_at__isnull=False)
    for organization_id, sent_at, answered_at in answered.values_list(
        "organization_id", "sent_at", "answered_at"
    ):
        figures.referrals[organization_id].to_answer.append(answered_at - sent_at)


def count_period(user, period, office=None):
    """The figures of ``period`` for the offices ``user`` may see (or only ``office``):
    the cases opened in it and the referrals sent in it."""
    figures = CaseFigures()
    counted = _scoped(cases_counted_for(user), office)
    opened = _opened_in(counted, period)
    _count_cases(figures, opened)
    _time_cases(figures, opened)
    start, after = period.datetime_range()
    referrals = Referral.objects.order_by().filter(
        case__in=counted.values("pk"), sent_at__gte=start, sent_at__lt=after
    )
    _count_referrals(figures, referrals)
    return figures


def cases_per_month(user, period, office=None):
    """``[(YYYY-MM, cases opened)]`` for the 12 months ending with the period's last month:
    one query, a filtered count per month."""
    return period.count_per_month(_scoped(cases_counted_for(user), office), "created_at")
