"""The recruitment report: agencies by licence status, complaints per agency, and vacancies by
country, occupation and month of publication.

The tables are the counselling report's ``Table``s, so the page and the XLSX workbook
(``counselling.reports.xlsx``) write the same lines. Counts only: complaints are counted whoever
reads (a count shows nothing of a case) and nothing here links to a case.

What counts in a period: the complaints opened in it and the vacancies published in it (verified
for publication, whatever they are now: published or since closed). Licence statuses are those of
today. The months table covers the twelve months up to the end of the period.
"""

from collections import Counter

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from rohnamo.cases.choices import CaseStatus
from rohnamo.cases.models import Case
from rohnamo.core.models import Country
from rohnamo.counselling.reports.pages import Report
from rohnamo.counselling.reports.tables import Table
from rohnamo.lib.charts import bar_chart
from rohnamo.lib.collation import sort_key
from rohnamo.recruitment.choices import VacancyStatus
from rohnamo.recruitment.models import Agency, Occupation, Vacancy
from rohnamo.recruitment.queries import agency_status

# A complaint is resolved once its case was resolved (and perhaps closed since).
RESOLVED_STATUSES = [CaseStatus.RESOLVED, CaseStatus.CLOSED]

# A vacancy was published when verified for publication; it may have closed since.
EVER_PUBLISHED = [VacancyStatus.PUBLISHED, VacancyStatus.CLOSED]


def status_labels():
    """The register's statuses in the order the tables list them."""
    return [
        ("licensed", _("Licensed")),
        ("suspended", _("Suspended")),
        ("revoked", _("Revoked")),
        ("expired", _("Expired")),
        ("unlicensed", _("Not licensed")),
    ]


def agencies_by_status(today=None):
    """``Counter({status code: agencies})`` today: two queries."""
    today = today or timezone.localdate()
    agencies = Agency.objects.prefetch_related("licences")
    return Counter(agency_status(agency, today).code for agency in agencies)


def complaints_per_agency(period):
    """``[(agency name, complaints, resolved)]`` of the complaints about an agency opened in
    ``period``, the most complained about first: one query."""
    start, after = period.datetime_range()
    rows = (
        Case.objects.order_by()
        .filter(agency__isnull=False, created_at__gte=start, created_at__lt=after)
        .values_list("agency__legal_name")
        .annotate(total=Count("pk"), resolved=Count("pk", filter=Q(status__in=RESOLVED_STATUSES)))
    )
    return sorted(rows, key=lambda row: (-row[1], sort_key(row[0])))


def published_in(period):
    start, after = period.datetime_range()
    return Vacancy.objects.order_by().filter(
        status__in=EVER_PUBLISHED, verified_at__gte=start, verified_at__lt=after
    )


def _grouped(vacancies, field):
    return {
        key: (count, workers or 0)
        for key, count, workers in vacancies.values_list(field)
        .annotate(n=Count("pk"), w=Sum("workers"))
        .values_list(field, "n", "w")
    }


def vacancies_by_country(period):
    """``[(country name, vacancies, workers)]`` published in ``period``: two queries."""
    counts = _grouped(published_in(period), "country_id")
    names = {c.pk: c.name for c in Country.objects.filter(pk__in=list(counts))} if counts else {}
    rows = [(names.get(pk, "?"), *counts[pk]) for pk in counts]
    return sorted(rows, key=lambda row: (-row[1], sort_key(row[0])))


def vacancies_by_major_group(period):
    """``[(ISCO-08 major group, vacancies, workers)]`` published in ``period``, by code: the
    major group is the first digit of the unit group's code."""
    by_code = _grouped(published_in(period), "occupation__code")
    groups = {}
    for code, (count, workers) in by_code.items():
        vacancies, people = groups.get(code[:1], (0, 0))
        groups[code[:1]] = (vacancies + count, people + workers)
    titles = {
        occupation.code: occupation.title
        for occupation in Occupation.objects.filter(code__in=list(groups))
    }
    return [
        (f"{digit} {titles.get(digit, _('Major group %(code)s') % {'code': digit})}", *counts)
        for digit, counts in sorted(groups.items())
    ]


def vacancies_per_month(period):
    """``[(YYYY-MM, vacancies published)]`` of the twelve months up to the period's end."""
    vacancies = Vacancy.objects.order_by().filter(status__in=EVER_PUBLISHED)
    return period.count_per_month(vacancies, "verified_at")


def _totals(rows, *columns):
    return [sum(row[column] for row in rows) for column in columns]


def report_tables(period, today=None):
    statuses = agencies_by_status(today)
    complaints = complaints_per_agency(period)
    countries = vacancies_by_country(period)
    groups = vacancies_by_major_group(period)
    trend = vacancies_per_month(period)
    vacancy_headings = [_("Vacancies"), _("Workers needed")]
    tables = [
        Table(
            key="statuses",
            title=_("Agencies by licence status"),
            headings=[_("Licence status"), _("Agencies")],
            lines=[[label, statuses[code]] for code, label in status_labels()],
            footer=[_("All agencies"), sum(statuses.values())],
            note=_("The status of each agency's licence today, whatever the period."),
        ),
        Table(
            key="complaints",
            title=_("Complaints per agency"),
            headings=[_("Agency"), _("Complaints"), _("Resolved")],
            lines=[list(row) for row in complaints],
            footer=[_("All agencies"), *_totals(complaints, 1, 2)],
            note=_("Cases about an agency opened in the period, and how many are resolved now."),
        ),
        Table(
            key="countries",
            title=_("Vacancies published by country"),
            headings=[_("Country"), *vacancy_headings],
            lines=[list(row) for row in countries],
            footer=[_("All countries"), *_totals(countries, 1, 2)],
        ),
        Table(
            key="occupations",
            title=_("Vacancies published by occupation (ISCO-08 major group)"),
            headings=[_("Occupation"), *vacancy_headings],
            lines=[list(row) for row in groups],
            footer=[_("All occupations"), *_totals(groups, 1, 2)],
        ),
        Table(
            key="months",
            title=_("Vacancies published per month"),
            headings=[_("Month"), _("Vacancies")],
            lines=[[label, count] for label, count in trend],
            note=_("The twelve months up to the end of the period, as in the chart."),
        ),
    ]
    return tables, trend


def recruitment_report(period, today=None):
    """The page model of the counselling report (period links, XLSX link, file name) for the
    whole register: there is one register, not one per office."""
    tables, trend = report_tables(period, today)
    return Report(
        period,
        None,
        [],
        tables,
        None,
        chart=bar_chart(trend, title=_("Vacancies published per month")),
        scope_label=_("The whole register"),
    )
