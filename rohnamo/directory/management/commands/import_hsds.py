"""Bulk import of another organisation's directory (the Migration Service's imports)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from rohnamo.core.models import User
from rohnamo.directory.hsds.importer import import_hsds


class Command(BaseCommand):
    help = (
        "Import an HSDS 3.0 file: JSON, a zip of the CSV data package, or an unpacked package "
        "folder. Nothing is saved if any record is invalid; importing again updates records."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The HSDS file or folder.")
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Show organisations new to the directory on the public site at once.",
        )
        parser.add_argument("--user", help="Whose name the audit log gives to the changes.")

    def handle(self, *args, path, publish, user=None, **options):
        if not Path(path).exists():
            raise CommandError(f"No such file or folder: {path}")
        actor = None
        if user:
            actor = User.objects.filter(username=user, is_active=True).first()
            if actor is None:
                raise CommandError(f"No active user called {user}")
        report = import_hsds(path=path, actor=actor, publish=publish)
        for problem in report.problems:
            self.stdout.write(f"{problem.severity}: {problem}")
        if not report.saved:
            raise CommandError(report.summary())
        self.stdout.write(self.style.SUCCESS(report.summary()))
