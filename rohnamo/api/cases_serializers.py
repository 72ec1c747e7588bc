"""Cases, their notes and referrals as the API sends and reads them.

A case in a list carries no narrative and no contact: those come only with the case itself, read
through ``case_for``, which writes the audit entry a restricted case needs. A referral carries
what the organisation needs to act on it (its message, the case's category, place and tracking
code, the dates) and nothing else of the case: partner organisations never see the narrative or
who the case is about.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from rohnamo.api.counselling_serializers import (
    CountryCodeField,
    VisibleVisitorField,
    code_field,
    office_field,
    service_errors_as_400,
)
from rohnamo.cases.choices import CaseCategory, CaseStatus, SlaState
from rohnamo.cases.models import Case, CaseClient, CaseEntry, Referral
from rohnamo.cases.services.cases import open_case
from rohnamo.cases.sla import sla_state
from rohnamo.core.models import District

# What every case shows, in a list or alone.
SUMMARY_FIELDS = [
    "id", "tracking_code", "office", "kind", "category", "priority", "status", "source",
    "is_restricted", "assigned_to", "sla", "country", "city", "district", "first_response_due",
    "first_responded_at", "resolved_at", "closed_at", "anonymised_at", "created_at",
]  # fmt: skip
READ_ONLY = [
    "id", "tracking_code", "status", "source", "is_restricted", "assigned_to", "sla",
    "first_response_due", "first_responded_at", "resolved_at", "closed_at", "anonymised_at",
    "created_at",
]  # fmt: skip


class CaseListSerializer(serializers.ModelSerializer):
    office = serializers.SlugRelatedField(slug_field="code", read_only=True)
    assigned_to = serializers.SlugRelatedField(
        slug_field="username", read_only=True, help_text=_("User name of the worker")
    )
    sla = serializers.SerializerMethodField(
        help_text=_("How the case stands against its first response and task dates")
    )
    country = serializers.SlugRelatedField(slug_field="code", read_only=True)
    district = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Case
        fields = SUMMARY_FIELDS
        read_only_fields = SUMMARY_FIELDS

    @extend_schema_field(serializers.ChoiceField(choices=SlaState.choices))
    def get_sla(self, case):
        return sla_state(case)


class CaseClientSerializer(serializers.ModelSerializer):
    class Meta:
        model = CaseClient
        fields = ["visitor", "role"]
        read_only_fields = fields


class CaseSerializer(CaseListSerializer):
    """One case with its narrative and contact; recording a case goes through ``open_case``."""

    office = office_field()
    country = CountryCodeField(
        required=False, allow_null=True, help_text=_("ISO 3166-1 alpha-2 code, e.g. RU")
    )
    district = code_field(
        District, required=False, allow_null=True, help_text=_("District code of home")
    )
    clients = CaseClientSerializer(many=True, read_only=True)
    visitors = VisibleVisitorField(
        many=True,
        required=False,
        write_only=True,
        help_text=_("Ids of the visitors the case is about"),
    )
    filed_by = VisibleVisitorField(
        required=False,
        allow_null=True,
        write_only=True,
        help_text=_("Id of the visitor who asked on their behalf (a relative)"),
    )

    class Meta:
        model = Case
        fields = [
            *SUMMARY_FIELDS, "employer", "narrative", "contact_name", "contact_phone",
            "on_behalf_of", "relationship", "public_message", "clients", "visitors", "filed_by",
        ]  # fmt: skip
        read_only_fields = [*READ_ONLY, "public_message"]
        extra_kwargs = {
            "priority": {"help_text": _("Left out: set from the category")},
        }

    def create(self, validated_data):
        clients = validated_data.pop("visitors", [])
        with service_errors_as_400():
            return open_case(actor=self.context["request"].user, clients=clients, **validated_data)


class NoteSerializer(serializers.ModelSerializer):
    author = serializers.SlugRelatedField(slug_field="username", read_only=True)
    text = serializers.CharField(help_text=_("The note"))

    class Meta:
        model = CaseEntry
        fields = ["id", "text", "author", "created_at"]
        read_only_fields = ["id", "author", "created_at"]


class ReferralSerializer(serializers.ModelSerializer):
    """A referral as the organisation that answers it sees it."""

    tracking_code = serializers.CharField(source="case.tracking_code", read_only=True)
    category = serializers.ChoiceField(
        source="case.category", choices=CaseCategory.choices, read_only=True
    )
    country = serializers.SlugRelatedField(
        source="case.country", slug_field="code", read_only=True, allow_null=True
    )
    city = serializers.CharField(source="case.city", read_only=True)
    service = serializers.CharField(source="service.name", read_only=True)
    organization = serializers.CharField(source="organization.name", read_only=True)

    class Meta:
        model = Referral
        fields = [
            "id", "tracking_code", "category", "country", "city", "service", "organization",
            "status", "message", "consent_given", "answer_note", "sent_at", "answered_at",
            "outcome_at",
        ]  # fmt: skip
        read_only_fields = fields


class ReferralAnswerSerializer(serializers.Serializer):
    note = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text=_("The reason; required when declining"),
    )


class ReferralOutcomeSerializer(ReferralAnswerSerializer):
    provided = serializers.BooleanField(help_text=_("Whether the service was provided"))
    note = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text=_("The reason; required when the service was not provided"),
    )


class CaseListFilters(serializers.Serializer):
    office = serializers.SlugField(required=False)
    status = serializers.ChoiceField(choices=CaseStatus.choices, required=False)
    category = serializers.ChoiceField(choices=CaseCategory.choices, required=False)
