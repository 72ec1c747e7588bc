"""The public scorecard of an agency: its record in figures, with no personal data.

Complaints are counted here, in aggregate, straight from the cases table: the public may know how
many complaints an agency drew and how many were resolved, never what any complaint says or who
made it, so nothing here goes through (or needs) the staff visibility rules of ``cases``.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from rohnamo.cases.choices import CaseStatus
from rohnamo.cases.models import Case
from rohnamo.lib.collation import sorted_by
from rohnamo.recruitment.choices import LicenceStatus, Sanction
from rohnamo.recruitment.queries import agency_status, public_vacancies

DAYS_PER_YEAR = 365.25
# The scorecard lists this many vacancies; the vacancy search has them all.
MAX_VACANCIES = 20


def complaint_counts(agency):
    """How many cases (any office) are about ``agency``, and how many of them were resolved."""
    return Case.objects.filter(agency=agency).aggregate(
        total=Count("pk"),
        resolved=Count("pk", filter=Q(status__in=[CaseStatus.RESOLVED, CaseStatus.CLOSED])),
    )


def years_licensed(licences, today=None):
    """The time covered by ``licences`` up to today, in years to one decimal.

    A revoked licence counts until its revocation; overlapping periods count once.
    """
    today = today or timezone.localdate()
    periods = []
    for licence in licences:
        end = min(licence.expires_on, today)
        if licence.status == LicenceStatus.REVOKED:
            end = min(end, licence.status_since)
        if end > licence.issued_on:
            periods.append((licence.issued_on, end))
    days, reached = 0, datetime.date.min
    for start, end in sorted(periods):
        start = max(start, reached)
        if end > start:
            days += (end - start).days
            reached = end
    return round(days / DAYS_PER_YEAR, 1)


@dataclass
class Scorecard:
    agency: object
    other_names: list
    status: object
    years_licensed: float
    inspections: int
    inspections_by_sanction: list  # (label, count), in the order of Sanction
    sanctions: list  # (date, label) of inspections that ended in a sanction, newest first
    complaints: int
    complaints_resolved: int
    countries: list
    vacancies: list  # the first MAX_VACANCIES published ones, closing soonest first
    vacancy_count: int


def scorecard(agency, today=None):
    """Everything the public scorecard shows of ``agency``."""
    today = today or timezone.localdate()
    licences = list(agency.licences.all())
    inspections = list(agency.inspections.values_list("date", "sanction"))
    counts = dict.fromkeys(Sanction.values, 0)
    for _date, sanction in inspections:
        counts[sanction] += 1
    complaints = complaint_counts(agency)
    vacancies = public_vacancies(today).filter(agency=agency).order_by("closes_on", "id")
    return Scorecard(
        agency=agency,
        other_names=[name.name for name in agency.names.all() if name.name != agency.legal_name],
        status=agency_status(agency, today),
        years_licensed=years_licensed(licences, today),
        inspections=len(inspections),
        inspections_by_sanction=[
            (Sanction(value).label, counts[value]) for value in Sanction.values if counts[value]
        ],
        sanctions=[
            (date, Sanction(sanction).label)
            for date, sanction in inspections
            if sanction != Sanction.NONE
        ],
        complaints=complaints["total"],
        complaints_resolved=complaints["resolved"],
        countries=sorted_by(agency.countries.all(), "name"),
        vacancies=list(vacancies[:MAX_VACANCIES]),
        vacancy_count=vacancies.count(),
    )
