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
