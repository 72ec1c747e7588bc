"""What each person may see of the statistics module: the query gatekeepers.

Card-level data (names, passports, dates of birth) is personal data of vulnerable people: only
holders of ``crossings.view_crossing`` (statisticians, administrators) get cards, batches or the
points pages; everyone else gets an empty queryset, whatever the view or template does.
"""

from rohnamo.core.roles import may
from rohnamo.crossings.models import Crossing, CrossingPoint, ImportBatch, LinkageRun, ReviewPair

CARD_FIELDS = ("crossing_point", "citizenship", "residence_district", "country")


def batches_visible_to(user):
    """Import batches, newest first, with what their list shows fetched in the same query."""
    if not may(user, "crossings.view_importbatch"):
        return ImportBatch.objects.none()
    return ImportBatch.objects.select_related("source", "uploaded_by", "rolled_back_by", "job")


def crossings_visible_to(user):
    """Border cards: personal data, for ``crossings.view_crossing`` holders only."""
    if not may(user, "crossings.view_crossing"):
        return Crossing.objects.none()
    return Crossing.objects.all()


def points_visible_to(user):
    """Crossing points, the unconfirmed ones (registered by an import) first."""
    if not may(user, "crossings.view_crossingpoint"):
        return CrossingPoint.objects.none()
    return CrossingPoint.objects.order_by("confirmed", "code")


def linkage_runs_visible_to(user):
    if not may(user, "crossings.view_linkagerun"):
        return LinkageRun.objects.none()
    return LinkageRun.objects.select_related("started_by")


def review_pairs_visible_to(user):
    """Pairs waiting for review, with both cards; they show names, so statisticians only."""
    if not (may(user, "crossings.view_reviewpair") and may(user, "crossings.view_crossing")):
        return ReviewPair.objects.none()
    related = [f"card_{side}__{field}" for side in "ab" for field in CARD_FIELDS]
    return ReviewPair.objects.select_related(*related).order_by("-probability", "id")
