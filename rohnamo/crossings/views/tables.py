"""The official tables page and its downloads (XLSX, CSV, SDMX-CSV; ``public=1`` hides small
cells as the public files do)."""

from django.http import Http404
from django.shortcuts import render

from rohnamo.core.views.access import staff_with
from rohnamo.crossings.statistics.exports import FORMATS, export_response, hidden_legend
from rohnamo.crossings.statistics.forms import TableForm
from rohnamo.crossings.statistics.suppression import THRESHOLD
from rohnamo.crossings.statistics.tables import build_table

PERMISSION = "crossings.view_statistics"


def _table_of(request, form):
    data = form.cleaned_data
    return build_table(
        user=request.user,
        key=data["table"],
        period=data["period"],
        day=data.get("day"),
        public=request.GET.get("public") == "1",
    )


@staff_with(PERMISSION)
def tables(request):
    form = TableForm(request.GET)
    if not form.is_valid():
        return render(request, "crossings/tables/page.html", {"form": form, "table": None})
    table = _table_of(request, form)
    downloads = [
        (fmt, public, form.query(format=fmt, **({"public": "1"} if public else {})))
        for public in (False, True)
        for fmt in FORMATS
    ]
    return render(
        request,
        "crossings/tables/page.html",
        {
            "form": form,
            "table": table,
            "downloads": downloads,
            "public_query": form.query(public="1"),
            "full_query": form.query(),
            "legend": hidden_legend(THRESHOLD) if table.public else "",
        },
    )


@staff_with(PERMISSION)
def table_export(request):
    form = TableForm(request.GET)
    fmt = request.GET.get("format")
    if fmt not in FORMATS or not form.is_valid():
        raise Http404
    table = _table_of(request, form)
    name = f"rohnamo-{table.key}-{form.cleaned_data['period'].key}"
    if form.cleaned_data.get("day") and table.key == "abroad":
        name = f"rohnamo-{table.key}-{form.cleaned_data['day'].isoformat()}"
    if table.public:
        name += "-public"
    return export_response([table], fmt=fmt, filename=name, threshold=THRESHOLD)
