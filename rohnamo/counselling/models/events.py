from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from rohnamo.core.models import OfficeOwnedModel
from rohnamo.counselling.choices import EventKind


class OutreachEvent(OfficeOwnedModel):
    """An information session, mobile trip, training, broadcast or fair an office ran."""

    kind = models.CharField(_("type"), max_length=12, choices=EventKind.choices)
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"))
    district = models.ForeignKey(
        "core.District",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("district or city"),
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    organisers = models.CharField(_("organisers"), max_length=300, blank=True)
    participants_female = models.PositiveIntegerField(_("women and girls"), default=0)
    participants_male = models.PositiveIntegerField(_("men and boys"), default=0)
    participants_total = models.PositiveIntegerField(_("participants in all"), default=0)
    other_materials = models.CharField(_("other materials handed out"), max_length=300, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("outreach event")
        verbose_name_plural = _("outreach events")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["office", "date"], name="event_office_date_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(participants_total=F("participants_female") + F("participants_male")),
                name="event_participants_add_up",
            )
        ]

    def __str__(self):
        return self.title


class EventMaterial(models.Model):
    """Copies of one sheet handed out at an event; also written to the leaflet log."""

    event = models.ForeignKey(
        OutreachEvent, models.CASCADE, related_name="materials", verbose_name=_("event")
    )
    sheet = models.ForeignKey(
        "knowledge.Sheet", models.PROTECT, related_name="+", verbose_name=_("sheet")
    )
    language = models.ForeignKey(
        "core.Language", models.PROTECT, related_name="+", verbose_name=_("language")
    )
    quantity = models.PositiveIntegerField(_("copies"))

    class Meta:
        verbose_name = _("material handed out")
        verbose_name_plural = _("materials handed out")
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gt=0), name="eventmaterial_positive")
        ]

    def __str__(self):
        return f"{self.sheet} × {self.quantity}"
