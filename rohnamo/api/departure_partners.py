"""The entry-ban list check for partner systems: an airline before it sells a ticket, the border
service at a crossing.

How a partner calls it
----------------------

The Migration Service registers the partner system at ``/staff/departure/partners/`` and hands
over its token once (``rhn_`` and 43 characters). Every call carries it::

    curl -X POST https://rohnamo.example/api/v1/departure/list-check/ \\
      -H "Authorization: Partner rhn_XXXXXXXX..." \\
      -H "Content-Type: application/json" -H "Accept-Language: ru" \\
      -d '{"birth_date": "1990-04-02", "passport_number": "401234567"}'

    {"found": true, "newest_list_received_on": "2026-01-10",
     "lists": [{"country": "RU", "kind": "entry_ban", "list_name": "Entry bans",
                "received_on": "2026-01-10", "listed_from": "2024-03-01",
                "listed_until": "2029-03-01"}]}

A person is the date of birth (``YYYY-MM-DD``, required) with the passport number, or the
surname and given name (any script: Tajik or Russian Cyrillic, or Latin), or both; a patronymic
narrows a name match. A namesake born on another day is never named. ``found: false`` with
``newest_list_received_on`` says which lists the answer rests on. The answer names only the
lists; ``reason`` is added for partners registered to receive it (the border service).

A flight's passengers go in one call, up to 100, each with the partner's own ``ref`` echoed::

    curl -X POST https://rohnamo.example/api/v1/departure/list-check/batch/ \\
      -H "Authorization: Partner rhn_XXXXXXXX..." -H "Content-Type: application/json" \\
      -d '{"people": [{"ref": "12A", "birth_date": "1990-04-02", "surname": "Khamidov",
                       "given_name": "Farrukh"}]}'

Answers: 200; 400 with the errors per field (per person in a batch) in the language of
``Accept-Language`` (tg, ru, en); 401 when the token is missing, unknown or revoked; 429 when the
partner's hourly or daily limit is used up, with ``Retry-After`` in seconds. Each person counts
once against the limits, and a batch that does not fit is refused whole. Every check is logged
with the identity as a keyed hash only.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import NotAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from rohnamo.crossings.linkage.normalise import passport_key
from rohnamo.departure.choices import ListKind
from rohnamo.departure.partners.auth import IsPartnerClient, PartnerAuthentication
from rohnamo.departure.partners.checks import PartnerLimitReached, Person, check_people

BATCH_SIZE = 100
OLDEST_BIRTH = datetime.date(1900, 1, 1)


class PartnerTokenScheme(OpenApiAuthenticationExtension):
    target_class = PartnerAuthentication
    name = "partnerToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "`Partner <token>`, the token the Migration Service issued.",
        }


class PersonSerializer(serializers.Serializer):
    """The identity asked about: the date of birth with a passport number or a full name."""

    birth_date = serializers.DateField(
        error_messages={
            "invalid": _("This date does not exist. Write it as YYYY-MM-DD, e.g. 1990-04-02.")
        }
    )
    passport_number = serializers.CharField(
        max_length=20, required=False, allow_blank=True, default=""
    )
    surname = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    given_name = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    patronymic = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")

    def validate_birth_date(self, value):
        if not OLDEST_BIRTH <= value <= timezone.localdate():
            raise serializers.ValidationError(
                _("This is not a possible date of birth: it lies in the future or before 1900.")
            )
        return value

    def validate(self, data):
        passport = data["passport_number"].strip()
        if passport and not passport_key(passport):
            raise serializers.ValidationError(
                {"passport_number": _("This passport number is too short; check it.")}
            )
        surname, given = data["surname"].strip(), data["given_name"].strip()
        if not passport and not (surname and given):
            raise serializers.ValidationError(
                _("Send the passport number, or the surname and the given name, or both.")
            )
        return data

    @staticmethod
    def to_person(data):
        return Person(
            birth_date=data["birth_date"],
            passport=data["passport_number"].strip(),
            surname=data["surname"].strip(),
            given_name=data["given_name"].strip(),
            patronymic=data["patronymic"].strip(),
        )


class BatchPersonSerializer(PersonSerializer):
    ref = serializers.CharField(
        max_length=64,
        required=False,
        allow_blank=True,
        default="",
        help_text="Your own reference for this person (a seat, a booking), sent back as is.",
    )


class BatchRequestSerializer(serializers.Serializer):
    people = BatchPersonSerializer(many=True, min_length=1, max_length=BATCH_SIZE)


class ListedOnSerializer(serializers.Serializer):
    """One list naming the person: the list and the dates, nothing about anyone else."""

    country = serializers.CharField(help_text="ISO 3166-1 alpha-2 code of the listing country.")
    kind = serializers.ChoiceField(choices=ListKind.choices)
    list_name = serializers.CharField()
    received_on = serializers.DateField(help_text="When the Migration Service received it.")
    listed_from = serializers.DateField(allow_null=True)
    listed_until = serializers.DateField(allow_null=True)
    reason = serializers.CharField(
        required=False,
        help_text="Only for partners registered to receive it (the border service).",
    )


class ListCheckAnswerSerializer(serializers.Serializer):
    found = serializers.BooleanField()
    newest_list_received_on = serializers.DateField(
        allow_null=True, help_text="The newest list the answer rests on; null if none yet."
    )
    lists = ListedOnSerializer(many=True)


class BatchAnswerItemSerializer(serializers.Serializer):
    ref = serializers.CharField()
    found = serializers.BooleanField()
    lists = ListedOnSerializer(many=True)


class BatchAnswerSerializer(serializers.Serializer):
    newest_list_received_on = serializers.DateField(allow_null=True)
    results = BatchAnswerItemSerializer(many=True)


DETAIL = inline_serializer("PartnerErrorDetail", {"detail": serializers.CharField()})
ERRORS = {
    400: OpenApiResponse(description="Errors per field, in the Accept-Language language."),
    401: OpenApiResponse(DETAIL, description="No token, an unknown or a revoked token."),
    429: OpenApiResponse(
        DETAIL, description="The partner's limit is used up; see the Retry-After header."
    ),
}
LISTED = {
    "country": "RU",
    "kind": "entry_ban",
    "list_name": "Entry bans",
    "received_on": "2026-01-10",
    "listed_from": "2024-03-01",
    "listed_until": "2029-03-01",
}


def _listed_on(finding, *, with_reason):
    listed = {
        "country": finding.country.code,
        "kind": finding.kind,
        "list_name": finding.ban_list.name,
        "received_on": finding.ban_list.received_on,
        "listed_from": finding.listed_from,
        "listed_until": finding.listed_until,
    }
    if with_reason:
        listed["reason"] = finding.entry.reason
    return listed


class PartnerCheckView(APIView):
    """Common ground of the list-check endpoints: the partner token and its limits."""

    authentication_classes = [PartnerAuthentication]
    permission_classes = [IsPartnerClient]
    # The partner's own limits apply (``check_people``), not the site-wide throttles.
    throttle_classes = []

    def permission_denied(self, request, message=None, code=None):
        if not request.successful_authenticator:
            raise NotAuthenticated(IsPartnerClient.message)
        super().permission_denied(request, message=message, code=code)

    def answer(self, request, people, shape):
        client = request.auth
        try:
            results = check_people(client=client, people=people)
        except PartnerLimitReached as refused:
            return Response(
                {"detail": refused.message},
                status=status.HTTP_429_TOO_MANY_REQUESTS,
                headers={"Retry-After": str(refused.retry_after)},
            )
        except ValidationError as error:
            return Response({"detail": " ".join(error.messages)}, status=400)
        return Response(shape(results, client.sees_reason))


class ListCheckView(PartnerCheckView):
    @extend_schema(
        operation_id="departure_list_check",
        summary="Is this person on an entry-ban list?",
        request=PersonSerializer,
        responses={200: ListCheckAnswerSerializer, **ERRORS},
        examples=[
            OpenApiExample(
                "By passport",
                {"birth_date": "1990-04-02", "passport_number": "401234567"},
                request_only=True,
            ),
            OpenApiExample(
                "By name",
                {"birth_date": "1990-04-02", "surname": "Khamidov", "given_name": "Farrukh"},
                request_only=True,
            ),
            OpenApiExample(
                "Found",
                {"found": True, "newest_list_received_on": "2026-01-10", "lists": [LISTED]},
                response_only=True,
            ),
            OpenApiExample(
                "Not found",
                {"found": False, "newest_list_received_on": "2026-01-10", "lists": []},
                response_only=True,
            ),
        ],
    )
    def post(self, request):
        asked = PersonSerializer(data=request.data)
        asked.is_valid(raise_exception=True)

        def shape(results, with_reason):
            result = results[0]
            return {
                "found": result.found,
                "newest_list_received_on": result.newest_list_on,
                "lists": [_listed_on(each, with_reason=with_reason) for each in result.findings],
            }

        return self.answer(request, [asked.to_person(asked.validated_data)], shape)


class ListCheckBatchView(PartnerCheckView):
    @extend_schema(
        operation_id="departure_list_check_batch",
        summary="Check up to 100 persons at once (a flight's passengers)",
        description="Each person counts once against the partner's limits.",
        request=BatchRequestSerializer,
        responses={200: BatchAnswerSerializer, **ERRORS},
        examples=[
            OpenApiExample(
                "Two passengers",
                {
                    "people": [
                        {"ref": "12A", "birth_date": "1990-04-02", "passport_number": "401234567"},
                        {
                            "ref": "12B",
                            "birth_date": "1987-11-23",
                            "surname": "Қодирова",
                            "given_name": "Ҷамила",
                        },
                    ]
                },
                request_only=True,
            ),
            OpenApiExample(
                "Answers",
                {
                    "newest_list_received_on": "2026-01-10",
                    "results": [
                        {"ref": "12A", "found": True, "lists": [LISTED]},
                        {"ref": "12B", "found": False, "lists": []},
                    ],
                },
                response_only=True,
            ),
        ],
    )
    def post(self, request):
        asked = BatchRequestSerializer(data=request.data)
        asked.is_valid(raise_exception=True)
        rows = asked.validated_data["people"]
        people = [BatchPersonSerializer.to_person(row) for row in rows]

        def shape(results, with_reason):
            return {
                "newest_list_received_on": max(
                    (each.newest_list_on for each in results if each.newest_list_on), default=None
                ),
                "results": [
                    {
                        "ref": row["ref"],
                        "found": result.found,
                        "lists": [
                            _listed_on(each, with_reason=with_reason) for each in result.findings
                        ],
                    }
                    for row, result in zip(rows, results, strict=True)
                ],
            }

        return self.answer(request, people, shape)
