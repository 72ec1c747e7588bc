"""Exporting the audit log as CSV, as a background job."""

import csv
import io
import tempfile

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rohnamo.core import audit
from rohnamo.core.choices import AuditAction
from rohnamo.core.forms import AuditFilterForm
from rohnamo.core.jobs import job_kind
from rohnamo.core.queries import audit_entries_visible_to

COLUMNS = (
    "at",
    "actor_name",
    "action",
    "kind",
    "object_id",
    "object_label",
    "office",
    "fields",
    "ip_address",
)


@job_kind("audit_export", label=gettext_lazy("Audit log export (CSV)"))
def export_audit_log(job, progress, **filters):
    form = AuditFilterForm(data=filters)
    entries = form.filter(audit_entries_visible_to(job.started_by)).order_by("at", "id")
    progress.set_total(entries.count())
    # Spreadsheet programs read UTF-8 with a byte-order mark as UTF-8, Cyrillic included.
    with tempfile.TemporaryFile() as buffer:
        text = io.TextIOWrapper(buffer, encoding="utf-8-sig", newline="")
        _write_rows(csv.writer(text), entries, progress)
        text.flush()
        buffer.seek(0)
        with transaction.atomic():
            job.result.save(f"audit-{job.pk}.csv", File(buffer), save=True)
            audit.record(
                actor=job.started_by, action=AuditAction.EXPORT, obj=job, fields=sorted(filters)
            )
        text.detach()
    progress.log(_("%(count)d entries exported.") % {"count": job.done})


def _write_rows(writer, entries, progress):
    writer.writerow(COLUMNS)
    for entry in entries.iterator(chunk_size=2000):
        writer.writerow(
            [
                timezone.localtime(entry.at).isoformat(timespec="seconds"),
                entry.actor_name,
                entry.action,
                entry.content_type.model if entry.content_type else "",
                entry.object_id,
                entry.record,
                entry.office.code if entry.office else "",
                " ".join(entry.fields),
                entry.ip_address or "",
            ]
        )
        progress.advance()
