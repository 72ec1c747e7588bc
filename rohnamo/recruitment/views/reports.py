"""The recruitment report page: one period of the whole register, on screen or as XLSX."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from rohnamo.core.views.access import staff_with
from rohnamo.counselling.periods import YEAR, Period
from rohnamo.counselling.reports.forms import ReportForm
from rohnamo.counselling.reports.xlsx import report_workbook
from rohnamo.recruitment.reports import recruitment_report

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class PeriodForm(ReportForm):
    """The counselling report's period selects without the office: the register is national.
    With nothing asked, the report is of the current year."""

    def __init__(self, query):
        if not any(query.get(key) for key in ("period", "kind", "year")):
            query = {"period": Period(YEAR, timezone.localdate().year).key}
        super().__init__(query, offices=[])
        del self.fields["office"]


@staff_with("recruitment.view_agency")
def report(request):
    form = PeriodForm(request.GET)
    if not form.is_valid():
        return render(request, "recruitment/report.html", {"form": form, "report": None})
    report = recruitment_report(form.cleaned_data["period"])
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(report_workbook(report), content_type=XLSX)
        response["Content-Disposition"] = (
            f'attachment; filename="recruitment-{report.period.key}.xlsx"'
        )
        return response
    return render(request, "recruitment/report.html", {"form": form, "report": report})
