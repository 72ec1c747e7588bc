"""Public pages of the information sheets: browse, read, print, search."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from rohnamo.core.models import Country
from rohnamo.knowledge import queries
from rohnamo.knowledge.choices import Stage
from rohnamo.knowledge.models import Topic
from rohnamo.knowledge.search import search_versions
from rohnamo.knowledge.views.leaflets import leaflet_response
from rohnamo.lib.collation import sorted_by


def _chosen(model_choices, value):
    return value if value in model_choices else ""


@require_GET
def sheet_index(request):
    """Browse by stage, destination and topic with plain links; each choice narrows the list."""
    stage = _chosen(Stage.values, request.GET.get("stage", ""))
    topic = Topic.objects.filter(code=request.GET.get("topic", "")).first()
    country = Country.objects.filter(code=request.GET.get("country", "").upper()).first()
    sheets = queries.public_sheets(stage=stage, topic=topic, country=country)
    language = get_language()
    entries = []
    for sheet in sheets:
        version, is_fallback = queries.pick_version(sheet.public_versions, language)
        if version is not None:
            entries.append({"sheet": sheet, "version": version, "is_fallback": is_fallback})
    countries = Country.objects.filter(pk__in=queries.public_sheets().values("countries")).exclude(
        pk=None
    )
    return render(
        request,
        "portal/sheet_index.html",
        {
            "entries": sorted(
                entries, key=lambda entry: (entry["sheet"].topic.position, entry["sheet"].code)
            ),
            "stages": Stage.choices,
            "topics": Topic.objects.all(),
            "countries": sorted_by(countries, "name"),
            "stage": stage,
            "topic": topic,
            "country": country,
        },
    )


@require_GET
def sheet_detail(request, code):
    sheet, version, is_fallback = queries.public_sheet(code, get_language())
    if version is None:
        raise Http404
    related = []
    for other in queries.public_sheets().filter(pk__in=sheet.related.values("pk")):
        other_version, _fallback = queries.pick_version(other.public_versions, get_language())
        if other_version is not None:
            related.append(other_version)
    return render(
        request,
        "portal/sheet_detail.html",
        {
            "sheet": sheet,
            "version": version,
            "is_fallback": is_fallback,
            "related": related,
            "languages": [other.language for other in sheet.public_versions if other != version],
        },
    )


@require_GET
def sheet_leaflet(request, code, size):
    _sheet, version, _is_fallback = queries.public_sheet(code, get_language())
    if version is None:
        raise Http404
    return leaflet_response(version, size)


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()
    hits = search_versions(query, queries.public_versions(), limit=20) if query else []
    return render(request, "portal/search.html", {"query": query, "hits": hits})
