"""What the report page and the comparison page show, built from a handful of queries."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.utils.translation import gettext as _

from rohnamo.counselling.reports.comparison import comparison_tables
from rohnamo.counselling.reports.figures import consultations_per_month, count_period
from rohnamo.counselling.reports.tables import category_names, ordered_offices, report_tables
from rohnamo.lib.charts import bar_chart


@dataclass
class Report:
    """One page of figures. ``office`` is None for every office the reader may see; ``offices``
    are the per-office columns (empty when the report covers a single office)."""

    period: object
    office: object
    offices: list
    tables: list
    figures: object
    chart: str = ""
    scope_label: str = ""

    def query(self, period=None, **more):
        """The query string of this report, or of another period of the same offices."""
        params = {"period": (period or self.period).key}
        if self.office:
            params["office"] = self.office.code
        params.update(more)
        return urlencode(params)

    @property
    def query_here(self):
        return self.query()

    @property
    def query_earlier(self):
        return self.query(self.period.shifted(-1))

    @property
    def query_later(self):
        return self.query(self.period.shifted(1))

    @property
    def query_xlsx(self):
        return self.query(format="xlsx")

    @property
    def filename(self):
        parts = [self.period.key, self.office.code if self.office else "all"]
        return "-".join(parts)

    @property
    def totals(self):
        events = self.figures.event_counts()
        return {
            "consultations": self.figures.consultation_count(),
            "events": events.events,
            "participants": events.participants,
            "responses": self.figures.response_count(),
        }


def _scope_label(office, visible_offices):
    """Whose figures these are: the office chosen, the only office the reader may see, or all."""
    if office is None and len(visible_offices) == 1:
        office = visible_offices[0]
    return office.name if office else _("All offices")


def _columns(office, visible_offices, *figures):
    """One column per office with data when the report covers several offices, else none."""
    if office is not None or len(visible_offices) <= 1:
        return []
    with_data = set().union(*(item.office_ids() for item in figures))
    return ordered_offices([item for item in visible_offices if item.pk in with_data])


def period_report(user, period, office, visible_offices):
    """The report of ``period`` for ``office`` (None: every office in ``visible_offices``)."""
    figures = count_period(user, period, office)
    columns = _columns(office, visible_offices, figures)
    tables = report_tables(figures, columns, category_names(figures))
    trend = consultations_per_month(user, period, office)
    chart = bar_chart(trend, title=_("Consultations per month"))
    return Report(
        period,
        office,
        columns,
        tables,
        figures,
        chart=chart,
        scope_label=_scope_label(office, visible_offices),
    )


def comparison_report(user, period, office, visible_offices):
    """``period`` against the same period a year earlier, per category with the change."""
    current = count_period(user, period, office)
    previous = count_period(user, period.previous_year(), office)
    columns = _columns(office, visible_offices, current, previous)
    names = category_names(current, previous)
    tables = comparison_tables(current, previous, period, columns, names)
    return Report(
        period,
        office,
        columns,
        tables,
        current,
        scope_label=_scope_label(office, visible_offices),
    )
