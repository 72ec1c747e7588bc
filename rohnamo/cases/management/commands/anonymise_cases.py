"""Retention: anonymise cases closed longer ago than the retention period (for cron)."""

from django.core.management.base import BaseCommand, CommandError

from rohnamo.cases.retention import anonymise_closed_cases, cases_due, retention_days


class Command(BaseCommand):
    help = (
        "Anonymise cases closed more than --days days ago (default: settings.CASE_RETENTION_DAYS,"
        " five years), keeping what the reports count."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None)
        parser.add_argument("--dry-run", action="store_true", help="Only count them.")

    def handle(self, *args, days, dry_run, **options):
        if days is not None and days < 0:
            raise CommandError("--days cannot be negative.")
        days = retention_days() if days is None else days
        if dry_run:
            count = cases_due(days).count()
            self.stdout.write(f"{count} cases closed over {days} days ago would be anonymised.")
            return
        count = anonymise_closed_cases(older_than_days=days)
        self.stdout.write(f"{count} cases closed over {days} days ago anonymised.")
