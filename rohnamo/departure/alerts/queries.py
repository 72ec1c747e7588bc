"""What staff may read of the alerts: the outbox and counts, never a whole phone number.

Every function checks the permission itself (``departure.view_outgoingmessage``).
"""

from django.db.models import Count

from rohnamo.core.roles import may
from rohnamo.departure.alerts.choices import MessageStatus
from rohnamo.departure.models import OutgoingMessage, Subscription

VIEW_OUTBOX = "departure.view_outgoingmessage"


def outbox(user, *, status=None):
    """Messages newest first, optionally of one status (none without the permission)."""
    if not may(user, VIEW_OUTBOX):
        return OutgoingMessage.objects.none()
    messages = OutgoingMessage.objects.order_by("-created_at", "-id")
    if status in MessageStatus.values:
        messages = messages.filter(status=status)
    return messages


def outbox_summary(user):
    """Counts per status (every status, zeros included) and active subscriptions; or None."""
    if not may(user, VIEW_OUTBOX):
        return None
    counts = dict(
        OutgoingMessage.objects.order_by()
        .values_list("status")
        .annotate(total=Count("id"))
        .values_list("status", "total")
    )
    return {
        "per_status": [
            (status, label, counts.get(status, 0)) for status, label in MessageStatus.choices
        ],
        "active_subscriptions": Subscription.objects.filter(ended_at__isnull=True).count(),
    }
