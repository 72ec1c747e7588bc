from rohnamo.cases.models.cases import Case, CaseClient, ResponseTarget
from rohnamo.cases.models.work import Attachment, CaseEntry, CaseTask, Referral

__all__ = [
    "Attachment",
    "Case",
    "CaseClient",
    "CaseEntry",
    "CaseTask",
    "Referral",
    "ResponseTarget",
]
