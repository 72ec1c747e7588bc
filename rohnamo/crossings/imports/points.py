"""Confirming a crossing point that an import registered from a name it did not know."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from rohnamo.core import audit
from rohnamo.core.choices import AuditAction
from rohnamo.core.roles import may
from rohnamo.crossings.models import CrossingPoint


def update_point(*, actor, point, name_tg, name_ru="", name_en="", kind=""):
    """Name ``point`` in the three languages, set its kind and confirm it."""
    if not may(actor, "crossings.change_crossingpoint"):
        raise PermissionDenied
    with transaction.atomic():
        point = CrossingPoint.objects.select_for_update().get(pk=point.pk)
        before = audit.snapshot(point)
        point.name_tg, point.name_ru, point.name_en = name_tg, name_ru, name_en
        point.kind = kind
        point.confirmed = True
        point.save()
        audit.record(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=point,
            fields=audit.changed_fields(before, point),
            label=point.code,
        )
    return point
