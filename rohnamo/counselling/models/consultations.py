from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from rohnamo.core.models import OfficeOwnedModel
from rohnamo.counselling.choices import AgeGroup, Channel, Sex, VisitorStage


class Consultation(OfficeOwnedModel):
    """Advice given once to one person, in person, by phone, online or on a mobile trip.

    The visitor is optional: an anonymous walk-in still counts in the reports through the sex,
    age group and stage recorded here, which are copied from the visitor when one is linked.
    """

    counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("counsellor")
    )
    visitor = models.ForeignKey(
        "counselling.Visitor",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="consultations",
        verbose_name=_("visitor"),
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    started_at = models.DateTimeField(_("date and time"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), null=True, blank=True
    )
    topics = models.ManyToManyField(
        "knowledge.Topic", blank=True, related_name="+", verbose_name=_("topics")
    )
    destination = models.ForeignKey(
        "core.Country",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("destination country"),
    )
    sex = models.CharField(_("sex"), max_length=6, choices=Sex.choices, blank=True)
    age_group = models.CharField(_("age group"), max_length=5, choices=AgeGroup.choices, blank=True)
    stage = models.CharField(_("stage"), max_length=10, choices=VisitorStage.choices, blank=True)
    language = models.ForeignKey(
        "core.Language",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("language of the consultation"),
    )
    question = models.TextField(_("question"), blank=True)
    advice = models.TextField(_("advice given"), blank=True)
    sheets = models.ManyToManyField(
        "knowledge.Sheet", blank=True, related_name="+", verbose_name=_("sheets handed over")
    )
    referral_made = models.BooleanField(_("referred to a service"), default=False)
    referral_note = models.CharField(_("referred to"), max_length=200, blank=True)
    follow_up_on = models.DateField(_("follow up on"), null=True, blank=True)

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-started_at", "-id"]
        indexes = [
            models.Index(fields=["office", "started_at"], name="consultation_office_time_idx"),
        ]

    def __str__(self):
        return _("Consultation %(number)s") % {"number": self.pk}
