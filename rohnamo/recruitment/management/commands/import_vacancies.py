"""Bulk import of vacancies from a CSV or XLSX file, as the staff upload page does it."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from rohnamo.core.models import User
from rohnamo.recruitment.imports.importer import import_vacancies


class Command(BaseCommand):
    help = (
        "Import vacancies from a CSV (UTF-8, comma or semicolon) or XLSX file with the template's "
        "header row. Good rows become drafts waiting for verification; bad rows are listed and "
        "skipped; importing the same file again updates the drafts."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The CSV or XLSX file.")
        parser.add_argument(
            "--user", required=True, help="Who imports: their office owns the references."
        )
        parser.add_argument("--report", help="Write the report of skipped rows to this CSV file.")

    def handle(self, *args, path, user, report=None, **options):
        if not Path(path).is_file():
            raise CommandError(f"No such file: {path}")
        actor = User.objects.filter(username=user, is_active=True).first()
        if actor is None:
            raise CommandError(f"No active user called {user}")
        if not actor.has_perm("recruitment.add_vacancy"):
            raise CommandError(f"{user} may not add vacancies")
        result = import_vacancies(data=Path(path).read_bytes(), actor=actor)
        for problem in [*result.problems, *result.notes]:
            self.stdout.write(str(problem))
        if report and result.has_report:
            Path(report).write_text(result.as_csv(), encoding="utf-8")
        if result.file_problems:
            raise CommandError(result.summary())
        self.stdout.write(self.style.SUCCESS(result.summary()))
