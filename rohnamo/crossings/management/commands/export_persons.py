"""Which person each card belongs to, for checking the linkage outside Rohnamo."""

import csv

from django.core.management.base import BaseCommand

from rohnamo.crossings.models import Crossing


class Command(BaseCommand):
    help = "Write card_number,crossing_point,crossing_date,person_id for every card to a CSV file."

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, help="The CSV file to write.")

    def handle(self, *args, output, **options):
        rows = (
            Crossing.objects.order_by("crossing_point__code", "crossing_date", "card_number")
            .values_list("card_number", "crossing_point__code", "crossing_date", "person_id")
            .iterator(chunk_size=20_000)
        )
        count = 0
        with open(output, "w", newline="", encoding="utf-8") as file:
            writer = csv.writer(file)
            writer.writerow(["card_number", "crossing_point", "crossing_date", "person_id"])
            for card_number, point, date, person in rows:
                writer.writerow([card_number, point, date.isoformat(), person or ""])
                count += 1
        self.stdout.write(f"{count} cards written to {output}.")
