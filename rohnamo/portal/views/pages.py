"""The public site: anonymous, no JavaScript needed, light enough for 2G."""

from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from rohnamo.core.queries import public_offices
from rohnamo.knowledge.choices import Stage


@require_GET
def home(request):
    offices = public_offices()
    centre = next((office for office in offices if office.kind == "centre"), None)
    hotlines = [office for office in offices if office.hotline]
    return render(
        request,
        "portal/home.html",
        {"centre": centre, "hotlines": hotlines, "stages": Stage.choices},
    )


@require_GET
def offices(request):
    return render(request, "portal/offices.html", {"offices": public_offices()})


@require_GET
def about(request):
    return render(request, "portal/about.html")


@never_cache
@require_GET
def healthz(request):
    """Answers 200 when the application and its database are up, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any database failure means "not healthy"
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")
