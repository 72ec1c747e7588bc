"""Writing the audit log. Call these inside the transaction of the change they describe."""

from django.contrib.contenttypes.models import ContentType

from rohnamo.core.choices import AuditAction
from rohnamo.core.models import AuditEntry, Office
from rohnamo.core.request_context import current_ip


def record(*, actor, action, obj=None, fields=(), office=None, label=""):
    """Write one audit entry about ``obj``; ``fields`` names what changed, never values.

    ``label`` may name the record for people (a case's tracking code); never personal data.
    """
    if office is None and obj is not None:
        office = obj if isinstance(obj, Office) else getattr(obj, "office", None)
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        actor_name=actor.get_username() if actor is not None and actor.is_authenticated else "",
        action=action,
        content_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=str(obj.pk) if obj is not None else "",
        object_label=label[:200],
        office=office,
        fields=sorted(fields),
        ip_address=current_ip.get(),
    )


def record_view(*, actor, obj):
    """Log a view of a restricted record. Unrestricted records are not logged on view."""
    if getattr(obj, "is_restricted", False):
        record(actor=actor, action=AuditAction.VIEW, obj=obj)


def _tracked_fields(obj):
    return [
        field
        for field in obj._meta.concrete_fields
        if not field.primary_key and not getattr(field, "auto_now", False)
    ]


def snapshot(obj):
    """The current values of ``obj``'s fields, to compare with after a change."""
    return {field.name: getattr(obj, field.attname) for field in _tracked_fields(obj)}


def changed_fields(before, obj):
    """Names of the fields of ``obj`` whose values differ from the ``before`` snapshot."""
    return [name for name, value in snapshot(obj).items() if before.get(name) != value]
