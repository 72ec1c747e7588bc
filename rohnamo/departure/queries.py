"""What staff may read about received lists and the log of checks. Every function checks the
permission itself: a template or view forgetting to is not a leak."""

import datetime

from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from rohnamo.core.roles import may
from rohnamo.departure.models import BanList, Lookup

# The abuse review looks at the last month; older rows stay for the record.
REVIEW_DAYS = 30
REPEATED = 20


def received_lists(user):
    """Every received version, newest first (none for a user without ``view_banlist``)."""
    if not may(user, "departure.view_banlist"):
        return BanList.objects.none()
    return BanList.objects.select_related("country", "imported_by").order_by("-received_on", "-id")


def lookup_review(user, *, days=REVIEW_DAYS):
    """Counts of checks per day and the most repeated identity hashes; never an identity.

    ``None`` for a user without ``view_lookup``.
    """
    if not may(user, "departure.view_lookup"):
        return None
    since = timezone.now() - datetime.timedelta(days=days)
    recent = Lookup.objects.filter(created_at__gte=since)
    per_day = (
        recent.annotate(day=TruncDate("created_at"))
        .values("day")
        .annotate(
            total=Count("id"),
            found=Count("id", filter=Q(found=True)),
            refused=Count("id", filter=Q(refused=True)),
        )
        .order_by("-day")
    )
    repeated = (
        recent.values("identity_hash")
        .annotate(total=Count("id"), refused=Count("id", filter=Q(refused=True)))
        .filter(total__gt=1)
        .order_by("-total", "identity_hash")[:REPEATED]
    )
    return {
        "days": days,
        "per_day": list(per_day),
        "repeated": list(repeated),
        "total": recent.count(),
    }
