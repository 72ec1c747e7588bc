from rohnamo.core.models.audit import AuditEntry
from rohnamo.core.models.geography import Country, District, Language, Region
from rohnamo.core.models.jobs import Job
from rohnamo.core.models.offices import Membership, Office
from rohnamo.core.models.ownership import OfficeOwnedModel, RestrictedMixin
from rohnamo.core.models.users import User

__all__ = [
    "AuditEntry",
    "Country",
    "District",
    "Job",
    "Language",
    "Membership",
    "Office",
    "OfficeOwnedModel",
    "Region",
    "RestrictedMixin",
    "User",
]
