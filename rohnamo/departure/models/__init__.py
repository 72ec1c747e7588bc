from rohnamo.departure.models.alerts import AlertedList, OutgoingMessage, Subscription
from rohnamo.departure.models.checklists import (
    ChecklistItem,
    ChecklistTemplate,
    PersonalChecklist,
    TickedItem,
)
from rohnamo.departure.models.courses import (
    Attendance,
    Certificate,
    Course,
    CourseSession,
    Enrolment,
)
from rohnamo.departure.models.lists import BanList, ListEntry, Lookup
from rohnamo.departure.models.partners import PartnerClient

__all__ = [
    "AlertedList",
    "OutgoingMessage",
    "Subscription",
    "ChecklistItem",
    "ChecklistTemplate",
    "PersonalChecklist",
    "TickedItem",
    "Attendance",
    "Certificate",
    "Course",
    "CourseSession",
    "Enrolment",
    "BanList",
    "ListEntry",
    "Lookup",
    "PartnerClient",
]
