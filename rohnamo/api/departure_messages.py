"""Callbacks of the SMS gateway: replies (a "STOP" ends the alerts) and delivery reports.

Not for partners: the gateway proves itself with the shared secret
``ROHNAMO_SMS_INBOUND_SECRET`` in the ``X-Gateway-Secret`` header, compared in constant time.
Without the setting, or with a wrong secret, both answer 403 and change nothing.
"""

import hmac

from django.conf import settings
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView

from rohnamo.departure.alerts.subscriptions import unsubscribe_by_reply
from rohnamo.departure.messaging.sending import DELIVERY_STATUSES, record_delivery_status

SECRET_HEADER = "X-Gateway-Secret"


class GatewaySecret(BasePermission):
    """The request carries the configured shared secret."""

    message = "Wrong or missing gateway secret."

    def has_permission(self, request, view):
        expected = settings.ROHNAMO_SMS_INBOUND_SECRET
        given = request.headers.get(SECRET_HEADER, "")
        return bool(expected) and hmac.compare_digest(given.encode(), expected.encode())


class InboundSerializer(serializers.Serializer):
    # "from" is a Python keyword: the field is declared under another name and renamed below.
    sender = serializers.CharField(max_length=40)
    text = serializers.CharField(max_length=1000, allow_blank=True)

    def to_internal_value(self, data):
        if hasattr(data, "get") and "from" in data and "sender" not in data:
            data = {"sender": data.get("from"), "text": data.get("text", "")}
        return super().to_internal_value(data)


class DeliverySerializer(serializers.Serializer):
    id = serializers.CharField(max_length=100)
    status = serializers.ChoiceField(choices=sorted(DELIVERY_STATUSES))


class GatewayView(APIView):
    authentication_classes = []
    permission_classes = [GatewaySecret]
    throttle_classes = []


class InboundSmsView(GatewayView):
    """A message a subscriber sent back; STOP, СТОП, ЛАҒВ or ОТПИСКА ends their alerts."""

    @extend_schema(
        request=inline_serializer(
            "InboundSms", {"from": serializers.CharField(), "text": serializers.CharField()}
        ),
        responses=inline_serializer("InboundSmsAnswer", {"ended": serializers.IntegerField()}),
    )
    def post(self, request):
        serializer = InboundSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        ended = unsubscribe_by_reply(
            phone=serializer.validated_data["sender"], text=serializer.validated_data["text"]
        )
        return Response({"ended": ended})


class DeliveryStatusView(GatewayView):
    """The gateway's report on a message it took: delivered or failed."""

    @extend_schema(
        request=DeliverySerializer,
        responses=inline_serializer("DeliveryAnswer", {"known": serializers.BooleanField()}),
    )
    def post(self, request):
        serializer = DeliverySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        message = record_delivery_status(
            gateway_id=serializer.validated_data["id"],
            status=serializer.validated_data["status"],
        )
        if message is None:
            return Response({"known": False}, status=status.HTTP_404_NOT_FOUND)
        return Response({"known": True})
