from django.urls import path

from rohnamo.crossings.views import imports

urlpatterns = [
    path("imports/", imports.import_list, name="imports"),
    path("imports/mapping/", imports.import_mapping, name="import_mapping"),
    path("imports/<int:pk>/", imports.import_detail, name="import_detail"),
    path("imports/<int:pk>/report.csv", imports.import_report, name="import_report"),
    path("imports/<int:pk>/rollback/", imports.import_rollback, name="import_rollback"),
    path("points/", imports.point_list, name="points"),
    path("points/<int:pk>/", imports.point_edit, name="point_edit"),
]
