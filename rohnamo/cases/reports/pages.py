"""What the case report page shows, built from a fixed handful of queries."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from rohnamo.cases.reports.figures import cases_per_month, count_period
from rohnamo.cases.reports.tables import or_none, report_tables
from rohnamo.counselling.reports.pages import Report
from rohnamo.lib.charts import bar_chart


@dataclass
class CaseReport(Report):
    """The counselling report's page model (period links, XLSX link, file name) with the
    totals of cases."""

    @property
    def totals(self):
        timing = self.figures.timing(None)
        return {
            "cases": self.figures.total(),
            "open": self.figures.open_now(),
            "median_response": or_none(timing.median_response),
            "median_resolution": or_none(timing.median_resolution),
            "referrals": self.figures.referral_total(),
        }


def _scope_label(office, visible_offices):
    """Whose figures these are: the office chosen, the only office the reader may see, or all."""
    if office is None and len(visible_offices) == 1:
        office = visible_offices[0]
    return office.name if office else _("All offices")


def case_report(user, period, office, visible_offices):
    """The report of ``period`` for ``office`` (None: every office in ``visible_offices``)."""
    figures = count_period(user, period, office)
    trend = cases_per_month(user, period, office)
    covered = [office] if office is not None else list(visible_offices)
    return CaseReport(
        period,
        office,
        covered,
        report_tables(figures, trend, covered),
        figures,
        chart=bar_chart(trend, title=_("Cases opened per month")),
        scope_label=_scope_label(office, visible_offices),
    )
