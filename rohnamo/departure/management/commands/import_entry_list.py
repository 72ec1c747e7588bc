"""Importing a received entry-ban or controlled-persons list in the foreground, as the staff
page does in the background."""

import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation

from rohnamo.core.models import Country
from rohnamo.departure.alerts.queue import queue_alerts_for_list
from rohnamo.departure.choices import ListKind
from rohnamo.departure.lists.importer import ListRefused, import_list


class Command(BaseCommand):
    help = (
        "Import one received version of a list (CSV in UTF-8 or Windows-1251, or XLSX, with the "
        "documented header). All good rows or nothing; bad rows are listed in a report."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The CSV or XLSX file.")
        parser.add_argument("--country", default="RU", help="ISO code of the country (RU).")
        parser.add_argument("--kind", default=ListKind.ENTRY_BAN, choices=ListKind.values)
        parser.add_argument("--name", required=True, help="The list's name, e.g. 'Entry bans'.")
        parser.add_argument(
            "--received-on", required=True, help="The date the list was received (YYYY-MM-DD)."
        )

    def handle(self, *args, path, country, kind, name, received_on, **options):
        # The terminal is read by whoever runs the server: English, like the other commands.
        with translation.override("en"):
            if not Path(path).is_file():
                raise CommandError(f"No such file: {path}")
            found = Country.objects.filter(code=country.upper()).first()
            if found is None:
                raise CommandError(f"No country with the code {country}")
            try:
                received = datetime.date.fromisoformat(received_on)
            except ValueError as error:
                raise CommandError(f"Not a date (YYYY-MM-DD): {received_on}") from error
            if received > timezone.localdate():
                raise CommandError(f"The date received is in the future: {received_on}")
            try:
                ban_list = import_list(
                    path=path,
                    file_name=Path(path).name,
                    actor=None,
                    country=found,
                    kind=kind,
                    name=name,
                    received_on=received,
                )
            except ListRefused as refused:
                raise CommandError(" ".join(refused.messages)) from refused
            self.stdout.write(
                f"List #{ban_list.pk}: rows read {ban_list.rows_read}, persons "
                f"{ban_list.entries}, rejected {ban_list.rejected}"
            )
            queued = queue_alerts_for_list(ban_list=ban_list)
            self.stdout.write(f"Alerts queued for subscribers: {queued}")
            if ban_list.report:
                self.stdout.write(f"Report of rejected rows: {ban_list.report.path}")
