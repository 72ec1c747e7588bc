"""Putting messages in the outbox and asking the background worker to send them."""

from rohnamo.core.choices import JobStatus
from rohnamo.core.jobs import start_job
from rohnamo.core.models import Job
from rohnamo.departure.models import OutgoingMessage

SEND_JOB = "departure_send_messages"


def new_message(*, subscription, reason, body):
    """An unsaved outbox row to ``subscription``'s phone, in its channel and language."""
    return OutgoingMessage(
        subscription=subscription,
        channel=subscription.channel,
        language=subscription.language,
        recipient=subscription.phone,
        body=body,
        reason=reason,
    )


def queue_message(*, subscription, reason, body):
    """Save one queued message (callers run inside their own transaction)."""
    message = new_message(subscription=subscription, reason=reason, body=body)
    message.save()
    return message


def schedule_sending():
    """Start the sending job unless one is already waiting (call it after the commit).

    A waiting job sends everything queued when it runs, so a second one would only find
    nothing to do.
    """
    if Job.objects.filter(kind=SEND_JOB, status=JobStatus.QUEUED).exists():
        return None
    return start_job(actor=None, kind=SEND_JOB)
