"""Keeps messages in memory, for tests (like Django's ``mail.outbox``)."""

from rohnamo.departure.messaging.backends import SendFailed

# Every message "sent" in this process; tests empty it.
outbox = []
# Tests put reasons here to make the next sends fail, one reason per send.
failures = []


class LocmemBackend:
    """Appends to ``outbox``; raises ``SendFailed`` while ``failures`` holds a reason."""

    def send(self, message):
        if failures:
            raise SendFailed(failures.pop(0))
        outbox.append(message)
        return f"locmem-{len(outbox)}"
