"""Send the queued alert messages (for cron or a worker; the sending job does the same)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from rohnamo.departure.messaging.sending import send_queued


class Command(BaseCommand):
    help = "Send queued pre-departure messages through ROHNAMO_MESSAGE_BACKEND."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=None, help="Send at most this many.")

    def handle(self, *args, limit, **options):
        if limit is not None and limit < 1:
            raise CommandError("--limit must be at least 1.")
        with translation.override("en"):
            report = send_queued(limit=limit)
            self.stdout.write(str(report))
