"""Staff pages of the pre-departure module."""

from django.urls import path

from rohnamo.departure.views import checklists, courses, lists, lookups, outbox, partners

app_name = "departure"

urlpatterns = [
    path("lists/", lists.lists, name="lists"),
    path("lists/<int:pk>/", lists.list_detail, name="list_detail"),
    path("lists/<int:pk>/report.csv", lists.list_report, name="list_report"),
    path("lists/<int:pk>/delete/", lists.list_delete, name="list_delete"),
    path("checks/", lookups.lookups, name="lookups"),
    path("messages/", outbox.messages, name="messages"),
    path("partners/", partners.partners, name="partners"),
    path("partners/new/", partners.partner_create, name="partner_create"),
    path("partners/<int:pk>/revoke/", partners.partner_revoke, name="partner_revoke"),
    path("checklists/", checklists.checklists, name="checklists"),
    path("checklists/new/", checklists.checklist_new, name="checklist_new"),
    path("checklists/<int:pk>/", checklists.checklist, name="checklist"),
    path(
        "checklists/<int:pk>/items/<int:item_pk>/",
        checklists.checklist_item,
        name="checklist_item",
    ),
    path(
        "checklists/<int:pk>/items/<int:item_pk>/move/",
        checklists.checklist_item_move,
        name="checklist_item_move",
    ),
    path(
        "checklists/<int:pk>/items/<int:item_pk>/remove/",
        checklists.checklist_item_remove,
        name="checklist_item_remove",
    ),
    path("courses/", courses.course_list, name="courses"),
    path("courses/new/", courses.course_new, name="course_new"),
    path("courses/report/", courses.course_report, name="course_report"),
    path("courses/<int:pk>/", courses.course_detail, name="course"),
    path("courses/<int:pk>/edit/", courses.course_edit, name="course_edit"),
    path("courses/<int:pk>/sessions/", courses.session_add, name="course_session_add"),
    path("courses/<int:pk>/enrol/", courses.enrol_at_desk, name="course_enrol"),
    path(
        "courses/<int:pk>/enrolments/<int:enrolment_pk>/cancel/",
        courses.enrolment_cancel,
        name="course_enrolment_cancel",
    ),
    path("courses/<int:pk>/attendance/", courses.attendance, name="course_attendance"),
    path("courses/<int:pk>/certificates/", courses.certificate_list, name="course_certificates"),
    path(
        "courses/certificates/<int:certificate_pk>/print/",
        courses.certificate_print,
        name="course_certificate_print",
    ),
    path(
        "courses/certificates/<int:certificate_pk>/revoke/",
        courses.certificate_revoke,
        name="course_certificate_revoke",
    ),
]
