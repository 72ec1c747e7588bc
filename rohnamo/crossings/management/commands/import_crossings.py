"""Importing a file of border cards in the foreground, as the upload page does in the background."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from rohnamo.crossings.choices import BatchStatus
from rohnamo.crossings.imports.importer import import_cards
from rohnamo.crossings.imports.report import failure_messages, summary
from rohnamo.crossings.imports.sources import find_source


class Command(BaseCommand):
    help = (
        "Import border migration cards from a CSV (UTF-8 or Windows-1251; comma, semicolon or "
        "tab) or XLSX file with the documented header. Bad rows are rejected and listed in a "
        "report; cards already imported are counted as duplicates and not saved again."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The CSV or XLSX file.")
        parser.add_argument(
            "--source", help="The card source whose remembered column mapping reads the header."
        )

    def handle(self, *args, path, source=None, **options):
        # The terminal is read by whoever runs the server: English, like the other commands.
        with translation.override("en"):
            self._import(path=path, source=source)

    def _import(self, *, path, source):
        if not Path(path).is_file():
            raise CommandError(f"No such file: {path}")
        card_source = None
        if source:
            card_source = find_source(source)
            if card_source is None:
                raise CommandError(f"No card source called {source}")
        batch = import_cards(path=path, file_name=Path(path).name, actor=None, source=card_source)
        if batch.status == BatchStatus.FAILED:
            raise CommandError(" ".join(failure_messages(batch)))
        self.stdout.write(summary(batch))
        if batch.report:
            self.stdout.write(f"Report of rejected rows and warnings: {batch.report.path}")
        self.stdout.write(f"Import #{batch.pk}")
