"""Consultations, visitors and outreach events for partner systems and the centre's own tools.

Each endpoint reads only through the counselling queries, so a caller sees exactly what the staff
pages show them and another office's id answers 404 like a missing one. Recording needs the
model's add permission and goes through the same services as the forms.
"""

import datetime

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.permissions import DjangoModelPermissions

from rohnamo.api.counselling_serializers import (
    ConsultationSerializer,
    EventSerializer,
    VisitorSerializer,
)
from rohnamo.counselling.models import EventMaterial
from rohnamo.counselling.queries import (
    consultations_visible_to,
    events_visible_to,
    visitors_visible_to,
)


class CounsellingPermissions(DjangoModelPermissions):
    """Reading takes the model's view permission, recording its add permission."""

    perms_map = {
        **DjangoModelPermissions.perms_map,
        "GET": ["%(app_label)s.view_%(model_name)s"],
        "HEAD": ["%(app_label)s.view_%(model_name)s"],
    }


class ListFilters(serializers.Serializer):
    since = serializers.DateField(required=False)
    until = serializers.DateField(required=False)
    office = serializers.SlugField(required=False)

    def validate(self, attrs):
        if attrs.get("since") and attrs.get("until") and attrs["since"] > attrs["until"]:
            raise serializers.ValidationError(
                {"until": _("The end of the period cannot be before its start.")}
            )
        return attrs


OFFICE_PARAMETER = OpenApiParameter(
    "office", OpenApiTypes.STR, description="Only this office's records (office code)"
)
PERIOD_PARAMETERS = [
    OpenApiParameter("since", OpenApiTypes.DATE, description="From this day on (inclusive)"),
    OpenApiParameter("until", OpenApiTypes.DATE, description="Up to this day (inclusive)"),
    OFFICE_PARAMETER,
]


def _start_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class CounsellingViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """List, read and record; nothing recorded through the API is changed or deleted by it."""

    permission_classes = [CounsellingPermissions]
    http_method_names = ["get", "post", "head", "options"]

    def filter_queryset(self, queryset):
        # Only the list filters: a record's own address must not depend on query parameters.
        if self.action != "list":
            return queryset
        filters = ListFilters(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        values = filters.validated_data
        if values.get("office"):
            queryset = queryset.filter(office__code=values["office"])
        return self.filter_period(queryset, values.get("since"), values.get("until"))

    # The moment field the ?since=/?until= days filter on.
    period_field = "created_at"

    def filter_period(self, queryset, since, until):
        # Day bounds in the centre's time zone, compared with the field itself to keep its index.
        if since:
            queryset = queryset.filter(**{f"{self.period_field}__gte": _start_of(since)})
        if until:
            next_day = _start_of(until + datetime.timedelta(days=1))
            queryset = queryset.filter(**{f"{self.period_field}__lt": next_day})
        return queryset


@extend_schema_view(
    list=extend_schema(parameters=PERIOD_PARAMETERS),
    create=extend_schema(description="Record a consultation given at one of your offices."),
)
class ConsultationViewSet(CounsellingViewSet):
    """Consultations of the caller's offices, newest first."""

    serializer_class = ConsultationSerializer
    period_field = "started_at"

    def get_queryset(self):
        return (
            consultations_visible_to(self.request.user)
            .select_related("language")
            .prefetch_related("topics", "sheets")
        )


@extend_schema_view(
    list=extend_schema(parameters=PERIOD_PARAMETERS),
    create=extend_schema(
        description="Record a visitor of one of your offices; a name or phone needs consent."
    ),
)
class VisitorViewSet(CounsellingViewSet):
    """Visitors of the caller's offices, newest first; merged duplicates are left out.

    ``?since=``/``?until=`` select visitors recorded in those days."""

    serializer_class = VisitorSerializer

    def get_queryset(self):
        return visitors_visible_to(self.request.user)


@extend_schema_view(
    list=extend_schema(parameters=PERIOD_PARAMETERS),
    create=extend_schema(description="Record an outreach event one of your offices held."),
)
class EventViewSet(CounsellingViewSet):
    """Outreach events of the caller's offices, newest first, with the leaflets handed out."""

    serializer_class = EventSerializer

    def get_queryset(self):
        materials = EventMaterial.objects.select_related("sheet", "language")
        return events_visible_to(self.request.user).prefetch_related(
            Prefetch("materials", materials)
        )

    def filter_period(self, queryset, since, until):
        if since:
            queryset = queryset.filter(date__gte=since)
        if until:
            queryset = queryset.filter(date__lte=until)
        return queryset
