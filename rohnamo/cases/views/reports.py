"""The case report page: a period, per office or for every office the reader may see."""

from django.http import HttpResponse
from django.shortcuts import render

from rohnamo.cases.reports.pages import case_report
from rohnamo.core.queries import offices_visible_to
from rohnamo.core.views.access import staff_with
from rohnamo.counselling.reports.forms import ReportForm
from rohnamo.counselling.reports.xlsx import report_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@staff_with("cases.view_case")
def report(request):
    offices = list(offices_visible_to(request.user))
    form = ReportForm(request.GET, offices=offices)
    if not form.is_valid():
        # A period that cannot be read is said on the page, next to the selects to fix it.
        return render(request, "cases/report.html", {"form": form, "report": None})
    report = case_report(
        request.user, form.cleaned_data["period"], form.cleaned_data["office"], offices
    )
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(report_workbook(report), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="cases-{report.filename}.xlsx"'
        return response
    return render(request, "cases/report.html", {"form": form, "report": report})
