from django.urls import path

from rohnamo.knowledge.views import distribution, leaflets, review, sheets, versions

app_name = "knowledge"

urlpatterns = [
    path("", sheets.sheet_list, name="sheets"),
    path("new/", sheets.sheet_create, name="sheet_create"),
    path("review/", review.review_dashboard, name="review"),
    path("distribution/", distribution.distribution_report, name="distribution_report"),
    path("distribution/new/", distribution.distribution_new, name="distribution_new"),
    path("bundle/", leaflets.bundle, name="bundle"),
    path("versions/<int:pk>/", versions.version_detail, name="version"),
    path("versions/<int:pk>/edit/", versions.version_edit, name="version_edit"),
    path("versions/<int:pk>/changes/", versions.version_diff, name="version_diff"),
    path(
        "versions/<int:pk>/leaflet-<str:size>.pdf", leaflets.staff_leaflet, name="version_leaflet"
    ),
    path("versions/<int:pk>/<slug:action>/", versions.version_action, name="version_action"),
    path("<slug:code>/", sheets.sheet_detail, name="sheet"),
    path("<slug:code>/new-version/", versions.version_new, name="version_new"),
]
