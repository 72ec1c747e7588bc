"""Record linkage of the border cards from the command line, in the foreground."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from rohnamo.crossings.choices import Engine
from rohnamo.crossings.linkage_jobs import summary
from rohnamo.crossings.services.linkage import NothingToLink, run_linkage


class Command(BaseCommand):
    help = (
        "Link the border cards into persons and trips. Review decisions taken on the review "
        "screen are kept. --new-only places only the cards that no person holds yet."
    )

    def add_arguments(self, parser):
        parser.add_argument("--engine", choices=Engine.values, default=Engine.DUCKDB)
        parser.add_argument("--new-only", action="store_true", help="Link only unlinked cards.")

    def handle(self, *args, engine, new_only, **options):
        started = time.monotonic()

        def progress(step, fraction):
            if options["verbosity"] > 1:
                self.stdout.write(f"{fraction:4.0%} {step}")

        try:
            run = run_linkage(actor=None, engine=engine, incremental=new_only, progress=progress)
        except NothingToLink as error:
            raise CommandError("There are no cards to link.") from error
        # The terminal is read by whoever runs the server: English, like the other commands.
        with translation.override("en"):
            self.stdout.write(summary(run))
        self.stdout.write(f"Done in {time.monotonic() - started:.1f} s.")
