"""Forms T-2 and 3-T on foreign citizens working in Tajikistan, from the work-permit register.

The Statistics Agency receives them every six months, so a period is a half-year ("2026-H1") or a
year ("2026"). Both count the permits valid during the period (valid from on or before its last
day and valid until on or after its first day), by sex:

- T-2 "Number of foreign citizens working in Tajikistan": by sector of the economy, with the use
  of the year's quota (permits issued from 1 January up to the end of the period);
- 3-T "Number of foreign citizens working in Tajikistan, by country": by citizenship.

A worker holding two permits valid in the period is counted under each: the register counts
permits, and a foreign worker rarely holds two at once. Counts only: managers read these forms.
"""

import datetime
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.utils.translation import gettext as _

from rohnamo.core.roles import may
from rohnamo.counselling.reports.tables import Table
from rohnamo.crossings.choices import Sector, Sex
from rohnamo.crossings.models import WorkPermit, WorkPermitQuota
from rohnamo.lib.collation import sort_key
from rohnamo.lib.translated import language_chain

PERMISSION = "crossings.view_workpermit"
_PERIOD = re.compile(r"(\d{4})(?:-[Hh]([12]))?")
FIRST_YEAR, LAST_YEAR = 2000, 2100


@dataclass(frozen=True)
class FormPeriod:
    """A year, or one of its halves (``half`` 1 or 2)."""

    year: int
    half: int | None = None

    @property
    def start(self):
        return datetime.date(self.year, 7 if self.half == 2 else 1, 1)

    @property
    def end(self):
        if self.half == 1:
            return datetime.date(self.year, 6, 30)
        return datetime.date(self.year, 12, 31)

    @property
    def key(self):
        return f"{self.year}-H{self.half}" if self.half else str(self.year)

    @property
    def label(self):
        if self.half == 1:
            return _("First half of %(year)s") % {"year": self.year}
        if self.half == 2:
            return _("Second half of %(year)s") % {"year": self.year}
        return _("Year %(year)s") % {"year": self.year}

    def __str__(self):
        return self.label


def parse_form_period(text):
    """The period written "2026", "2026-H1" or "2026-H2"; ValidationError otherwise."""
    match = _PERIOD.fullmatch((text or "").strip())
    if not match or not FIRST_YEAR <= int(match.group(1)) <= LAST_YEAR:
        raise ValidationError(
            _("“%(value)s” is not a period. Write a year (2026) or a half-year (2026-H1).")
            % {"value": (text or "")[:40]},
            code="invalid",
        )
    return FormPeriod(int(match.group(1)), int(match.group(2)) if match.group(2) else None)


def half_containing(day):
    return FormPeriod(day.year, 1 if day.month <= 6 else 2)


@dataclass
class QuotaUse:
    year: int
    quota: int | None
    issued: int

    @property
    def percent(self):
        """Share of the quota issued, to one decimal; None when no quota is set."""
        if not self.quota:
            return None
        share = Decimal(self.issued * 100) / Decimal(self.quota)
        return share.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class PermitForms:
    """What the page shows and the workbook holds (``counselling.reports.xlsx`` writes it)."""

    period: FormPeriod
    tables: list
    quota: QuotaUse
    scope_label: str = ""

    @property
    def filename(self):
        return f"work-permits-T2-3T-{self.period.key}"


def valid_in(period):
    return WorkPermit.objects.order_by().filter(
        valid_from__lte=period.end, valid_until__gte=period.start
    )


def _by_sex(rows, key):
    """``{key value: {sex: count}}`` of grouped rows."""
    counts = {}
    for row in rows:
        counts.setdefault(row[key], {})[row["sex"]] = row["n"]
    return counts


def _line(label, counts):
    men, women = counts.get(Sex.MALE, 0), counts.get(Sex.FEMALE, 0)
    return [label, men, women, men + women]


def _footer(lines):
    return [_("Total"), *(sum(line[column] for line in lines) for column in (1, 2, 3))]


def sector_table(period):
    """Form T-2: permits valid in ``period`` by sector and sex, every sector listed."""
    rows = valid_in(period).values("sector", "sex").annotate(n=Count("id"))
    counts = _by_sex(rows, "sector")
    lines = [_line(label, counts.get(value, {})) for value, label in Sector.choices]
    return Table(
        "t2",
        _("Form T-2: foreign citizens working in Tajikistan, by sector"),
        [_("Sector"), Sex.MALE.label, Sex.FEMALE.label, _("Total")],
        lines,
        footer=_footer(lines),
        note=_("Work permits valid at any time in the period."),
    )


def _country_name(row):
    for code in language_chain():
        if row.get(f"citizenship__name_{code}"):
            return row[f"citizenship__name_{code}"]
    return row["citizenship__code"]


def country_table(period):
    """Form 3-T: permits valid in ``period`` by citizenship and sex, the largest first."""
    rows = (
        valid_in(period)
        .values(
            "citizenship",
            "citizenship__code",
            "citizenship__name_tg",
            "citizenship__name_ru",
            "citizenship__name_en",
            "sex",
        )
        .annotate(n=Count("id"))
    )
    names = {row["citizenship"]: _country_name(row) for row in rows}
    counts = _by_sex(rows, "citizenship")
    lines = [_line(names[country], counts[country]) for country in counts]
    lines.sort(key=lambda line: (-line[3], sort_key(line[0])))
    return Table(
        "3t",
        _("Form 3-T: foreign citizens working in Tajikistan, by country"),
        [_("Citizenship"), Sex.MALE.label, Sex.FEMALE.label, _("Total")],
        lines,
        footer=_footer(lines),
        note=_("Work permits valid at any time in the period."),
    )


def quota_use(period):
    """The year's quota and the permits issued from 1 January up to the end of ``period``."""
    quota = WorkPermitQuota.objects.filter(year=period.year).values_list("quota", flat=True)
    issued = WorkPermit.objects.filter(
        issued_on__gte=datetime.date(period.year, 1, 1), issued_on__lte=period.end
    ).count()
    return QuotaUse(period.year, next(iter(quota), None), issued)


def quota_table(use, period):
    not_set = _("not set")
    percent = use.percent
    return Table(
        "t2_quota",
        _("Form T-2: the quota of %(year)s") % {"year": use.year},
        [_("Quota"), _("Permits")],
        [
            [_("Quota of the year"), use.quota if use.quota is not None else not_set],
            [
                _("Permits issued from 1 January to %(end)s") % {"end": period.end.isoformat()},
                use.issued,
            ],
            [_("Quota used, %"), percent if percent is not None else not_set],
        ],
    )


def permit_forms(user, period):
    """Forms T-2 and 3-T for ``period``: for holders of ``crossings.view_workpermit``
    (managers too: counts only). Four queries."""
    if not may(user, PERMISSION):
        raise PermissionDenied
    use = quota_use(period)
    tables = [sector_table(period), quota_table(use, period), country_table(period)]
    return PermitForms(period, tables, use, scope_label=_("Republic of Tajikistan"))
