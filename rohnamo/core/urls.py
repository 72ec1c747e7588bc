from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.urls import path

from rohnamo.core.views import audit, auth, dashboard, jobs, offices

app_name = "staff"

urlpatterns = [
    path("login/", auth.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", auth.PasswordChangeView.as_view(), name="password_change"),
    path("", dashboard.home, name="dashboard"),
    path("offices/", offices.office_list, name="offices"),
    path("offices/<slug:code>/", dashboard.office_dashboard, name="office"),
    path("offices/<slug:code>/contacts/", offices.office_edit, name="office_edit"),
    path("audit/", login_required(audit.audit_log), name="audit"),
    path("audit/export/", login_required(audit.audit_export), name="audit_export"),
    path("jobs/", jobs.job_list, name="jobs"),
    path("jobs/<int:pk>/", jobs.job_detail, name="job"),
    path("jobs/<int:pk>/result/", jobs.job_result, name="job_result"),
]
