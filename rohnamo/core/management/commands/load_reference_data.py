from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from rohnamo.core.reference import load_reference_data


class Command(BaseCommand):
    help = "Create or update regions, districts, countries and languages from rohnamo/core/data/."

    def handle(self, *args, **options):
        with transaction.atomic():
            load_reference_data(apps)
        self.stdout.write(self.style.SUCCESS("Reference data is up to date."))
