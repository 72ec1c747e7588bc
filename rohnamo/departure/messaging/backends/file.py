"""Appends each message as a JSON line to ``VAR_DIR/messages/outbox.jsonl``.

For a site without a gateway yet: an operator can read (or forward) the file. It holds phone
numbers in the clear, so it lives under VAR_DIR, outside the web root, like the database.
"""

import json

from django.conf import settings
from django.utils import timezone


def outbox_path():
    return settings.VAR_DIR / "messages" / "outbox.jsonl"


class FileBackend:
    """One JSON object per line: id, channel, language, recipient, body, written_at."""

    def send(self, message):
        path = outbox_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        line = {
            "id": message.id,
            "channel": message.channel,
            "language": message.language,
            "recipient": message.recipient,
            "body": message.body,
            "written_at": timezone.now().isoformat(),
        }
        with open(path, "a", encoding="utf-8") as output:
            output.write(json.dumps(line, ensure_ascii=False) + "\n")
        return f"file-{message.id}"
