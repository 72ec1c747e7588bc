import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from rohnamo.core.dashboard import Card
from rohnamo.counselling.queries import consultations_visible_to


def consultations_card(office, user):
    """Consultations the office gave this month, for everyone who may read them."""
    if not user.has_perm("counselling.view_consultation"):
        return None
    today = timezone.localdate()
    month_start = timezone.make_aware(datetime.datetime(today.year, today.month, 1))
    count = (
        consultations_visible_to(user).filter(office=office, started_at__gte=month_start).count()
    )
    return Card(
        title=_("consultations this month"), value=count, url=reverse("counselling:consultations")
    )
