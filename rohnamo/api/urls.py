from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from rohnamo.api.cases import CaseViewSet, ReferralViewSet
from rohnamo.api.counselling import ConsultationViewSet, EventViewSet, VisitorViewSet
from rohnamo.api.departure_certificates import CertificateCheckViewSet
from rohnamo.api.departure_messages import DeliveryStatusView, InboundSmsView
from rohnamo.api.departure_partners import ListCheckBatchView, ListCheckView
from rohnamo.api.directory import (
    DirectoryOrganizationViewSet,
    DirectoryServiceViewSet,
    HsdsOrganizationViewSet,
    HsdsServiceViewSet,
)
from rohnamo.api.recruitment import AgencyViewSet, LicenceCheckViewSet, VacancyViewSet
from rohnamo.api.sheets import SheetViewSet
from rohnamo.api.views import OfficeViewSet

router = DefaultRouter()
router.register("offices", OfficeViewSet, basename="office")
router.register("sheets", SheetViewSet, basename="sheet")
router.register("consultations", ConsultationViewSet, basename="consultation")
router.register("visitors", VisitorViewSet, basename="visitor")
router.register("events", EventViewSet, basename="event")
router.register(
    "directory/organizations", DirectoryOrganizationViewSet, basename="directory-organization"
)
router.register("directory/services", DirectoryServiceViewSet, basename="directory-service")
router.register("hsds/organizations", HsdsOrganizationViewSet, basename="hsds-organization")
router.register("hsds/services", HsdsServiceViewSet, basename="hsds-service")
router.register("cases", CaseViewSet, basename="case")
router.register("referrals", ReferralViewSet, basename="referral")
router.register("vacancies", VacancyViewSet, basename="vacancy")
router.register("agencies", AgencyViewSet, basename="agency")
router.register("licence-check", LicenceCheckViewSet, basename="licence-check")
router.register("certificates", CertificateCheckViewSet, basename="certificate")

app_name = "api"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("v1/departure/list-check/", ListCheckView.as_view(), name="departure-list-check"),
    path(
        "v1/departure/list-check/batch/",
        ListCheckBatchView.as_view(),
        name="departure-list-check-batch",
    ),
    path("v1/departure/inbound-sms/", InboundSmsView.as_view(), name="departure-inbound-sms"),
    path(
        "v1/departure/delivery-status/",
        DeliveryStatusView.as_view(),
        name="departure-delivery-status",
    ),
    path("v1/", include(router.urls)),
]
