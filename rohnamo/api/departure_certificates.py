"""Verifying an orientation-course certificate from a partner's system (an employer, an agency,
a border post): public, read-only, throttled so codes cannot be enumerated.

The answer says only what the public page says: genuine or revoked, the holder's masked name,
the course, destination, centre and dates; never birth year, phone or district.
"""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from rohnamo.departure.courses.certificates import describe, find_certificate
from rohnamo.lib.translated import localized


class CertificateAnonThrottle(AnonRateThrottle):
    scope = "certificate_anon"
    rate = "60/hour"


class CertificateUserThrottle(UserRateThrottle):
    scope = "certificate_user"
    rate = "600/hour"


class CertificateCheckSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="As printed: XXXX-XXXX-XXXX.")
    status = serializers.ChoiceField(choices=["genuine", "revoked"])
    holder = serializers.CharField(
        help_text="Masked: first and last letter of each word; empty once the name was removed."
    )
    course = serializers.CharField()
    destination = serializers.CharField(help_text="ISO 3166-1 alpha-2 code.")
    centre = serializers.CharField()
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    issued_on = serializers.DateField()
    revoked_on = serializers.DateField(allow_null=True)


class CertificateCheckViewSet(viewsets.ViewSet):
    """Is this orientation-course certificate genuine? Codes are compared case-insensitively,
    spaces and dashes ignored."""

    permission_classes = [AllowAny]
    throttle_classes = [CertificateAnonThrottle, CertificateUserThrottle]
    lookup_field = "code"
    lookup_value_regex = "[A-Za-z0-9 -]{1,40}"

    @extend_schema(
        responses={
            200: CertificateCheckSerializer,
            404: OpenApiResponse(description="No certificate with this code."),
        }
    )
    def retrieve(self, request, code=None):
        certificate = find_certificate(code)
        if certificate is None:
            raise NotFound(_("No certificate with this code."))
        answer = describe(certificate)
        data = {
            "code": answer.code,
            "status": "genuine" if answer.genuine else "revoked",
            "holder": answer.holder,
            "course": answer.course,
            "destination": answer.destination.code,
            "centre": localized(answer.centre, "name"),
            "starts_on": answer.starts_on,
            "ends_on": answer.ends_on,
            "issued_on": answer.issued_on,
            "revoked_on": answer.revoked_on,
        }
        return Response(CertificateCheckSerializer(data).data)
