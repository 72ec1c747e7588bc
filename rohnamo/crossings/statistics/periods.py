"""The periods the official tables are about: a year, a half-year or a quarter, written "2026",
"2026-H1" or "2026-Q1"; and the SDMX way of writing them ("2026", "2026-S1", "2026-Q1").

Border cards carry a calendar date, not a moment, so a period is a plain range of days.
"""

import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rohnamo.lib.months import add_months

YEAR, HALF, QUARTER = "year", "half", "quarter"
KIND_CHOICES = [
    (QUARTER, gettext_lazy("Quarter")),
    (HALF, gettext_lazy("Half-year")),
    (YEAR, gettext_lazy("Year")),
]
QUARTER_CHOICES = [
    (1, gettext_lazy("First quarter")),
    (2, gettext_lazy("Second quarter")),
    (3, gettext_lazy("Third quarter")),
    (4, gettext_lazy("Fourth quarter")),
]
HALF_CHOICES = [(1, gettext_lazy("First half-year")), (2, gettext_lazy("Second half-year"))]

# Border cards in electronic form start long after 2000; the bounds keep dates valid.
FIRST_YEAR, LAST_YEAR = 2000, 2100

_MONTHS = {YEAR: 12, HALF: 6, QUARTER: 3}
_PATTERNS = [
    (YEAR, re.compile(r"(\d{4})")),
    (HALF, re.compile(r"(\d{4})-[HhSs]([12])")),
    (QUARTER, re.compile(r"(\d{4})-[Qq]([1-4])")),
]


@dataclass(frozen=True)
class Period:
    """``number`` is the quarter (1–4) or the half (1–2); None for a whole year."""

    kind: str
    year: int
    number: int | None = None

    @property
    def start(self):
        """The first day."""
        if self.kind == YEAR:
            return datetime.date(self.year, 1, 1)
        return datetime.date(self.year, _MONTHS[self.kind] * (self.number - 1) + 1, 1)

    @property
    def end(self):
        """The last day (inclusive)."""
        return add_months(self.start, _MONTHS[self.kind]) - datetime.timedelta(days=1)

    @property
    def key(self):
        """The text form, as in ``?period=``: "2026", "2026-H1" or "2026-Q1"."""
        if self.kind == YEAR:
            return f"{self.year}"
        letter = "H" if self.kind == HALF else "Q"
        return f"{self.year}-{letter}{self.number}"

    @property
    def sdmx(self):
        """TIME_PERIOD in SDMX: "2026", "2026-S1" (semester) or "2026-Q1"."""
        if self.kind == YEAR:
            return f"{self.year}"
        letter = "S" if self.kind == HALF else "Q"
        return f"{self.year}-{letter}{self.number}"

    @property
    def freq(self):
        """FREQ in SDMX: A (annual), S (half-yearly) or Q (quarterly)."""
        return {YEAR: "A", HALF: "S", QUARTER: "Q"}[self.kind]

    @property
    def label(self):
        """What people read: "Q1 2026", "H1 2026", "2026"."""
        if self.kind == YEAR:
            return _("Year %(year)s") % {"year": self.year}
        if self.kind == HALF:
            return _("H%(number)s %(year)s") % {"number": self.number, "year": self.year}
        return _("Q%(number)s %(year)s") % {"number": self.number, "year": self.year}

    def __str__(self):
        return self.label

    def previous_year(self):
        """The same period one year earlier, as the comparison columns use it."""
        return Period(self.kind, self.year - 1, self.number)

    def contains(self, day):
        return self.start <= day <= self.end


def period_containing(day, kind):
    """The year, half or quarter that ``day`` falls in."""
    if kind == YEAR:
        return Period(YEAR, day.year)
    return Period(kind, day.year, (day.month - 1) // _MONTHS[kind] + 1)


def latest_complete_quarter(today=None):
    """The last quarter that has ended by ``today`` (default: today in the centre's zone)."""
    today = today or timezone.localdate()
    current = period_containing(today, QUARTER)
    return period_containing(current.start - datetime.timedelta(days=1), QUARTER)


def parse_period(text):
    """The period written as "2026", "2026-H1" or "2026-Q1"; ValidationError otherwise."""
    text = (text or "").strip()
    for kind, pattern in _PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            year = int(match.group(1))
            if not FIRST_YEAR <= year <= LAST_YEAR:
                break
            number = int(match.group(2)) if kind != YEAR else None
            return Period(kind, year, number)
    raise ValidationError(
        _(
            "“%(value)s” is not a period. Write a year (2026), a half-year (2026-H1) "
            "or a quarter (2026-Q1)."
        )
        % {"value": text[:40]},
        code="invalid",
    )
