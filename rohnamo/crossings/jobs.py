"""Background work of the statistics module: importing an uploaded file of border cards."""

from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rohnamo.core.jobs import job_kind
from rohnamo.crossings.choices import BatchStatus
from rohnamo.crossings.imports.importer import import_cards
from rohnamo.crossings.imports.report import failure_messages
from rohnamo.crossings.models import CardSource


@job_kind("crossing_import", label=gettext_lazy("Border card import"))
def crossing_import(job, progress, *, upload, file_name, source=None, language=None):
    """Import the card file stored at ``upload`` (a name in the default storage), then delete it.

    The batch, its counts and its report (in the ``language`` of the person who uploaded the
    file) are on the import's page; a file that cannot be imported fails the job with the reason.
    """
    card_source = CardSource.objects.filter(pk=source).first() if source else None
    with translation.override(language):
        try:
            batch = import_cards(
                path=default_storage.path(upload),
                file_name=file_name,
                actor=job.started_by,
                source=card_source,
                progress=progress,
            )
        finally:
            default_storage.delete(upload)
        # The job page shows this log; the import's own page has the counts and the report.
        progress.log(
            _("The import's page: %(url)s")
            % {"url": reverse("crossings:import_detail", args=[batch.pk])}
        )
        if batch.status == BatchStatus.FAILED:
            raise ValueError(" ".join(failure_messages(batch)))
