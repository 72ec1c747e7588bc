"""Retention: anonymise travellers not seen at the border for years (for cron)."""

from django.core.management.base import BaseCommand

from rohnamo.crossings.retention import anonymise_inactive_persons, persons_due, retention_years


class Command(BaseCommand):
    help = (
        "Blank the names and passport numbers of persons (and their cards) whose last crossing is "
        "older than CROSSINGS_RETENTION_YEARS; the statistics stay as they are."
    )

    def add_arguments(self, parser):
        parser.add_argument("--years", type=int, help="Override CROSSINGS_RETENTION_YEARS.")
        parser.add_argument("--dry-run", action="store_true", help="Only count.")

    def handle(self, *args, years=None, dry_run=False, **options):
        years = years or retention_years()
        if dry_run:
            count = persons_due(older_than_years=years).count()
            self.stdout.write(
                f"{count} persons not seen for over {years} years would be anonymised."
            )
            return
        count = anonymise_inactive_persons(older_than_years=years)
        self.stdout.write(f"{count} persons not seen for over {years} years anonymised.")
