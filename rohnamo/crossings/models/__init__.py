from rohnamo.crossings.models.cards import Crossing, ImportBatch
from rohnamo.crossings.models.permits import WorkPermit, WorkPermitQuota
from rohnamo.crossings.models.persons import LinkageRun, PairDecision, Person, ReviewPair, Trip
from rohnamo.crossings.models.points import CardSource, CrossingPoint

__all__ = [
    "CardSource",
    "Crossing",
    "CrossingPoint",
    "ImportBatch",
    "LinkageRun",
    "PairDecision",
    "Person",
    "ReviewPair",
    "Trip",
    "WorkPermit",
    "WorkPermitQuota",
]
