from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganizationKind(models.TextChoices):
    STATE = "state", _("State body")
    NGO = "ngo", _("NGO")
    INTERNATIONAL = "international", _("International organisation")
    PRIVATE = "private", _("Private company")
    DIASPORA = "diaspora", _("Diaspora association")
    CONSULATE = "consulate", _("Embassy or consulate")
    OMBUDSMAN = "ombudsman", _("Ombudsman")


class ServiceStatus(models.TextChoices):
    """HSDS 3.0 service statuses."""

    ACTIVE = "active", _("Active")
    INACTIVE = "inactive", _("Inactive")
    DEFUNCT = "defunct", _("Closed")
    TEMPORARILY_CLOSED = "temporarily closed", _("Temporarily closed")


class PhoneType(models.TextChoices):
    """HSDS 3.0 phone types; messengers are 'text' with the app named in the description."""

    VOICE = "voice", _("Voice")
    TEXT = "text", _("Text or messenger")
    CELL = "cell", _("Mobile")
    FAX = "fax", _("Fax")
    HOTLINE = "hotline", _("Hotline")
