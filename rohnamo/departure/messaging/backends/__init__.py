"""Message backends: ``console``, ``file``, ``locmem`` (tests) and ``http`` (an SMS gateway).

A backend has ``send(message)``, which takes an ``Outgoing`` and returns the gateway's id for
it (or ''), or raises ``SendFailed`` with a reason that is kept on the message.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string

BACKENDS = {
    "console": "rohnamo.departure.messaging.backends.console.ConsoleBackend",
    "file": "rohnamo.departure.messaging.backends.file.FileBackend",
    "locmem": "rohnamo.departure.messaging.backends.locmem.LocmemBackend",
    "http": "rohnamo.departure.messaging.backends.http.HttpBackend",
}


class SendFailed(Exception):  # noqa: N818 - reads as what happened
    """The message did not leave; ``str()`` says why (kept as the message's last error)."""


@dataclass(frozen=True)
class Outgoing:
    """What a backend needs of one message: never the database row itself."""

    id: int
    channel: str
    language: str
    recipient: str
    body: str


def get_backend(name=None):
    """The backend named by ``name`` or ``settings.ROHNAMO_MESSAGE_BACKEND`` (or a dotted path)."""
    name = name or settings.ROHNAMO_MESSAGE_BACKEND
    return import_string(BACKENDS.get(name, name))()
