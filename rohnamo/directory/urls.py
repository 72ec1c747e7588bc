from django.urls import path

from rohnamo.directory.views import exchange, organizations, places, services

app_name = "directory"

urlpatterns = [
    # directory (staff)
    path("", organizations.organization_list, name="organizations"),
    path("services/", services.service_list, name="services"),
    path("organizations/new/", organizations.organization_new, name="organization_new"),
    path("organizations/<uuid:pk>/", organizations.organization_detail, name="organization"),
    path(
        "organizations/<uuid:pk>/edit/", organizations.organization_edit, name="organization_edit"
    ),
    path("organizations/<uuid:pk>/services/new/", services.service_new, name="service_new"),
    path("services/<uuid:pk>/edit/", services.service_edit, name="service_edit"),
    path("organizations/<uuid:pk>/places/new/", places.location_new, name="location_new"),
    path("places/<uuid:pk>/edit/", places.location_edit, name="location_edit"),
    path("organizations/<uuid:pk>/phones/new/", places.phone_new, name="phone_new"),
    path("phones/<uuid:pk>/edit/", places.phone_edit, name="phone_edit"),
    path("phones/<uuid:pk>/remove/", places.phone_remove, name="phone_remove"),
    path("import/", exchange.import_form, name="import"),
    path("export.json", exchange.export_json, name="export_json"),
    path("export.zip", exchange.export_zip, name="export_zip"),
]
