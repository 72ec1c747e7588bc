from rohnamo.recruitment.models.agencies import (
    Agency,
    AgencyBranch,
    AgencyName,
    Inspection,
    Licence,
    LicenceEvent,
)
from rohnamo.recruitment.models.vacancies import FeeLimit, Occupation, Vacancy

__all__ = [
    "Agency",
    "AgencyBranch",
    "AgencyName",
    "FeeLimit",
    "Inspection",
    "Licence",
    "LicenceEvent",
    "Occupation",
    "Vacancy",
]
