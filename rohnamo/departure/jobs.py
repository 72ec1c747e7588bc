"""Background work of the pre-departure module: sending the outbox of alerts."""

from django.utils.translation import gettext_lazy

from rohnamo.core.jobs import job_kind
from rohnamo.departure.alerts.outbox import SEND_JOB
from rohnamo.departure.messaging.sending import send_queued


@job_kind(SEND_JOB, label=gettext_lazy("Sending alert messages"))
def send_messages(job, progress, *, limit=None):
    """Send the queued messages (queued by alerts, confirmations and unsubscriptions)."""
    report = send_queued(limit=limit)
    progress.set_total(report.sent + report.retry + report.failed)
    progress.advance(report.sent + report.retry + report.failed)
    progress.log(str(report))
