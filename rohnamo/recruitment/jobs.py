"""Background work of the recruitment register: importing an uploaded vacancy sheet."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rohnamo.core.jobs import job_kind
from rohnamo.recruitment.imports.importer import import_vacancies

# The log lists this many problems; the full report is the job's result file.
LOGGED_PROBLEMS = 20


@job_kind("vacancy_import", label=gettext_lazy("Vacancy import"))
def vacancy_import(job, progress, *, upload, language=None):
    """Import the file stored at ``upload`` (a name in the default storage), then delete it.

    Good rows become drafts; the report of the bad ones (and of those left unchanged) is the
    job's result, written in the ``language`` of the person who uploaded the file. A file whose
    header is wrong saves nothing and fails the job.
    """
    with translation.override(language):
        _import(job, progress, upload=upload)


def _import(job, progress, *, upload):
    try:
        with default_storage.open(upload, "rb") as stored:
            data = stored.read()
        report = import_vacancies(data=data, actor=job.started_by, progress=progress)
    finally:
        default_storage.delete(upload)
    for problem in [*report.problems, *report.notes][:LOGGED_PROBLEMS]:
        progress.log(str(problem))
    hidden = len(report.problems) + len(report.notes) - LOGGED_PROBLEMS
    if hidden > 0:
        progress.log(_("… and %(count)d more in the report.") % {"count": hidden})
    if report.has_report:
        content = ContentFile(report.as_csv().encode("utf-8"))
        job.result.save(f"vacancy-import-{job.pk}-report.csv", content, save=True)
    if report.file_problems:
        raise ValueError(report.summary())
    progress.log(report.summary())
