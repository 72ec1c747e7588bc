"""The public statistics page: departures and returns of the latest complete quarter by country
and sex, as crossings and as persons, small counts hidden; and the same as CSV or SDMX-CSV.

Only the suppressed table ever reaches this page: ``public_table`` hides every count from 1 to 4
and the counts that would reveal one.
"""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from rohnamo.crossings.statistics.exports import export_response, hidden_legend
from rohnamo.crossings.statistics.periods import latest_complete_quarter
from rohnamo.crossings.statistics.suppression import THRESHOLD
from rohnamo.crossings.statistics.tables import public_table

DOWNLOADS = ["csv", "sdmx"]


@require_GET
def page(request):
    period = latest_complete_quarter()
    table = public_table(period=period)
    fmt = request.GET.get("format")
    if fmt in DOWNLOADS:
        name = f"rohnamo-crossings-{period.key}-public"
        return export_response([table], fmt=fmt, filename=name, threshold=THRESHOLD)
    return render(
        request,
        "portal/statistics.html",
        {"table": table, "period": period, "legend": hidden_legend(THRESHOLD)},
    )
