"""The service directory for partner websites and apps: read-only and public, in Rohnamo's own
shape (``/api/v1/directory/``) and as HSDS 3.0 (``/api/v1/hsds/``, following the
specification's API: pages of ``contents``, ``full=true`` for nested records)."""

import uuid

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle

from rohnamo.directory.choices import ServiceStatus
from rohnamo.directory.hsds.export import (
    organization_basic,
    organization_record,
    page,
    service_basic,
    service_record,
    services_with_related,
    with_related,
)
from rohnamo.directory.models import Location, Phone, Service
from rohnamo.directory.queries import public_organizations, public_services

# Rohnamo's own shape


class PhoneSerializer(serializers.ModelSerializer):
    class Meta:
        model = Phone
        fields = ["number", "extension", "kind", "description"]


class LocationSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country.code", default="")
    district = serializers.CharField(source="district.code", default="")

    class Meta:
        model = Location
        fields = ["id", "name", "country", "district", "city", "address", "latitude", "longitude"]


class ServiceSerializer(serializers.ModelSerializer):
    organization = serializers.SerializerMethodField()
    categories = serializers.SerializerMethodField()
    languages = serializers.SerializerMethodField()
    phones = PhoneSerializer(many=True)
    locations = LocationSerializer(many=True)

    class Meta:
        model = Service
        fields = [
            "id", "name", "description", "organization", "categories", "status", "hours",
            "languages", "eligibility", "cost", "email", "url", "phones", "locations",
        ]  # fmt: skip

    def get_organization(self, service) -> dict:
        organization = service.organization
        return {"id": str(organization.pk), "name": organization.name, "kind": organization.kind}

    def get_categories(self, service) -> list[str]:
        return [term.code for term in service.categories.all()]

    def get_languages(self, service) -> list[str]:
        return [language.code for language in service.languages.all()]


class OrganizationSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    alternate_name = serializers.CharField()
    kind = serializers.CharField()
    description = serializers.CharField()
    email = serializers.CharField()
    website = serializers.CharField()
    phones = PhoneSerializer(many=True)
    locations = LocationSerializer(many=True)
    services = serializers.SerializerMethodField()

    def get_services(self, organization) -> list[dict]:
        services = organization.services.all()
        return [{"id": str(service.pk), "name": service.name} for service in services]


FILTERS = [
    OpenApiParameter("category", OpenApiTypes.STR, description="Category code, e.g. legal-aid"),
    OpenApiParameter("country", OpenApiTypes.STR, description="ISO 3166-1 alpha-2, e.g. RU"),
    OpenApiParameter(
        "district", OpenApiTypes.STR, description="Tajik district, e.g. khatlon-kulob"
    ),
]


def _active():
    return Service.objects.filter(status=ServiceStatus.ACTIVE).order_by("name", "id")


class DirectoryOrganizationViewSet(viewsets.ReadOnlyModelViewSet):
    """Organisations shown on the public site, with their active services."""

    serializer_class = OrganizationSerializer
    permission_classes = [AllowAny]
    throttle_classes = [AnonRateThrottle]

    def get_queryset(self):
        locations = Location.objects.select_related("country", "district")
        return (
            public_organizations()
            .order_by("name", "id")
            .prefetch_related(
                "phones",
                Prefetch("locations", queryset=locations),
                Prefetch("services", queryset=_active()),
            )
        )


@extend_schema_view(list=extend_schema(parameters=FILTERS))
class DirectoryServiceViewSet(viewsets.ReadOnlyModelViewSet):
    """Active services of public organisations, by category and place."""

    serializer_class = ServiceSerializer
    permission_classes = [AllowAny]
    throttle_classes = [AnonRateThrottle]

    def get_queryset(self):
        services = public_services().order_by("name", "id")
        params = self.request.query_params
        if params.get("category"):
            services = services.filter(categories__code=params["category"])
        if params.get("country"):
            services = services.filter(locations__country__code=params["country"].upper())
        if params.get("district"):
            services = services.filter(locations__district__code=params["district"])
        return services.distinct()


# HSDS 3.0

