from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from rohnamo.cases.choices import OPEN_STATUSES
from rohnamo.cases.queries import cases_visible_to
from rohnamo.core.dashboard import Card


def overdue_card(office, user):
    """Open cases of the office whose first response is late."""
    if not user.has_perm("cases.view_case"):
        return None
    late = cases_visible_to(user).filter(
        office=office,
        status__in=OPEN_STATUSES,
        first_responded_at__isnull=True,
        first_response_due__lt=timezone.now(),
    )
    return Card(title=_("cases with a late first response"), value=late.count(),
                url=reverse("cases:cases"))  # fmt: skip
