from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseKind(models.TextChoices):
    COMPLAINT = "complaint", _("Complaint")
    REQUEST = "request", _("Request for help")


class CaseCategory(models.TextChoices):
    DOCUMENTS = "documents", _("Lost or expired passport and documents")
    PERMITS = "permits", _("Registration, work permit or patent")
    UNPAID_WAGES = "wages", _("Unpaid wages")
    EXPLOITATION = "exploitation", _("Labour exploitation or forced labour")
    TRAFFICKING = "trafficking", _("Suspected trafficking")
    DETENTION = "detention", _("Detention, expulsion or entry ban")
    VIOLENCE = "violence", _("Violence or discrimination")
    DEATH = "death", _("Death abroad and repatriation of remains")
    FAMILY = "family", _("Family left behind and children")
    HEALTH = "health", _("Health")
    RECRUITMENT_FRAUD = "recruitment", _("Recruitment-agency fraud")
    OTHER = "other", _("Other")


# Categories whose cases are restricted from the moment they are opened.
RESTRICTED_CATEGORIES = {CaseCategory.TRAFFICKING, CaseCategory.VIOLENCE}


class CaseStatus(models.TextChoices):
    NEW = "new", _("New")
    ASSESSED = "assessed", _("Assessed")
    IN_PROGRESS = "in_progress", _("In progress")
    REFERRED = "referred", _("Referred")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", _("Closed")
    REOPENED = "reopened", _("Reopened")


# The workflow: which status may follow which.
TRANSITIONS = {
    CaseStatus.NEW: {CaseStatus.ASSESSED, CaseStatus.IN_PROGRESS, CaseStatus.CLOSED},
    CaseStatus.ASSESSED: {CaseStatus.IN_PROGRESS, CaseStatus.REFERRED, CaseStatus.RESOLVED},
    CaseStatus.IN_PROGRESS: {CaseStatus.REFERRED, CaseStatus.RESOLVED},
    CaseStatus.REFERRED: {CaseStatus.IN_PROGRESS, CaseStatus.RESOLVED},
    CaseStatus.RESOLVED: {CaseStatus.CLOSED, CaseStatus.REOPENED},
    CaseStatus.CLOSED: {CaseStatus.REOPENED},
    CaseStatus.REOPENED: {CaseStatus.IN_PROGRESS, CaseStatus.REFERRED, CaseStatus.RESOLVED},
}
OPEN_STATUSES = {
    CaseStatus.NEW,
    CaseStatus.ASSESSED,
    CaseStatus.IN_PROGRESS,
    CaseStatus.REFERRED,
    CaseStatus.REOPENED,
}


class Priority(models.TextChoices):
    URGENT = "urgent", _("Urgent")
    HIGH = "high", _("High")
    NORMAL = "normal", _("Normal")
    LOW = "low", _("Low")


class CaseSource(models.TextChoices):
    STAFF = "staff", _("Recorded by staff")
    PUBLIC = "public", _("Public request form")
    API = "api", _("Partner system")


class ClientRole(models.TextChoices):
    CLIENT = "client", _("The person concerned")
    FILED_BY = "filed_by", _("Filed on their behalf by")


class EntryKind(models.TextChoices):
    NOTE = "note", _("Note")
    STATUS = "status", _("Status change")
    ASSIGNMENT = "assignment", _("Assignment")
    REFERRAL = "referral", _("Referral")
    TASK = "task", _("Task")
    ATTACHMENT = "attachment", _("Document")


class SlaState(models.TextChoices):
    """How the first response stands against its due date: shown red, amber or green."""

    OVERDUE = "red", _("Overdue")
    DUE_SOON = "amber", _("Due soon")
    ON_TIME = "green", _("On time")


class ReferralStatus(models.TextChoices):
    SENT = "sent", _("Sent")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    PROVIDED = "provided", _("Service provided")
    NOT_PROVIDED = "not_provided", _("Service not provided")


REFERRAL_ANSWERS = {
    ReferralStatus.SENT: {ReferralStatus.ACCEPTED, ReferralStatus.DECLINED},
    ReferralStatus.ACCEPTED: {ReferralStatus.PROVIDED, ReferralStatus.NOT_PROVIDED},
}
