"""Close published vacancies whose closing date passed or whose agency lost its licence (cron)."""

from django.core.management.base import BaseCommand

from rohnamo.recruitment.services.vacancies import close_finished_vacancies


class Command(BaseCommand):
    help = (
        "Close published vacancies whose closing date has passed or whose agency no longer holds"
        " an active licence. Run daily."
    )

    def handle(self, *args, **options):
        count = close_finished_vacancies()
        self.stdout.write(f"{count} vacancies closed.")
