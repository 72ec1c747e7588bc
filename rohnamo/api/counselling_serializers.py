"""Consultations, visitors and outreach events as partner systems send and read them.

Reference data travels as codes (office, topic, sheet, country, language, district), never as
database ids, so a partner's system needs no copy of ours. Creating goes through the counselling
services: the API checks the same rules and writes the same audit and leaflet log as the forms.
"""

from contextlib import contextmanager

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.settings import api_settings

from rohnamo.core.models import Country, District, Language, Office
from rohnamo.counselling.models import Consultation, EventMaterial, OutreachEvent, Visitor
from rohnamo.counselling.queries import visitors_visible_to
from rohnamo.counselling.services.consultations import record_consultation
from rohnamo.counselling.services.events import record_event
from rohnamo.counselling.services.visitors import record_visitor
from rohnamo.knowledge.models import Sheet, Topic


@contextmanager
def service_errors_as_400():
    """A service's Django ValidationError as DRF's, keyed by field like the serializer's own."""
    try:
        yield
    except DjangoValidationError as error:
        if hasattr(error, "error_dict"):
            detail = {
                api_settings.NON_FIELD_ERRORS_KEY if name == NON_FIELD_ERRORS else name: messages
                for name, messages in error.message_dict.items()
            }
        else:
            detail = {api_settings.NON_FIELD_ERRORS_KEY: error.messages}
        raise serializers.ValidationError(detail) from error


class SoleOfficeDefault:
    """The caller's office when the code is left out and they belong to exactly one."""

    requires_context = True

    def __call__(self, field):
        offices = list(field.context["request"].user.offices.filter(is_active=True)[:2])
        if len(offices) != 1:
            raise serializers.ValidationError(
                _(
                    "Give the office code: only people who belong to exactly one office "
                    "may leave it out."
                )
            )
        return offices[0]


def office_field():
    # Any active office resolves here; whether the caller may write into it is the service's
    # rule (check_can_write), so the API refuses exactly what the forms refuse.
    return serializers.SlugRelatedField(
        slug_field="code",
        queryset=Office.objects.filter(is_active=True),
        default=SoleOfficeDefault(),
        help_text=_("Office code; may be left out by people who belong to one office only."),
    )


def code_field(model, **kwargs):
    return serializers.SlugRelatedField(slug_field="code", queryset=model.objects.all(), **kwargs)


class CountryCodeField(serializers.SlugRelatedField):
    """An ISO 3166-1 alpha-2 code, in either case."""

    def __init__(self, **kwargs):
        super().__init__(slug_field="code", queryset=Country.objects.all(), **kwargs)

    def to_internal_value(self, data):
        return super().to_internal_value(data.upper() if isinstance(data, str) else data)


class VisibleVisitorField(serializers.PrimaryKeyRelatedField):
    """A visitor id the caller may see; any other id reads as one that does not exist."""

    def __init__(self, **kwargs):
        # The queryset only tells the schema the id's type; get_queryset does the scoping.
        super().__init__(queryset=Visitor.objects.none(), **kwargs)

    def get_queryset(self):
        return visitors_visible_to(self.context["request"].user)


class ConsultationSerializer(serializers.ModelSerializer):
    office = office_field()
    counsellor = serializers.SlugRelatedField(
        slug_field="username", read_only=True, help_text=_("User name of who recorded it")
    )
    topics = code_field(
        Topic, many=True, required=False, help_text=_("Topic codes, e.g. registration")
    )
    destination = CountryCodeField(
        required=False, allow_null=True, help_text=_("ISO 3166-1 alpha-2 code, e.g. RU")
    )
    language = code_field(
        Language, required=False, allow_null=True, help_text=_("Language code, e.g. tg")
    )
    sheets = code_field(
        Sheet, many=True, required=False, help_text=_("Codes of the sheets handed over")
    )
    visitor = VisibleVisitorField(required=False, allow_null=True)

    class Meta:
        model = Consultation
        fields = [
            "id", "office", "counsellor", "channel", "started_at", "duration_minutes", "topics",
            "destination", "sex", "age_group", "stage", "language", "question", "advice",
            "sheets", "referral_made", "referral_note", "follow_up_on", "visitor", "created_at",
        ]  # fmt: skip
        read_only_fields = ["id", "counsellor", "created_at"]
        extra_kwargs = {
            "started_at": {
                "required": False,
                "help_text": _("When the consultation began; now when left out."),
            }
        }

    def create(self, validated_data):
        with service_errors_as_400():
            return record_consultation(actor=self.context["request"].user, **validated_data)


class VisitorSerializer(serializers.ModelSerializer):
    office = office_field()
    district = code_field(
        District, required=False, allow_null=True, help_text=_("District code of residence")
    )

    class Meta:
        model = Visitor
        fields = [
            "id", "office", "name", "sex", "birth_year", "age_group", "district", "phone",
            "stage", "consent_given", "created_at",
        ]  # fmt: skip
        read_only_fields = ["id", "created_at"]

    def create(self, validated_data):
        with service_errors_as_400():
            return record_visitor(actor=self.context["request"].user, **validated_data)


class EventMaterialSerializer(serializers.ModelSerializer):
    sheet = code_field(Sheet, help_text=_("Sheet code"))
    language = code_field(Language, help_text=_("Language code, e.g. tg"))

    class Meta:
        model = EventMaterial
        fields = ["sheet", "language", "quantity"]
        extra_kwargs = {"quantity": {"min_value": 1}}


class EventSerializer(serializers.ModelSerializer):
    office = office_field()
    district = code_field(
        District, required=False, allow_null=True, help_text=_("District or city code")
    )
    materials = EventMaterialSerializer(many=True, required=False)

    class Meta:
        model = OutreachEvent
        fields = [
            "id", "office", "kind", "title", "date", "district", "place", "organisers",
            "participants_female", "participants_male", "participants_total", "materials",
            "other_materials", "note", "created_at",
        ]  # fmt: skip
        read_only_fields = ["id", "created_at"]
        extra_kwargs = {
            "participants_total": {
                "help_text": _("Women and men together; counted for you when left out."),
            }
        }

    def create(self, validated_data):
        materials = [
            (row["sheet"], row["language"], row["quantity"])
            for row in validated_data.pop("materials", [])
        ]
        with service_errors_as_400():
            return record_event(
                actor=self.context["request"].user, materials=materials, **validated_data
            )