HSDS_PAGE = [
    OpenApiParameter("page", OpenApiTypes.INT),
    OpenApiParameter("per_page", OpenApiTypes.INT, description="At most 100"),
    OpenApiParameter("search", OpenApiTypes.STR),
    OpenApiParameter("full", OpenApiTypes.BOOL, description="Fully nested records"),
]
HSDS_SERVICE_FILTERS = [
    OpenApiParameter("organization_id", OpenApiTypes.UUID),
    OpenApiParameter("taxonomy_term_id", OpenApiTypes.UUID),
]
MAX_PER_PAGE = 100


def _page_of(request, queryset):
    """The requested HSDS page of ``queryset``: (records, number, size, total)."""
    try:
        size = min(max(int(request.query_params.get("per_page", 50)), 1), MAX_PER_PAGE)
        number = max(int(request.query_params.get("page", 1)), 1)
    except ValueError:
        size, number = 50, 1
    total = queryset.count()
    return list(queryset[(number - 1) * size : number * size]), number, size, total


def _uuid(value):
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def _full(request):
    return request.query_params.get("full", "").lower() in ("1", "true", "yes")


class HsdsViewSet(viewsets.ViewSet):
    permission_classes = [AllowAny]
    throttle_classes = [AnonRateThrottle]
    lookup_value_regex = (
        "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
    )


@extend_schema_view(
    list=extend_schema(
        operation_id="hsds_organizations_list", parameters=HSDS_PAGE, responses=OpenApiTypes.OBJECT
    ),
    retrieve=extend_schema(
        operation_id="hsds_organizations_retrieve", responses=OpenApiTypes.OBJECT
    ),
)
class HsdsOrganizationViewSet(HsdsViewSet):
    """HSDS 3.0 organisations of the public directory: a page of basic records, or fully nested
    ones with ``full=true``; one organisation is always fully nested with its services."""

    def _queryset(self):
        organizations = public_organizations().order_by("name", "id")
        search = self.request.query_params.get("search", "").strip()
        if search:
            organizations = organizations.filter(
                Q(name__icontains=search) | Q(description__icontains=search)
            )
        return organizations

    def list(self, request):
        full = _full(request)
        queryset = with_related(self._queryset(), _active()) if full else self._queryset()
        records, number, size, total = _page_of(request, queryset)
        language = get_language()
        items = [
            organization_record(org, language) if full else organization_basic(org)
            for org in records
        ]
        return Response(page(items, number=number, size=size, total=total))

    def retrieve(self, request, pk=None):
        organization = get_object_or_404(with_related(public_organizations(), _active()), pk=pk)
        return Response(organization_record(organization, get_language()))


@extend_schema_view(
    list=extend_schema(
        operation_id="hsds_services_list",
        parameters=[*HSDS_PAGE, *HSDS_SERVICE_FILTERS],
        responses=OpenApiTypes.OBJECT,
    ),
    retrieve=extend_schema(operation_id="hsds_services_retrieve", responses=OpenApiTypes.OBJECT),
)
class HsdsServiceViewSet(HsdsViewSet):
    """HSDS 3.0 services of the public directory, each with its organisation."""

    def _queryset(self):
        services = services_with_related(_active().filter(organization__is_public=True)).order_by(
            "name", "id"
        )
        params = self.request.query_params
        if params.get("search", "").strip():
            search = params["search"].strip()
            services = services.filter(Q(name__icontains=search) | Q(description__icontains=search))
        for param, lookup in (
            ("organization_id", "organization"),
            ("taxonomy_term_id", "categories"),
        ):
            if params.get(param):
                wanted = _uuid(params[param])
                services = services.filter(**{lookup: wanted}) if wanted else services.none()
        return services

    def _record(self, service, full):
        organization = organization_basic(service.organization)
        if full:
            return service_record(service, get_language(), organization=organization)
        return service_basic(service) | {"organization": organization}

    def list(self, request):
        full = _full(request)
        records, number, size, total = _page_of(request, self._queryset())
        items = [self._record(service, full) for service in records]
        return Response(page(items, number=number, size=size, total=total))

    def retrieve(self, request, pk=None):
        service = get_object_or_404(self._queryset(), pk=pk)
        return Response(self._record(service, full=True))
