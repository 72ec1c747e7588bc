"""Reporting periods: a year, a quarter or a month, written "2026", "2026-Q1" or "2026-03".

A period covers whole days in the centre's time zone (settings.TIME_ZONE), so a consultation at
23:30 in Dushanbe on the last day of a quarter counts in that quarter, whatever UTC says.
"""

import datetime
import re
import zoneinfo
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rohnamo.lib.months import add_months

YEAR, QUARTER, MONTH = "year", "quarter", "month"
KIND_CHOICES = [
    (YEAR, gettext_lazy("Year")),
    (QUARTER, gettext_lazy("Quarter")),
    (MONTH, gettext_lazy("Month")),
]
QUARTER_CHOICES = [
    (1, gettext_lazy("First quarter")),
    (2, gettext_lazy("Second quarter")),
    (3, gettext_lazy("Third quarter")),
    (4, gettext_lazy("Fourth quarter")),
]
MONTH_CHOICES = list(MONTHS.items())

# The centre opened long after 2000; the bounds keep dates, and previous years, valid.
FIRST_YEAR, LAST_YEAR = 2000, 2100

_PATTERNS = [
    (YEAR, re.compile(r"(\d{4})")),
    (QUARTER, re.compile(r"(\d{4})-[Qq]([1-4])")),
    (MONTH, re.compile(r"(\d{4})-(0?[1-9]|1[0-2])")),
]


def _quarter_label(number, year):
    labels = {
        1: _("First quarter of %(year)s"),
        2: _("Second quarter of %(year)s"),
        3: _("Third quarter of %(year)s"),
        4: _("Fourth quarter of %(year)s"),
    }
    return labels[number] % {"year": year}


def _local_midnight(day):
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=zone)


@dataclass(frozen=True)
class Period:
    """``number`` is the quarter (1–4) or the month (1–12); None for a whole year."""

    kind: str
    year: int
    number: int | None = None

    @property
    def months(self):
        return {YEAR: 12, QUARTER: 3, MONTH: 1}[self.kind]

    @property
    def start(self):
        """The first day."""
        if self.kind == YEAR:
            return datetime.date(self.year, 1, 1)
        if self.kind == QUARTER:
            return datetime.date(self.year, 3 * self.number - 2, 1)
        return datetime.date(self.year, self.number, 1)

    @property
    def end(self):
        """The last day (inclusive)."""
        return add_months(self.start, self.months) - datetime.timedelta(days=1)

    @property
    def key(self):
        """The text form, as in ``?period=``: "2026", "2026-Q1" or "2026-03"."""
        if self.kind == YEAR:
            return f"{self.year}"
        if self.kind == QUARTER:
            return f"{self.year}-Q{self.number}"
        return f"{self.year}-{self.number:02d}"

    @property
    def label(self):
        """What people read: "First quarter of 2026", "March 2026", "Year 2026"."""
        if self.kind == YEAR:
            return _("Year %(year)s") % {"year": self.year}
        if self.kind == QUARTER:
            return _quarter_label(self.number, self.year)
        return _("%(month)s %(year)s") % {"month": MONTHS[self.number], "year": self.year}

    def __str__(self):
        return self.label

    def previous_year(self):
        """The same period one year earlier, as the comparison tables use it."""
        return Period(self.kind, self.year - 1, self.number)

    def shifted(self, steps):
        """The period ``steps`` periods of the same kind later (earlier when negative)."""
        if self.kind == YEAR:
            return Period(YEAR, self.year + steps)
        per_year = 4 if self.kind == QUARTER else 12
        index = self.year * per_year + self.number - 1 + steps
        return Period(self.kind, index // per_year, index % per_year + 1)

    def datetime_range(self):
        """``(first moment, first moment after)`` as aware datetimes in settings.TIME_ZONE."""
        after = self.end + datetime.timedelta(days=1)
        return _local_midnight(self.start), _local_midnight(after)

    def trailing_months(self, count=12):
        """``[(YYYY-MM, first moment, first moment after)]`` of the ``count`` months that end
        with this period's last month, oldest first: the trend chart's bars."""
        last = self.end.replace(day=1)
        months = []
        for back in range(count - 1, -1, -1):
            first = add_months(last, -back)
            after = add_months(first, 1)
            months.append((first.strftime("%Y-%m"), _local_midnight(first), _local_midnight(after)))
        return months

    def count_per_month(self, queryset, field):
        """``[(YYYY-MM, rows)]`` of ``queryset`` by the moment ``field`` over the trailing months:
        one query, a filtered count per month, no time-zone function per row."""
        months = self.trailing_months()
        rows = queryset.filter(
            **{f"{field}__gte": months[0][1], f"{field}__lt": months[-1][2]}
        ).aggregate(
            **{
                f"m{index}": Count(
                    "id", filter=Q(**{f"{field}__gte": start, f"{field}__lt": after})
                )
                for index, (_label, start, after) in enumerate(months)
            }
        )
        return [(label, rows[f"m{index}"]) for index, (label, _start, _after) in enumerate(months)]


def check_year(year):
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError(
            _("Choose a year from %(first)s to %(last)s.")
            % {"first": FIRST_YEAR, "last": LAST_YEAR},
            code="year",
        )


def parse_period(text):
    """The period written as "2026", "2026-Q1" or "2026-03"; ValidationError otherwise."""
    text = (text or "").strip()
    for kind, pattern in _PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            year = int(match.group(1))
            check_year(year)
            number = int(match.group(2)) if kind != YEAR else None
            return Period(kind, year, number)
    raise ValidationError(
        _(
            "“%(value)s” is not a period. Write a year (2026), a quarter (2026-Q1) "
            "or a month (2026-03)."
        )
        % {"value": text[:40]},
        code="invalid",
    )


def period_containing(day, kind):
    """The year, quarter or month that ``day`` falls in."""
    if kind == YEAR:
        return Period(YEAR, day.year)
    if kind == QUARTER:
        return Period(QUARTER, day.year, (day.month - 1) // 3 + 1)
    return Period(MONTH, day.year, day.month)


def current_quarter():
    """The quarter of today in the centre's time zone: the report's default."""
    return period_containing(timezone.localdate(), QUARTER)
