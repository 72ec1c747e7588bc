from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Direction(models.TextChoices):
    EXIT = "exit", _("Departure")
    ENTRY = "entry", _("Return")


class Sex(models.TextChoices):
    MALE = "M", _("Male")
    FEMALE = "F", _("Female")


class Purpose(models.TextChoices):
    WORK = "work", pgettext_lazy("purpose of travel", "Work")
    STUDY = "study", _("Study")
    PRIVATE = "private", _("Private visit")
    TOURISM = "tourism", _("Tourism")
    BUSINESS = "business", _("Business")
    MEDICAL = "medical", _("Medical treatment")
    OFFICIAL = "official", _("Official")
    OTHER = "other", _("Other")


class PointKind(models.TextChoices):
    AIRPORT = "airport", _("Airport")
    ROAD = "road", _("Road crossing")
    RAIL = "rail", _("Railway crossing")


class BatchStatus(models.TextChoices):
    IMPORTING = "importing", _("Importing")
    IMPORTED = "imported", _("Imported")
    FAILED = "failed", _("Failed")
    ROLLED_BACK = "rolled_back", _("Rolled back")


class Engine(models.TextChoices):
    DUCKDB = "duckdb", _("DuckDB (this machine)")
    SPARK = "spark", _("Spark (a cluster)")


class Sector(models.TextChoices):
    """Sectors of the economy in which foreign citizens receive work permits."""

    CONSTRUCTION = "construction", _("Construction")
    GEOLOGY = "geology", _("Geology and mining")
    COMMUNICATIONS = "communications", _("Communications")
    INDUSTRY = "industry", _("Industry")
    ENERGY = "energy", _("Energy")
    AGRICULTURE = "agriculture", _("Agriculture")
    TRADE = "trade", _("Trade and services")
    EDUCATION = "education", _("Education and health")
    OTHER = "other", _("Other")
