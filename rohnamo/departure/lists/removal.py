"""Deleting a received version (imported by mistake, or the wrong file)."""

from django.db import transaction

from rohnamo.core.audit import record
from rohnamo.core.choices import AuditAction


def delete_list(*, actor, ban_list):
    """Delete ``ban_list`` with its entries and report; the audit log keeps that it existed.

    The previous version of the same list answers the public check again.
    """
    with transaction.atomic():
        record(actor=actor, action=AuditAction.DELETE, obj=ban_list, label=str(ban_list))
        report = ban_list.report.name if ban_list.report else ""
        storage = ban_list.report.storage
        ban_list.delete()
        if report:
            transaction.on_commit(lambda: storage.delete(report))
