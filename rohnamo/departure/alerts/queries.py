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


def masked_phone(phone):
    """A number people can tell apart without reading it: +992 ••• •• 45 67."""
    digits = "".join(character for character in phone or "" if character.isdigit())
    if len(digits) < 4:
        return "•••"
    country = _country_code(digits)
    masked = f"••• •• {digits[-4:-2]} {digits[-2:]}"
    return f"+{country} {masked}" if country else masked


def _country_code(digits):
    # Tajik numbers are +992 and nine digits, Russian and Kazakh +7 and ten; other countries
    # vary, so only the digits that cannot be part of a ten-digit number are shown.
    if digits.startswith("992") and len(digits) == 12:
        return "992"
    if digits.startswith("7") and len(digits) == 11:
        return "7"
    return digits[: max(len(digits) - 10, 0)]
