"""An HTTP SMS (or messenger) gateway: the adapter for the operator's provider.

Settings (read from the environment in ``config/settings.py``):

``ROHNAMO_MESSAGE_BACKEND=http``
    Send through this adapter (``console`` in development, ``file`` otherwise by default).
``ROHNAMO_SMS_GATEWAY_URL``
    Where each message is POSTed, e.g. ``https://sms.example.tj/api/send``.
``ROHNAMO_SMS_GATEWAY_TOKEN``
    Sent as ``Authorization: Bearer <token>``; leave empty if the gateway needs none.
``ROHNAMO_SMS_GATEWAY_TIMEOUT``
    Seconds to wait for the gateway (default 10).
``ROHNAMO_SMS_INBOUND_SECRET``
    The shared secret the gateway sends back in the ``X-Gateway-Secret`` header when it calls
    ``POST /api/v1/departure/inbound-sms/`` (a reply: ``{"from": "+992…", "text": "STOP"}``)
    and ``POST /api/v1/departure/delivery-status/`` (``{"id": "<gateway id>", "status":
    "delivered"|"failed"}``). Without it both answer 403.

Request: ``POST`` with ``Content-Type: application/json`` and the body
``{"to": "+992901234567", "text": "…", "channel": "sms"|"messenger", "language": "tg",
"reference": "rohnamo-<message id>"}``. The reference is ours; a gateway that deduplicates on
it makes a retried send harmless.

Answer: any 2xx is success; the gateway's message id is read from the JSON fields ``id``,
``message_id`` or ``messageId`` (kept on the message, so a delivery report can find it). Any
other status, a network error or a timeout is a failure: the message stays queued with the
error and is tried again by the next run, and after five attempts it is marked failed.

A provider with another shape (form fields, a query-string API) gets a subclass overriding
``payload`` and ``gateway_id``, named by its dotted path in ``ROHNAMO_MESSAGE_BACKEND``.
"""

import json
import urllib.error
import urllib.request

from django.conf import settings

from rohnamo.departure.messaging.backends import SendFailed


class HttpBackend:
    """POSTs each message as JSON to ``ROHNAMO_SMS_GATEWAY_URL``."""

    def __init__(self, *, url=None, token=None, timeout=None):
        self.url = url or settings.ROHNAMO_SMS_GATEWAY_URL
        self.token = settings.ROHNAMO_SMS_GATEWAY_TOKEN if token is None else token
        self.timeout = timeout or settings.ROHNAMO_SMS_GATEWAY_TIMEOUT

    def payload(self, message):
        return {
            "to": message.recipient,
            "text": message.body,
            "channel": message.channel,
            "language": message.language,
            "reference": f"rohnamo-{message.id}",
        }

    def gateway_id(self, answer):
        if not isinstance(answer, dict):
            return ""
        for key in ("id", "message_id", "messageId"):
            if answer.get(key) not in (None, ""):
                return str(answer[key])[:100]
        return ""

    def send(self, message):
        if not self.url:
            raise SendFailed("ROHNAMO_SMS_GATEWAY_URL is not set")
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        request = urllib.request.Request(
            self.url,
            data=json.dumps(self.payload(message)).encode("utf-8"),
            headers=headers,
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - the operator's URL
                content = response.read(64 * 1024)
        except urllib.error.HTTPError as error:
            detail = error.read(300).decode("utf-8", "replace")
            raise SendFailed(f"gateway answered {error.code}: {detail}".strip()) from error
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise SendFailed(f"gateway unreachable: {error}") from error
        try:
            answer = json.loads(content or b"{}")
        except ValueError:
            answer = {}
        return self.gateway_id(answer)
