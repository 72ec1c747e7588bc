"""Rolling back an import: exactly the cards one batch added go, and the batch says so."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from rohnamo.core import audit
from rohnamo.core.choices import AuditAction
from rohnamo.core.roles import may
from rohnamo.crossings.choices import BatchStatus
from rohnamo.crossings.models import Crossing, ImportBatch, PairDecision, ReviewPair, Trip


def roll_back_batch(*, batch, actor):
    """Delete the cards ``batch`` imported, mark it rolled back and record who did it.

    A card is imported once, by the first batch that had it, so other batches' cards (even with
    the same key) stay. Persons the cards were linked to keep existing with fewer cards until the
    next linkage run tidies them; trips lose the card, review pairs and decisions about it go.
    """
    if not (may(actor, "crossings.delete_crossing") and may(actor, "crossings.change_importbatch")):
        raise PermissionDenied
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        if batch.status != BatchStatus.IMPORTED:
            raise ValidationError(_("Only an imported batch can be rolled back."))
        Trip.objects.filter(exit_crossing__batch=batch).update(exit_crossing=None)
        Trip.objects.filter(entry_crossing__batch=batch).update(entry_crossing=None)
        ReviewPair.objects.filter(Q(card_a__batch=batch) | Q(card_b__batch=batch)).delete()
        PairDecision.objects.filter(Q(card_a__batch=batch) | Q(card_b__batch=batch)).delete()
        # One DELETE statement: the ORM would load a million cards to delete them one by one.
        # What refers to the cards was handled just above.
        with connection.cursor() as cursor:
            table = connection.ops.quote_name(Crossing._meta.db_table)
            cursor.execute(f"DELETE FROM {table} WHERE batch_id = %s", [batch.pk])  # noqa: S608
        batch.status = BatchStatus.ROLLED_BACK
        batch.rolled_back_at = timezone.now()
        batch.rolled_back_by = actor
        batch.save(update_fields=["status", "rolled_back_at", "rolled_back_by"])
        audit.record(
            actor=actor,
            action=AuditAction.DELETE,
            obj=batch,
            fields=["crossings", "status"],
            label=batch.file_name,
        )
    return batch
