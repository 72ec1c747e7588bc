"""Importing an uploaded list in the background, then queueing alerts for the subscribers it
names.

A list from Russia names hundreds of thousands of people: read and checked row by row, it takes
longer than a web request may. The officer watches the job page; its log links to the imported
version, or says in the officer's language why nothing was imported.
"""

import datetime

from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rohnamo.core.jobs import job_kind
from rohnamo.core.models import Country
from rohnamo.departure.alerts.queue import queue_alerts_for_list
from rohnamo.departure.lists.importer import ListRefused, import_list

UPLOAD_FOLDER = "departure/uploads"


@job_kind("departure_list_import", label=gettext_lazy("Entry-ban list import"))
def list_import(job, progress, *, upload, file_name, country, kind, name, received_on, language):
    """Import the list stored at ``upload`` (a name in the default storage), then delete it."""
    with translation.override(language):
        try:
            ban_list = import_list(
                path=default_storage.path(upload),
                file_name=file_name,
                actor=job.started_by,
                country=Country.objects.get(pk=country),
                kind=kind,
                name=name,
                received_on=datetime.date.fromisoformat(received_on),
                progress=progress,
            )
        except ListRefused as refused:
            raise ValueError(" ".join(refused.messages)) from refused
        finally:
            default_storage.delete(upload)
        progress.log(
            _("Imported %(entries)d persons; %(rejected)d rows rejected.")
            % {"entries": ban_list.entries, "rejected": ban_list.rejected}
        )
        # The import has committed: an alert never names a list that was rolled back.
        queued = queue_alerts_for_list(ban_list=ban_list, actor=job.started_by)
        progress.log(_("Alerts queued for subscribers: %(count)d") % {"count": queued})
        progress.log(
            _("The list's page: %(url)s")
            % {"url": reverse("departure:list_detail", args=[ban_list.pk])}
        )
    return ban_list
