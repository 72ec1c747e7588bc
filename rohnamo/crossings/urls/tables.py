from django.urls import path

from rohnamo.crossings.views import tables

urlpatterns = [
    path("tables/", tables.tables, name="tables"),
    path("tables/export/", tables.table_export, name="table_export"),
]
