"""Card sources and the column mappings remembered for them."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from rohnamo.core import audit
from rohnamo.core.choices import AuditAction
from rohnamo.core.roles import may
from rohnamo.crossings.imports.columns import COLUMNS
from rohnamo.crossings.models import CardSource


def find_source(name, *, sources=None):
    """The card source called ``name`` (in any case), or None."""
    wanted = " ".join((name or "").split()).casefold()
    if not wanted:
        return None
    # Compared here, not with ``iexact``: SQLite folds the case of Latin letters only, and
    # source names are Cyrillic. There are a few dozen sources at most.
    for source in sources if sources is not None else CardSource.objects.all():
        if source.name.casefold() == wanted:
            return source
    return None


def remember_mapping(*, actor, name, mapping):
    """Add ``mapping`` ({their header: documented column or "" to ignore it}) to the source
    called ``name``, creating the source; the next file from it is read the same way."""
    if not may(actor, "crossings.change_cardsource") or not may(actor, "crossings.add_cardsource"):
        raise PermissionDenied
    name = " ".join(name.split())
    cleaned = {
        " ".join(header.split()).lower(): column
        for header, column in mapping.items()
        if column in COLUMNS or column == ""
    }
    with transaction.atomic():
        source = find_source(name, sources=CardSource.objects.select_for_update())
        created = source is None
        if created:
            source = CardSource(name=name)
        source.mapping = {**source.mapping, **cleaned}
        source.updated_by = actor
        source.save()
        audit.record(
            actor=actor,
            action=AuditAction.CREATE if created else AuditAction.UPDATE,
            obj=source,
            fields=["mapping"],
            label=source.name,
        )
    return source
