"""Importing one received version of a list: all its good rows, or nothing.

The file is read with the border-card reader (CSV in UTF-8 or Windows-1251, any of the usual
separators, or XLSX). A problem with the whole file (not readable, a required column missing,
no rows, or not one good row) saves nothing and raises ``ListRefused`` with a translated
message: a version naming nobody would silently take everyone off the public answer. Rows with
problems are skipped and listed in the error report saved on the list.

Staff start it as a background job (``rohnamo.departure.lists.job``): a list from Russia names
hundreds of thousands of people. ``progress`` then counts the rows, written through
``LiveProgress`` so the job page moves while the one transaction is still open.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rohnamo.core.audit import record
from rohnamo.core.choices import AuditAction
from rohnamo.crossings.imports.files import UnreadableFile, open_cards
from rohnamo.crossings.imports.progress import LiveProgress
from rohnamo.departure.lists.columns import COLUMNS, REQUIRED
from rohnamo.departure.lists.report import RejectedRows
from rohnamo.departure.lists.rows import read_row
from rohnamo.departure.models import BanList, ListEntry

BATCH = 1000


class ListRefused(ValidationError):
    """The file as a whole cannot be imported; nothing was saved."""


def column_positions(header):
    """{documented column: its index in ``header``}; header cells compare case-insensitively."""
    positions = {}
    for index, cell in enumerate(header):
        name = cell.strip().lower().lstrip("\ufeff")
        if name in COLUMNS and name not in positions:
            positions[name] = index
    return positions


def import_list(*, path, file_name, actor, country, kind, name, received_on, progress=None):
    """Import the list file at ``path`` as a new version; returns the saved ``BanList``.

    One transaction: on ``ListRefused`` (or any error) nothing of this file is kept.
    """
    today = timezone.localdate()
    try:
        with open_cards(path) as table:
            if progress is not None and table.header:
                progress.set_total(table.count_rows())
            with LiveProgress(progress) as live, transaction.atomic():
                return _import_rows(
                    table,
                    live,
                    today=today,
                    actor=actor,
                    country=country,
                    kind=kind,
                    name=name,
                    received_on=received_on,
                    file_name=file_name,
                )
    except UnreadableFile as error:
        raise ListRefused(str(error)) from error


def _import_rows(table, live, *, today, actor, country, kind, name, received_on, file_name):
    positions = column_positions(table.header)
    if not table.header:
        raise ListRefused(_("The file is empty; nothing was imported."))
    missing = [column for column in REQUIRED if column not in positions]
    if missing:
        raise ListRefused(
            _(
                "The file lacks the required columns %(missing)s (the first row must "
                "name the columns); nothing was imported."
            )
            % {"missing": ", ".join(missing)}
        )
    ban_list = BanList.objects.create(
        country=country,
        kind=kind,
        name=" ".join(name.split()),
        received_on=received_on,
        file_name=file_name[:255],
        imported_by=actor if actor is not None and actor.is_authenticated else None,
    )
    report = RejectedRows(table.header)
    pending, read = [], 0
    for number, cells in table.rows:
        read += 1
        if read % BATCH == 0:
            live.advance(BATCH)
        values, problems = read_row(positions, cells, today=today)
        if problems:
            report.reject(number, cells, problems)
            continue
        pending.append(ListEntry(ban_list=ban_list, row=number, **values))
        if len(pending) >= BATCH:
            ListEntry.objects.bulk_create(pending)
            ban_list.entries += len(pending)
            pending = []
    ListEntry.objects.bulk_create(pending)
    ban_list.entries += len(pending)
    if not read:
        raise ListRefused(_("The file has a header but no rows; nothing was imported."))
    if not ban_list.entries:
        raise ListRefused(
            _("No row of the file could be imported, so nothing was saved: %(problems)s")
            % {"problems": "; ".join(report.first())}
        )
    live.advance(read % BATCH)
    ban_list.rows_read, ban_list.rejected = read, len(report)
    report.save(ban_list)
    ban_list.save()
    record(actor=actor, action=AuditAction.CREATE, obj=ban_list, label=str(ban_list))
    return ban_list
