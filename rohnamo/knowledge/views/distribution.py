from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from rohnamo.core.queries import offices_of
from rohnamo.core.views.access import staff_with
from rohnamo.knowledge import reports, services
from rohnamo.knowledge.forms import DistributionForm
from rohnamo.knowledge.queries import distributions_visible_to
from rohnamo.lib.charts import bar_chart


@staff_with("knowledge.add_distribution")
def distribution_new(request):
    form = DistributionForm(request.POST or None, offices=offices_of(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            rows = services.record_distribution(actor=request.user, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Recorded %(copies)d copies of %(sheets)d sheets.")
                % {"copies": data["quantity"] * len(rows), "sheets": len(rows)},
            )
            return redirect("knowledge:distribution_report")
    return render(request, "knowledge/distribution_form.html", {"form": form})


@staff_with("knowledge.view_distribution")
def distribution_report(request):
    rows = reports.distribution_rows(distributions_visible_to(request.user))
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(
            reports.distribution_xlsx(rows),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = 'attachment; filename="leaflets.xlsx"'
        return response
    chart = bar_chart(reports.copies_by_month(rows), title=_("Copies handed out per month"))
    totals = {
        "printed": sum(row["printed"] for row in rows),
        "distributed": sum(row["distributed"] for row in rows),
    }
    return render(
        request,
        "knowledge/distribution_report.html",
        {"rows": rows, "chart": chart, "totals": totals},
    )
