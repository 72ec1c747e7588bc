from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from rohnamo.api.counselling import ConsultationViewSet, EventViewSet, VisitorViewSet
from rohnamo.api.sheets import SheetViewSet
from rohnamo.api.views import OfficeViewSet

router = DefaultRouter()
router.register("offices", OfficeViewSet, basename="office")
router.register("sheets", SheetViewSet, basename="sheet")
router.register("consultations", ConsultationViewSet, basename="consultation")
router.register("visitors", VisitorViewSet, basename="visitor")
router.register("events", EventViewSet, basename="event")

app_name = "api"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("v1/", include(router.urls)),
]
