from django.urls import path

from rohnamo.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("offices/", views.offices, name="offices"),
    path("about/", views.about, name="about"),
]
