from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    BEFORE = "before", _("Before you leave")
    ABROAD = "abroad", _("While abroad")
    RETURNING = "returning", _("Coming home")


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class DistributionKind(models.TextChoices):
    PRINTED = "printed", _("Printed")
    DISTRIBUTED = "distributed", _("Handed out")


class PlaceType(models.TextChoices):
    AIRPORT = "airport", _("Airport")
    RAILWAY = "railway", _("Railway station")
    BUS = "bus", _("Bus station")
    MARKET = "market", _("Market")
    SCHOOL = "school", _("School")
    JAMOAT = "jamoat", _("Jamoat office")
    MOBILE = "mobile", _("Mobile trip")
    OFFICE = "office", _("Our office")
