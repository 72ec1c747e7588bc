from django.urls import reverse
from django.utils.translation import gettext as _

from rohnamo.core.dashboard import Card
from rohnamo.knowledge import queries


def review_card(office, user):
    """For reviewers: how many sheet versions wait for review or are past their check date."""
    if not user.has_perm("knowledge.review_sheetversion"):
        return None
    waiting = queries.versions_in_review().count()
    overdue = queries.overdue_versions().count()
    return Card(
        title=_("sheet versions to review"),
        value=waiting,
        url=reverse("knowledge:review"),
        note=_("%(count)d past their check date") % {"count": overdue} if overdue else "",
    )
