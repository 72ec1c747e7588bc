"""Vacancies and agencies as the public API shows them, and a vacancy as staff send it.

The public shapes hold nothing personal: an agency is a company, shown with its licence status
code (licensed, suspended, revoked, expired, unlicensed) as the public check words it.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from rohnamo.api.counselling_serializers import CountryCodeField, service_errors_as_400
from rohnamo.recruitment.models import Agency, Licence, Occupation, Vacancy
from rohnamo.recruitment.queries import agency_status
from rohnamo.recruitment.services.vacancies import record_vacancy

STATUS_CODES = ["licensed", "suspended", "revoked", "expired", "unlicensed"]


class AgencyStatusSerializer(serializers.Serializer):
    """An agency's standing today, from ``queries.agency_status``."""

    code = serializers.ChoiceField(choices=STATUS_CODES)
    licence_number = serializers.CharField(source="licence.number", default=None)
    licence_expires_on = serializers.DateField(source="licence.expires_on", default=None)
    since = serializers.DateField(allow_null=True)
    reason = serializers.CharField()


def status_of(agency):
    return AgencyStatusSerializer(agency_status(agency)).data


class AgencySerializer(serializers.ModelSerializer):
    names = serializers.SerializerMethodField()
    status = serializers.SerializerMethodField()

    class Meta:
        model = Agency
        fields = ["id", "legal_name", "names", "tax_number", "registration_number", "status"]

    def get_names(self, agency) -> list[str]:
        return [name.name for name in agency.names.all()]

    @extend_schema_field(AgencyStatusSerializer)
    def get_status(self, agency):
        return status_of(agency)


class FoundAgencySerializer(serializers.Serializer):
    """One agency the licence check found: the name that matched and its status."""

    id = serializers.IntegerField(source="agency.pk")
    legal_name = serializers.CharField(source="agency.legal_name")
    matched_name = serializers.CharField(source="name")
    status = serializers.SerializerMethodField()

    @extend_schema_field(AgencyStatusSerializer)
    def get_status(self, found):
        return status_of(found.agency)


class LicenceCheckSerializer(serializers.Serializer):
    """The public check's answer: the agencies found, and look-alikes that are other companies."""

    query = serializers.CharField()
    registered = serializers.BooleanField(
        help_text=_("False: not in the register. Do not pay them.")
    )
    found = FoundAgencySerializer(many=True)
    lookalikes = FoundAgencySerializer(
        many=True, help_text=_("Similar names of different companies: not the one asked about.")
    )


@extend_schema_field(OpenApiTypes.STR)
class AgencyReferenceField(serializers.RelatedField):
    """An agency named by its licence number or tax number, as in the import files."""

    default_error_messages = {
        "unknown": _("No agency in the register has this licence number or tax number."),
    }

    def __init__(self, **kwargs):
        super().__init__(queryset=Agency.objects.all(), **kwargs)

    def to_internal_value(self, data):
        value = str(data).strip()
        licence = Licence.objects.filter(number__iexact=value).select_related("agency").first()
        if licence is not None:
            return licence.agency
        agency = Agency.objects.filter(tax_number=value).first() if value else None
        if agency is None:
            self.fail("unknown")
        return agency

    def to_representation(self, agency):
        return agency.legal_name


class VacancySerializer(serializers.ModelSerializer):
    agency = AgencyReferenceField(
        help_text=_("Licence number or tax number when sending; the legal name when reading.")
    )
    agency_status = serializers.SerializerMethodField()
    country = CountryCodeField(help_text=_("ISO 3166-1 alpha-2 code, e.g. RU"))
    occupation = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Occupation.objects.all(),
        help_text=_("ISCO-08 unit group, e.g. 7112"),
    )
    occupation_title = serializers.CharField(source="occupation.title", read_only=True)

    class Meta:
        model = Vacancy
        fields = [
            "id", "status", "agency", "agency_status", "employer", "country", "city",
            "occupation", "occupation_title", "title", "workers", "wage", "currency", "hours",
            "housing", "contract_months", "requirements", "worker_fee", "fee_currency",
            "closes_on",
        ]  # fmt: skip
        read_only_fields = ["id", "status"]

    @extend_schema_field(AgencyStatusSerializer)
    def get_agency_status(self, vacancy):
        return status_of(vacancy.agency)

    def create(self, validated_data):
        # The service refuses what could never be published (fee, licence, closing date).
        with service_errors_as_400():
            return record_vacancy(actor=self.context["request"].user, **validated_data)
