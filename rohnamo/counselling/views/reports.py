"""The report pages: a period per office or nationally, and the same against a year earlier."""

from django.http import HttpResponse
from django.shortcuts import render

from rohnamo.core.queries import offices_visible_to
from rohnamo.core.views.access import staff_with
from rohnamo.counselling.reports.forms import ReportForm
from rohnamo.counselling.reports.pages import comparison_report, period_report
from rohnamo.counselling.reports.xlsx import report_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _report_page(request, *, build, template, name):
    offices = list(offices_visible_to(request.user))
    form = ReportForm(request.GET, offices=offices)
    if not form.is_valid():
        # A period that cannot be read is said on the page, next to the selects to fix it.
        return render(request, template, {"form": form, "report": None})
    report = build(request.user, form.cleaned_data["period"], form.cleaned_data["office"], offices)
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(report_workbook(report), content_type=XLSX)
        filename = f"{name}-{report.filename}.xlsx"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    return render(request, template, {"form": form, "report": report})


@staff_with("counselling.view_consultation")
def report(request):
    return _report_page(
        request, build=period_report, template="counselling/report.html", name="counselling"
    )


@staff_with("counselling.view_consultation")
def report_comparison(request):
    return _report_page(
        request,
        build=comparison_report,
        template="counselling/report_comparison.html",
        name="counselling-comparison",
    )
