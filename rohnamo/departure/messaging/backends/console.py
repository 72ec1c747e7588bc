"""Prints each message to standard output: for development (the default when DEBUG is on)."""

import sys


class ConsoleBackend:
    """Writes the message to stdout and reports it sent."""

    def send(self, message):
        sys.stdout.write(
            f"--- {message.channel} to {message.recipient} ({message.language}), "
            f"message #{message.id}\n{message.body}\n"
        )
        sys.stdout.flush()
        return f"console-{message.id}"
