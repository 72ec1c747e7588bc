"""Staff pages of the pre-departure module."""

from django.urls import path

from rohnamo.departure.views import lists, lookups

app_name = "departure"

urlpatterns = [
    path("lists/", lists.lists, name="lists"),
    path("lists/<int:pk>/", lists.list_detail, name="list_detail"),
    path("lists/<int:pk>/report.csv", lists.list_report, name="list_report"),
    path("lists/<int:pk>/delete/", lists.list_delete, name="list_delete"),
    path("checks/", lookups.lookups, name="lookups"),
]
