"""Retention: travellers not seen at the border for years lose their names and passports.

A person whose last crossing is older than the retention period is anonymised with all their
cards: names, patronymic, passport number, education and occupation are blanked; sex, date of
birth, district, dates, directions and countries stay, so every table counts them as before.
Linkage leaves anonymised persons and their cards as they are (there is nothing left to compare).
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from rohnamo.crossings.models import Crossing, PairDecision, Person, ReviewPair

BLANKED_ON_CARDS = {
    "surname": "",
    "given_name": "",
    "patronymic": "",
    "passport_number": "",
    "education": "",
    "occupation": "",
}


def retention_years():
    return settings.CROSSINGS_RETENTION_YEARS


def persons_due(*, older_than_years, today=None):
    """Persons not yet anonymised whose last crossing is more than ``older_than_years`` ago."""
    today = today or timezone.localdate()
    try:
        cutoff = today.replace(year=today.year - older_than_years)
    except ValueError:  # 29 February
        cutoff = today.replace(year=today.year - older_than_years, day=28)
    return Person.objects.filter(anonymised_at__isnull=True, last_crossing__lt=cutoff)


@transaction.atomic
def anonymise_inactive_persons(*, older_than_years, today=None):
    """Anonymise the persons due and their cards; returns how many persons."""
    due = persons_due(older_than_years=older_than_years, today=today)
    ids = list(due.values_list("pk", flat=True))
    for start in range(0, len(ids), 5_000):
        chunk = ids[start : start + 5_000]
        cards = Crossing.objects.filter(person_id__in=chunk)
        ReviewPair.objects.filter(card_a__in=cards).delete()
        ReviewPair.objects.filter(card_b__in=cards).delete()
        PairDecision.objects.filter(card_a__in=cards).delete()
        PairDecision.objects.filter(card_b__in=cards).delete()
        cards.update(**BLANKED_ON_CARDS)
        Person.objects.filter(pk__in=chunk).update(
            surname="", given_name="", patronymic="", anonymised_at=timezone.now()
        )
    return len(ids)


def linkable_cards():
    """The cards linkage compares: those of persons not anonymised, and unlinked ones."""
    return Crossing.objects.filter(person__anonymised_at__isnull=True)
