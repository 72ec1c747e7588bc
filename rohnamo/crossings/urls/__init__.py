"""Staff pages of the statistics module; each part keeps its own routes."""

from rohnamo.crossings.urls import dashboard, imports, linkage, permits, tables

app_name = "crossings"

urlpatterns = [
    *imports.urlpatterns,
    *linkage.urlpatterns,
    *tables.urlpatterns,
    *dashboard.urlpatterns,
    *permits.urlpatterns,
]
