"""Importing an HSDS file: read and check every record, then save all of it or nothing."""

from django.db import DatabaseError
from django.utils.translation import gettext as _

from rohnamo.directory.hsds.plan import Planner
from rohnamo.directory.hsds.reading import read_bytes, read_path
from rohnamo.directory.hsds.report import ImportReport
from rohnamo.directory.hsds.saving import save_plan


def import_hsds(*, data=None, path=None, actor=None, publish=False, progress=None):
    """Import HSDS JSON or a CSV data package, given as ``data`` (bytes) or a ``path`` (a file or
    an unpacked package folder). Returns the ``ImportReport``; ``report.saved`` tells whether
    anything was written. Records keep their HSDS ids, so importing again updates them.
    """
    report = ImportReport()
    tables = read_path(path, report) if path is not None else read_bytes(data, report)
    # The records that passed their schema are still checked, so that one report lists every
    # problem of the file; nothing is saved if there is any.
    plan = Planner(tables, report).build()
    if report.errors:
        return report
    if progress is not None:
        progress.set_total(len(plan))
    try:
        save_plan(plan, actor=actor, publish=publish, report=report, progress=progress)
    except DatabaseError as error:
        # The transaction rolled back: nothing of the file is in the directory.
        report.counts.clear()
        report.error(
            "file", "", "$", _("The database refused the import: %(reason)s") % {"reason": error}
        )
        return report
    report.saved = True
    return report
