"""Background work of the directory: importing an HSDS file a staff member uploaded."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rohnamo.core.jobs import job_kind
from rohnamo.directory.hsds.importer import import_hsds

# The log lists this many problems; the full report is the job's result file.
LOGGED_PROBLEMS = 20


@job_kind("hsds_import", label=gettext_lazy("Directory import (HSDS)"))
def hsds_import(job, progress, *, upload, publish=False, language=None):
    """Import the uploaded file stored at ``upload`` (a name in the default storage), then
    delete it. A file with any invalid record saves nothing and the job fails with the report,
    written in the ``language`` of the person who uploaded it."""
    with translation.override(language):
        _import(job, progress, upload=upload, publish=publish)


def _import(job, progress, *, upload, publish):
    try:
        with default_storage.open(upload, "rb") as stored:
            data = stored.read()
        report = import_hsds(data=data, actor=job.started_by, publish=publish, progress=progress)
    finally:
        default_storage.delete(upload)
    for problem in report.problems[:LOGGED_PROBLEMS]:
        progress.log(str(problem))
    if len(report.problems) > LOGGED_PROBLEMS:
        progress.log(
            _("… and %(count)d more in the report.")
            % {"count": len(report.problems) - LOGGED_PROBLEMS}
        )
    if report.problems:
        job.result.save(f"hsds-import-{job.pk}-report.csv", ContentFile(report.as_csv()), save=True)
    if not report.saved:
        raise ValueError(report.summary())
    progress.log(report.summary())
