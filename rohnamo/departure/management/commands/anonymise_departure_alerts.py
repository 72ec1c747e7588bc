"""Retention of alerts: old messages lose number and text; old ended subscriptions go."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from rohnamo.departure.alerts.retention import RETENTION_DAYS, anonymise_alerts


class Command(BaseCommand):
    help = (
        "Remove the phone number and text of messages older than --days days (default 365) "
        "and delete subscriptions that ended more than --days days ago."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=RETENTION_DAYS)

    def handle(self, *args, days, **options):
        if days < 0:
            raise CommandError("--days cannot be negative.")
        with translation.override("en"):
            messages, subscriptions = anonymise_alerts(days=days)
            self.stdout.write(
                f"{messages} messages anonymised and {subscriptions} ended subscriptions "
                f"deleted (older than {days} days)."
            )
