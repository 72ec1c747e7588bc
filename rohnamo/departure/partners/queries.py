"""What administrators read about partner systems. Each function checks the permission itself."""

from django.db.models import Count, Q
from django.utils import timezone

from rohnamo.core.roles import may
from rohnamo.departure.choices import Channel
from rohnamo.departure.models import Lookup, PartnerClient
from rohnamo.departure.partners.checks import partner_client_hash
from rohnamo.lib.collation import sort_key


def partner_clients(user):
    """Every partner system (none without ``view_partnerclient``), for ``get_object_or_404``."""
    if not may(user, "departure.view_partnerclient"):
        return PartnerClient.objects.none()
    return PartnerClient.objects.all()


def month_start(now=None):
    """Midnight of the first day of this month in the centre's time zone."""
    local = timezone.localtime(now)
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def partner_overview(user, *, now=None):
    """Partner systems in alphabetical order, each with ``calls_this_month`` and
    ``refused_this_month`` counted in one GROUP BY over the log (two queries in all)."""
    clients = list(partner_clients(user).select_related("created_by", "revoked_by"))
    if not clients:
        return []
    by_hash = {partner_client_hash(client.pk): client for client in clients}
    counts = (
        Lookup.objects.filter(
            channel=Channel.API, created_at__gte=month_start(now), client_hash__in=list(by_hash)
        )
        .values("client_hash")
        .annotate(total=Count("id"), refused=Count("id", filter=Q(refused=True)))
    )
    for client in clients:
        client.calls_this_month = client.refused_this_month = 0
    for row in counts:
        client = by_hash[row["client_hash"]]
        client.calls_this_month = row["total"]
        client.refused_this_month = row["refused"]
    return sorted(clients, key=lambda client: (not client.usable, sort_key(client.name)))
