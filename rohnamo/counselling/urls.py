from django.urls import path

from rohnamo.counselling.views import consultations, events, questionnaires, reports, visitors

app_name = "counselling"

urlpatterns = [
    # consultations, visitors and events
    path("", consultations.consultation_list, name="consultations"),
    path("new/", consultations.consultation_new, name="consultation_new"),
    path("<int:pk>/", consultations.consultation_detail, name="consultation"),
    path("visitors/", visitors.visitor_list, name="visitors"),
    path("visitors/new/", visitors.visitor_new, name="visitor_new"),
    path("visitors/<int:pk>/", visitors.visitor_detail, name="visitor"),
    path("visitors/<int:pk>/edit/", visitors.visitor_edit, name="visitor_edit"),
    path("visitors/<int:pk>/merge/", visitors.visitor_merge, name="visitor_merge"),
    path("visitors/<int:pk>/anonymise/", visitors.visitor_anonymise, name="visitor_anonymise"),
    path("events/", events.event_list, name="events"),
    path("events/new/", events.event_new, name="event_new"),
    path("events/<int:pk>/", events.event_detail, name="event"),
    # questionnaires
    path("questionnaires/", questionnaires.questionnaire_list, name="questionnaires"),
    path("questionnaires/new/", questionnaires.questionnaire_create, name="questionnaire_create"),
    path(
        "questionnaires/import/", questionnaires.questionnaire_import, name="questionnaire_import"
    ),
    path("questionnaires/<slug:code>/", questionnaires.questionnaire_detail, name="questionnaire"),
    path(
        "questionnaires/<slug:code>/new-version/",
        questionnaires.questionnaire_new_version,
        name="questionnaire_new_version",
    ),
    path(
        "questionnaires/<slug:code>/results/",
        questionnaires.questionnaire_results,
        name="questionnaire_results",
    ),
    path(
        "questionnaires/<slug:code>/responses.<str:fmt>",
        questionnaires.response_export,
        name="response_export",
    ),
    path(
        "questionnaires/<slug:code>/v<int:number>/edit/",
        questionnaires.questionnaire_draft,
        name="questionnaire_draft",
    ),
    path(
        "questionnaires/<slug:code>/v<int:number>/publish/",
        questionnaires.questionnaire_publish,
        name="questionnaire_publish",
    ),
    path(
        "questionnaires/<slug:code>/v<int:number>/xlsform.xlsx",
        questionnaires.questionnaire_xlsform,
        name="questionnaire_xlsform",
    ),
    path(
        "questionnaires/<slug:code>/v<int:number>/respond/",
        questionnaires.response_new,
        name="response_new",
    ),
    path(
        "questionnaire-questions/<int:pk>/edit/",
        questionnaires.question_edit,
        name="questionnaire_question_edit",
    ),
    path(
        "questionnaire-questions/<int:pk>/<slug:action>/",
        questionnaires.question_action,
        name="questionnaire_question_action",
    ),
    path("responses/<int:pk>/", questionnaires.response_detail, name="response"),
    # reports
    path("reports/", reports.report, name="report"),
    path("reports/comparison/", reports.report_comparison, name="report_comparison"),
]
