from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from rohnamo.core.demo import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Load the demo offices and one user per role (idempotent). Never on a production server."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Load even when DEBUG is off (test servers only)."
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Demo users have a known password: refusing with DEBUG off (use --force)."
            )
        logins = load_demo()
        # The terminal is read by whoever installs Rohnamo: English, like the README.
        self.stdout.write(
            self.style.SUCCESS(f"Demo data loaded. Logins (password: {DEMO_PASSWORD}):")
        )
        with translation.override("en"):
            for username, role, offices in logins:
                self.stdout.write(f"  {username:<14} {role!s:<20} {offices}")
