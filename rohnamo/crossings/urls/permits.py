from django.urls import path

from rohnamo.crossings.views import permits

urlpatterns = [
    path("permits/", permits.permit_list, name="permits"),
    path("permits/new/", permits.permit_new, name="permit_new"),
    path("permits/<int:pk>/edit/", permits.permit_edit, name="permit_edit"),
    path("permits/forms/", permits.permit_forms_page, name="permit_forms"),
]
