from django.urls import path

from rohnamo.portal.views import pages, sheets

app_name = "portal"

urlpatterns = [
    path("", pages.home, name="home"),
    path("offices/", pages.offices, name="offices"),
    path("about/", pages.about, name="about"),
    path("sheets/", sheets.sheet_index, name="sheets"),
    path("sheets/<slug:code>/", sheets.sheet_detail, name="sheet"),
    path("sheets/<slug:code>/leaflet-<str:size>.pdf", sheets.sheet_leaflet, name="sheet_leaflet"),
    path("search/", sheets.search, name="search"),
]
