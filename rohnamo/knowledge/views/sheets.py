from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render

from rohnamo.core.views.access import staff_with
from rohnamo.knowledge import queries, services
from rohnamo.knowledge.forms import SheetCreateForm, SheetFilterForm
from rohnamo.knowledge.search import search_versions
from rohnamo.knowledge.views.writing import save_text


@staff_with("knowledge.view_sheetversion")
def sheet_list(request):
    form = SheetFilterForm(request.GET or None)
    versions = queries.versions_visible_to(request.user).order_by("sheet__code", "language__code")
    hits = None
    if form.is_valid():
        data = form.cleaned_data
        if data["topic"]:
            versions = versions.filter(sheet__topic=data["topic"])
        if data["stage"]:
            versions = versions.filter(sheet__stage=data["stage"])
        if data["status"]:
            versions = versions.filter(status=data["status"])
        if data["q"]:
            hits = search_versions(data["q"], versions, limit=50)
    page = None if hits is not None else Paginator(versions, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "knowledge/sheet_list.html",
        {"form": form, "page": page, "hits": hits, "query": query.urlencode()},
    )


@staff_with("knowledge.add_sheet")
def sheet_create(request):
    form = SheetCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        version = save_text(
            request,
            form,
            lambda: services.create_sheet(actor=request.user, **form.cleaned_data),
        )
        if version:
            return redirect("knowledge:version", pk=version.pk)
    return render(request, "knowledge/sheet_form.html", {"form": form})


@staff_with("knowledge.view_sheetversion")
def sheet_detail(request, code):
    sheet = get_object_or_404(queries.sheets_visible_to(request.user), code=code)
    versions = (
        queries.versions_visible_to(request.user)
        .filter(sheet=sheet)
        .order_by("language__code", "-number")
    )
    return render(request, "knowledge/sheet_detail.html", {"sheet": sheet, "versions": versions})
