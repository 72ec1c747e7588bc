"""The recruitment register for partner websites and apps.

Anyone may read the published vacancies (only those ``public_vacancies`` lets through: verified,
open, agency licensed today) and every agency's licence status; nothing personal is shown. Staff
with ``recruitment.add_vacancy`` send vacancies, which wait as drafts for a licensing officer.
"""

from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.permissions import SAFE_METHODS, AllowAny, BasePermission
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle

from rohnamo.api.recruitment_serializers import (
    AgencySerializer,
    LicenceCheckSerializer,
    VacancySerializer,
)
from rohnamo.recruitment.models import Agency, Licence
from rohnamo.recruitment.search import VacancyFilters, check_agency, find_vacancies

ADD_VACANCY = "recruitment.add_vacancy"


class ReadOrAddVacancy(BasePermission):
    """Reading is public; sending a vacancy takes the add permission."""

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return True
        return bool(request.user and request.user.is_authenticated) and (
            request.user.has_perm(ADD_VACANCY)
        )


VACANCY_FILTERS = [
    OpenApiParameter("country", OpenApiTypes.STR, description="ISO 3166-1 alpha-2, e.g. RU"),
    OpenApiParameter(
        "occupation", OpenApiTypes.STR, description="ISCO-08 code, e.g. 7112 (or a group: 71)"
    ),
    OpenApiParameter("city", OpenApiTypes.STR, description="City, in any spelling"),
    OpenApiParameter("min_wage", OpenApiTypes.INT, description="Lowest monthly wage"),
]


@extend_schema_view(list=extend_schema(parameters=VACANCY_FILTERS))
class VacancyViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Published vacancies of licensed agencies; staff send new ones as drafts."""

    serializer_class = VacancySerializer
    permission_classes = [ReadOrAddVacancy]
    throttle_classes = [AnonRateThrottle]
    http_method_names = ["get", "post", "head", "options"]

    def get_queryset(self):
        filters = VacancyFilters.from_query(self.request.query_params)
        return find_vacancies(filters if self.action == "list" else VacancyFilters())


def _agencies():
    return Agency.objects.prefetch_related(
        "names", Prefetch("licences", queryset=Licence.objects.order_by("-issued_on"))
    ).order_by("legal_name", "id")


class AgencyViewSet(viewsets.ReadOnlyModelViewSet):
    """Every agency in the register with its licence status today."""

    serializer_class = AgencySerializer
    permission_classes = [AllowAny]
    throttle_classes = [AnonRateThrottle]

    def get_queryset(self):
        return _agencies()


class LicenceCheckViewSet(viewsets.ViewSet):
    """The public "Check an agency": by name (any spelling, small typos) or licence number."""

    permission_classes = [AllowAny]
    throttle_classes = [AnonRateThrottle]

    @extend_schema(
        parameters=[OpenApiParameter("q", OpenApiTypes.STR, required=True)],
        responses=LicenceCheckSerializer,
    )
    def list(self, request):
        check = check_agency(request.query_params.get("q", ""))
        return Response(LicenceCheckSerializer(check).data)
