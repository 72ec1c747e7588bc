"""Published information sheets for partner websites and apps: read-only and public."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle

from rohnamo.knowledge.links import public_path
from rohnamo.knowledge.models import SheetVersion
from rohnamo.knowledge.queries import public_versions
from rohnamo.knowledge.search import search_versions


class SheetVersionSerializer(serializers.ModelSerializer):
    sheet = serializers.CharField(source="sheet.code")
    topic = serializers.CharField(source="sheet.topic.code")
    stage = serializers.CharField(source="sheet.stage")
    countries = serializers.SerializerMethodField()
    language = serializers.CharField(source="language.code")
    url = serializers.SerializerMethodField()

    class Meta:
        model = SheetVersion
        fields = [
            "id", "sheet", "topic", "stage", "countries", "language", "number", "title",
            "summary", "body_html", "checked_on", "check_by", "published_at", "url",
        ]  # fmt: skip

    def get_countries(self, version) -> list[str]:
        return [country.code for country in version.sheet.countries.all()]

    def get_url(self, version) -> str:
        return self.context["request"].build_absolute_uri(public_path(version))


class SearchHitSerializer(serializers.Serializer):
    score = serializers.FloatField()
    snippet = serializers.CharField()
    version = SheetVersionSerializer()


FILTERS = [
    OpenApiParameter("topic", OpenApiTypes.STR, description="Topic code, e.g. registration"),
    OpenApiParameter("country", OpenApiTypes.STR, description="ISO 3166-1 alpha-2, e.g. RU"),
    OpenApiParameter("stage", OpenApiTypes.STR, enum=["before", "abroad", "returning"]),
    OpenApiParameter("language", OpenApiTypes.STR, description="Language code, e.g. tg"),
]


@extend_schema_view(list=extend_schema(parameters=FILTERS))
class SheetViewSet(viewsets.ReadOnlyModelViewSet):
    """The current published version of each sheet in each language."""

    serializer_class = SheetVersionSerializer
    permission_classes = [AllowAny]
    throttle_classes = [AnonRateThrottle]

    def get_queryset(self):
        versions = (
            public_versions()
            .prefetch_related("sheet__countries")
            .order_by("sheet__code", "language__code")
        )
        params = self.request.query_params
        if params.get("topic"):
            versions = versions.filter(sheet__topic__code=params["topic"])
        if params.get("stage"):
            versions = versions.filter(sheet__stage=params["stage"])
        if params.get("language"):
            versions = versions.filter(language__code=params["language"])
        if params.get("country"):
            country = params["country"].upper()
            versions = versions.filter(sheet__countries__code=country) | versions.filter(
                sheet__countries__isnull=True
            )
        return versions.distinct()

    @extend_schema(
        parameters=[OpenApiParameter("q", OpenApiTypes.STR, required=True), *FILTERS],
        responses=SearchHitSerializer(many=True),
    )
    @action(detail=False)
    def search(self, request):
        """Published sheets matching ``q``, best first, with highlighted snippets."""
        query = request.query_params.get("q", "").strip()
        hits = search_versions(query, self.get_queryset(), limit=20) if query else []
        data = SearchHitSerializer(hits, many=True, context={"request": request}).data
        return Response(data)
