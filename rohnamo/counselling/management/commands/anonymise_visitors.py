"""Retention: remove what identifies visitors the centre has not seen for years."""

import datetime

from django.core.management.base import BaseCommand
from django.db.models import Max, Q
from django.utils import timezone

from rohnamo.counselling.models import Visitor
from rohnamo.counselling.services.visitors import anonymise_visitor


def visitors_unseen_since(cutoff):
    """Visitors still holding a name, phone or year of birth, with no consultation since."""
    identifying = Q(name__gt="") | Q(phone__gt="") | Q(birth_year__isnull=False)
    return (
        Visitor.objects.filter(identifying, merged_into__isnull=True, created_at__lt=cutoff)
        .annotate(last_seen=Max("consultations__started_at"))
        .filter(Q(last_seen__isnull=True) | Q(last_seen__lt=cutoff))
    )


class Command(BaseCommand):
    help = "Anonymise visitors with no consultation for --years years (default 5)."

    def add_arguments(self, parser):
        parser.add_argument("--years", type=int, default=5)
        parser.add_argument("--dry-run", action="store_true", help="Only count them.")

    def handle(self, *args, years, dry_run, **options):
        cutoff = timezone.now() - datetime.timedelta(days=365 * years)
        visitors = list(visitors_unseen_since(cutoff))
        if not dry_run:
            for visitor in visitors:
                anonymise_visitor(actor=None, visitor=visitor)
        verb = "would be anonymised" if dry_run else "anonymised"
        self.stdout.write(f"{len(visitors)} visitors {verb}.")
