"""The case report's tables, as the counselling report's ``Table``: the page and the workbook
write the same lines. A figure that cannot be worked out (a median of no cases) reads "—"."""

from django.utils.translation import gettext as _

from rohnamo.cases.choices import CaseCategory, CaseStatus, ReferralStatus
from rohnamo.core.models import Country
from rohnamo.counselling.reports.tables import NOT_STATED, Table, ordered_offices
from rohnamo.lib.collation import sort_key

NONE = "—"

# The columns of the referral table: what the referrals sent to an organisation are now.
REFERRAL_COLUMNS = [
    ReferralStatus.SENT,
    ReferralStatus.ACCEPTED,
    ReferralStatus.DECLINED,
    ReferralStatus.PROVIDED,
    ReferralStatus.NOT_PROVIDED,
]


def or_none(value):
    return NONE if value is None else value


def country_names(figures):
    """``{country id: name}`` of the countries counted: one query, none when there are none."""
    ids = {key for key in figures.by("country") if key is not None}
    if not ids:
        return {}
    return {country.pk: country.name for country in Country.objects.filter(pk__in=ids)}


def _by_count(summed, labels):
    """``[(key, label)]`` of the keys counted, from the most cases to the fewest, then by name;
    the key None ("not stated") last."""
    rows = sorted(
        ((key, labels.get(key, "?")) for key, count in summed.items() if count and key is not None),
        key=lambda row: (-summed[row[0]], sort_key(str(row[1]))),
    )
    if summed.get(None):
        rows.append((None, NOT_STATED))
    return rows


def _all_cases(figures):
    return [_("All cases"), figures.total()]


def _counted_table(figures, *, key, title, heading, rows, dimension):
    summed = figures.by(dimension)
    return Table(
        key=key,
        title=title,
        headings=[heading, _("Cases")],
        lines=[[label, summed[value]] for value, label in rows],
        footer=_all_cases(figures),
    )


def _offices_table(figures, offices):
    summed = figures.by("office")
    return Table(
        key="offices",
        title=_("Cases opened by office"),
        headings=[_("Office"), _("Cases")],
        lines=[[office.name, summed[office.pk]] for office in offices if summed[office.pk]],
        footer=_all_cases(figures),
    )


def _timing_cells(timing):
    return [
        timing.cases,
        timing.answered,
        or_none(timing.median_response),
        timing.late,
        or_none(timing.late_percent),
        timing.resolved,
        or_none(timing.median_resolution),
    ]


def _timings_table(figures):
    return Table(
        key="times",
        title=_("Time to first response and to resolution by category"),
        headings=[
            _("Category"),
            _("Cases"),
            _("Answered"),
            _("Median days to first response"),
            _("Answered late"),
            _("Share answered late, %"),
            _("Resolved"),
            _("Median days to resolution"),
        ],
        lines=[
            [label, *_timing_cells(figures.timing(category))]
            for category, label in CaseCategory.choices
            if figures.timing(category).cases
        ],
        footer=[_("All categories"), *_timing_cells(figures.timing(None))],
        note=_(
            "Days from the opening of a case, for the cases opened in the period. A response is "
            "late when it came after the first-response target of the case's category and "
            "priority."
        ),
    )


def _referral_cells(counts):
    return [
        counts.total,
        *(counts.by_status[status] for status in REFERRAL_COLUMNS),
        or_none(counts.median_answer),
    ]


def _referrals_table(figures):
    organisations = sorted(
        figures.referrals.values(), key=lambda counts: (-counts.total, sort_key(counts.name))
    )
    return Table(
        key="referrals",
        title=_("Referrals by organisation and outcome"),
        headings=[
            _("Organisation"),
            _("Referrals"),
            _("No answer yet"),
            _("Accepted, no outcome yet"),
            _("Declined"),
            _("Service provided"),
            _("Service not provided"),
            _("Median days to answer"),
        ],
        lines=[[counts.name, *_referral_cells(counts)] for counts in organisations],
        footer=[_("All organisations"), *_referral_cells(figures.all_referrals())],
        note=_(
            "Referrals sent in the period, by what they are now. Days to answer: from sending to "
            "accepting or declining."
        ),
    )


def _months_table(trend):
    return Table(
        key="months",
        title=_("Cases opened per month"),
        headings=[_("Month"), _("Cases")],
        lines=[[label, count] for label, count in trend],
        note=_("The twelve months up to the end of the period, as in the chart."),
    )


def report_tables(figures, trend, offices):
    """The tables of one period. ``offices`` are those the report covers: an office table is
    shown when there are several."""
    tables = []
    if len(offices) > 1:
        tables.append(_offices_table(figures, ordered_offices(offices)))
    tables += [
        _counted_table(
            figures,
            key="categories",
            title=_("Cases opened by category"),
            heading=_("Category"),
            rows=CaseCategory.choices,
            dimension="category",
        ),
        _counted_table(
            figures,
            key="statuses",
            title=_("Cases opened in the period by their status now"),
            heading=_("Status"),
            rows=CaseStatus.choices,
            dimension="status",
        ),
        _counted_table(
            figures,
            key="countries",
            title=_("Cases opened by destination country"),
            heading=_("Country"),
            rows=_by_count(figures.by("country"), country_names(figures)),
            dimension="country",
        ),
        _months_table(trend),
        _timings_table(figures),
        _referrals_table(figures),
    ]
    return tables
