from django.urls import path  # noqa: F401 - the helpers add their routes below

from rohnamo.recruitment.views import agencies, reports, vacancies
from rohnamo.recruitment.views.imports import import_form, import_template

app_name = "recruitment"

urlpatterns = [
    # register (staff): agencies, licences, inspections, vacancies
    path("", agencies.agency_list, name="agencies"),
    path("agencies/new/", agencies.agency_new, name="agency_new"),
    path("agencies/<int:pk>/", agencies.agency_detail, name="agency"),
    path("agencies/<int:pk>/edit/", agencies.agency_edit, name="agency_edit"),
    path(
        "agencies/<int:pk>/licences/<int:licence_pk>/status/",
        agencies.licence_status,
        name="licence_status",
    ),
    path("agencies/<int:pk>/<slug:action>/", agencies.agency_action, name="agency_action"),
    path("vacancies/", vacancies.vacancy_list, name="vacancy_list"),
    path("vacancies/new/", vacancies.vacancy_new, name="vacancy_new"),
    path("vacancies/verify/", vacancies.vacancies_to_verify, name="vacancies_to_verify"),
    path(
        "vacancies/<int:pk>/<str:decision>/",
        vacancies.vacancy_verify,
        name="vacancy_verify",
    ),
    # import
    path("import/", import_form, name="import"),
    path("import/template.xlsx", import_template, name="import_template"),
    # reports
    path("reports/", reports.report, name="report"),
]
