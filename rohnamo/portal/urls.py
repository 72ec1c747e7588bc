from django.urls import path

from rohnamo.portal.views import (
    checklists,
    courses,
    directory,
    pages,
    recruitment,
    requests,
    sheets,
    statistics,
    travel,
    travel_alerts,
)

app_name = "portal"

urlpatterns = [
    path("", pages.home, name="home"),
    path("offices/", pages.offices, name="offices"),
    path("about/", pages.about, name="about"),
    path("sheets/", sheets.sheet_index, name="sheets"),
    path("sheets/<slug:code>/", sheets.sheet_detail, name="sheet"),
    path("sheets/<slug:code>/leaflet-<str:size>.pdf", sheets.sheet_leaflet, name="sheet_leaflet"),
    path("search/", sheets.search, name="search"),
    path("help/", directory.directory, name="help"),
    path("help/<uuid:pk>/", directory.directory_service, name="help_service"),
    path("ask/", requests.ask, name="ask"),
    path("ask/sent/", requests.ask_sent, name="ask_sent"),
    path("track/", requests.track, name="track"),
    path("agencies/", recruitment.agencies, name="agencies"),
    path("agencies/<int:pk>/", recruitment.agency, name="agency"),
    path("jobs/", recruitment.jobs, name="jobs"),
    path("jobs/<int:pk>/", recruitment.job, name="job"),
    path("statistics/", statistics.page, name="statistics"),
    path("can-i-travel/", travel.check, name="travel_check"),
    path("can-i-travel/alerts/", travel_alerts.subscribe_page, name="travel_alerts"),
    path(
        "can-i-travel/alerts/stop/<str:token>/",
        travel_alerts.stop_page,
        name="travel_alerts_stop",
    ),
    path("checklist/", checklists.start, name="checklist_start"),
    path("checklist/<str:code>/", checklists.checklist, name="checklist"),
    path("courses/", courses.course_list, name="courses"),
    path("courses/<int:pk>/", courses.course_page, name="course"),
    path("certificate/", courses.certificate_check, name="certificate_check"),
    path("certificate/<str:code>/", courses.certificate, name="certificate"),
]
