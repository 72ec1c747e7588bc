from django.db import models
from django.utils.translation import gettext_lazy as _


class ListKind(models.TextChoices):
    ENTRY_BAN = "entry_ban", _("Entry ban")
    CONTROLLED = "controlled", _("Controlled persons")


class LookupBy(models.TextChoices):
    PASSPORT = "passport", _("Passport number and date of birth")
    NAME = "name", _("Full name and date of birth")


class Channel(models.TextChoices):
    WEB = "web", _("Public site")
    API = "api", _("Partner API")


class ChecklistPurpose(models.TextChoices):
    """Why a person travels: each destination has one pre-departure checklist per purpose."""

    WORK_CONSTRUCTION = "work_construction", _("Work in construction")
    WORK_AGRICULTURE = "work_agriculture", _("Work in agriculture")
    WORK_SERVICES = "work_services", _("Work in services or trade")
    WORK_DRIVER = "work_driver", _("Work as a driver")
    WORK_OTHER = "work_other", _("Other work")
    STUDY = "study", _("Study")
    FAMILY_VISIT = "family_visit", _("Family visit")


class ChecklistTool(models.TextChoices):
    """The public Rohnamo tools a checklist item can send people to (URL names of ``portal``)."""

    TRAVEL_CHECK = "travel_check", _("Entry-ban check")
    AGENCIES = "agencies", _("Agency licence check")
    COURSES = "courses", _("Orientation courses")
    HELP = "help", _("Directory of help")
    OFFICES = "offices", _("Offices and hotlines")
