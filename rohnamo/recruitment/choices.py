from django.db import models
from django.utils.translation import gettext_lazy as _


class LicenceStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    REVOKED = "revoked", _("Revoked")
    EXPIRED = "expired", _("Expired")


# Which status a licence may be moved to by an officer (expiry follows from the date).
LICENCE_TRANSITIONS = {
    LicenceStatus.ACTIVE: {LicenceStatus.SUSPENDED, LicenceStatus.REVOKED},
    LicenceStatus.SUSPENDED: {LicenceStatus.ACTIVE, LicenceStatus.REVOKED},
    LicenceStatus.REVOKED: set(),
    LicenceStatus.EXPIRED: set(),
}


class Sanction(models.TextChoices):
    NONE = "none", _("No sanction")
    WARNING = "warning", _("Warning")
    FINE = "fine", _("Fine")
    SUSPENSION = "suspension", _("Licence suspended")
    REVOCATION = "revocation", _("Licence revoked")


class VacancyStatus(models.TextChoices):
    DRAFT = "draft", _("Waiting for verification")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")
    CLOSED = "closed", _("Closed")


class Housing(models.TextChoices):
    PROVIDED_FREE = "free", _("Provided free")
    PROVIDED_PAID = "paid", _("Provided, paid by the worker")
    NOT_PROVIDED = "none", _("Not provided")
