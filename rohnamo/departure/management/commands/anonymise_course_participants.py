"""Retention: remove the names, phones and passport numbers of orientation-course participants
whose course ended more than N years ago (for cron)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from rohnamo.departure.courses.retention import DEFAULT_YEARS, anonymise_enrolments


class Command(BaseCommand):
    help = (
        "Remove name, phone and passport number of course participants whose course ended "
        "more than --years years ago (default 5); sex, birth year, district and the counts stay."
    )

    def add_arguments(self, parser):
        parser.add_argument("--years", type=int, default=DEFAULT_YEARS)

    def handle(self, *args, years, **options):
        if years < 1:
            raise CommandError("--years must be at least 1.")
        with translation.override("en"):
            count = anonymise_enrolments(years=years)
            self.stdout.write(
                f"{count} course participants of courses ended over {years} years ago anonymised."
            )
