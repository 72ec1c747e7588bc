from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.i18n import set_language

from rohnamo.portal.sitemaps import SITEMAPS
from rohnamo.portal.views.pages import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("staff/sheets/", include("rohnamo.knowledge.urls")),
    path("staff/counselling/", include("rohnamo.counselling.urls")),
    path("staff/cases/", include("rohnamo.cases.urls")),
    path("staff/directory/", include("rohnamo.directory.urls")),
    path("staff/recruitment/", include("rohnamo.recruitment.urls")),
    path("staff/statistics/", include("rohnamo.crossings.urls")),
    path("staff/departure/", include("rohnamo.departure.urls")),
    path("staff/", include("rohnamo.core.urls")),
    path("admin/", admin.site.urls),
    path("api/", include("rohnamo.api.urls")),
]

urlpatterns += i18n_patterns(path("", include("rohnamo.portal.urls")))
