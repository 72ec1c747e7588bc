from django.urls import path

from rohnamo.cases.views import cases, referrals, reports

app_name = "cases"

urlpatterns = [
    # cases (staff)
    path("", cases.case_list, name="cases"),
    path("new/", cases.case_new, name="case_new"),
    path("<int:pk>/", cases.case_detail, name="case"),
    path("<int:pk>/refer/", referrals.referral_new, name="referral_new"),
    path("<int:pk>/tasks/<int:task_pk>/done/", cases.task_done, name="task_done"),
    path(
        "<int:pk>/documents/<uuid:attachment_pk>/",
        cases.attachment_download,
        name="attachment",
    ),
    path("<int:pk>/<slug:action>/", cases.case_action, name="case_action"),
    # referrals (partner inbox)
    path("referrals/", referrals.referral_inbox, name="referrals"),
    path("referrals/<int:pk>/", referrals.referral_detail, name="referral"),
    path("referrals/<int:pk>/<slug:answer>/", referrals.referral_answer, name="referral_answer"),
    # reports
    path("reports/", reports.report, name="report"),
]
