from django.urls import path

from rohnamo.crossings.views.dashboard import dashboard

urlpatterns = [path("dashboard/", dashboard, name="dashboard")]
