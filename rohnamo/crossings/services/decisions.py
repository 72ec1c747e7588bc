"""A statistician's verdict on a pair of cards the linkage was unsure about."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from rohnamo.core import audit
from rohnamo.core.choices import AuditAction
from rohnamo.core.roles import may
from rohnamo.crossings import trips
from rohnamo.crossings.models import Crossing, PairDecision, Person, ReviewPair
from rohnamo.crossings.services.linkage import refresh_persons


@transaction.atomic
def decide_pair(*, actor, card_a, card_b, same_person):
    """Record that ``card_a`` and ``card_b`` belong to the same person, or to two people.

    Every later linkage run obeys the decision. "Same person" joins the two persons at once;
    "different persons" splits them at the next linkage run, which re-groups their cards
    around the decision.
    """
    if not may(actor, "crossings.add_pairdecision"):
        raise PermissionDenied(_("You may not decide on linkage pairs."))
    if card_a.pk == card_b.pk:
        raise ValueError(_("A card cannot be compared with itself."))
    card_a, card_b = sorted((card_a, card_b), key=lambda card: card.pk)
    decision, created = PairDecision.objects.update_or_create(
        card_a=card_a,
        card_b=card_b,
        defaults={"same_person": same_person, "decided_by": actor},
    )
    ReviewPair.objects.filter(card_a=card_a, card_b=card_b).delete()
    if same_person:
        # Read the persons now: the cards in hand may predate the last linkage run.
        persons = dict(
            Crossing.objects.filter(pk__in=[card_a.pk, card_b.pk]).values_list("pk", "person_id")
        )
        _join(persons[card_a.pk], persons[card_b.pk])
    audit.record(
        actor=actor,
        action=AuditAction.MERGE if same_person else AuditAction.UPDATE,
        obj=decision,
        fields=["same_person"],
    )
    return decision


def _join(keep, other):
    """Move every card of person ``other`` to person ``keep``; the emptied person goes."""
    if keep is None or other is None or keep == other:
        return
    keep, other = min(keep, other), max(keep, other)
    Crossing.objects.filter(person_id=other).update(person_id=keep)
    Person.objects.filter(pk=other).delete()
    refresh_persons([keep])
    trips.rebuild_trips(person_ids=[keep])
