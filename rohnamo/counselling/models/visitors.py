from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rohnamo.core.models import OfficeOwnedModel
from rohnamo.counselling.choices import AgeGroup, Sex, VisitorStage


class Visitor(OfficeOwnedModel):
    """A person who came to an office for advice, with as little personal data as serves them.

    Name and phone are kept only with the person's recorded consent. A visitor found to be the
    same person as another is merged into it (``merged_into``) and then stays only as history.
    """

    name = models.CharField(_("name"), max_length=200, blank=True)
    name_folded = models.CharField(_("name for matching"), max_length=200, editable=False)
    sex = models.CharField(_("sex"), max_length=6, choices=Sex.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    age_group = models.CharField(_("age group"), max_length=5, choices=AgeGroup.choices, blank=True)
    district = models.ForeignKey(
        "core.District",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("district of residence"),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    phone_digits = models.CharField(_("phone digits"), max_length=40, editable=False)
    stage = models.CharField(_("stage"), max_length=10, choices=VisitorStage.choices, blank=True)
    consent_given = models.BooleanField(
        _("consent to keep name and phone"),
        default=False,
        help_text=_("The visitor agreed that the centre keeps their name and phone number."),
    )
    consent_recorded_at = models.DateTimeField(_("consent recorded at"), null=True, blank=True)
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("consent recorded by"),
    )
    merged_into = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("merged into"),
    )
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    class Meta:
        verbose_name = _("visitor")
        verbose_name_plural = _("visitors")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["office", "phone_digits"], name="visitor_office_phone_idx"),
            models.Index(fields=["office", "name_folded"], name="visitor_office_name_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(consent_given=True) | (Q(name="") & Q(phone="")),
                name="visitor_personal_data_needs_consent",
            )
        ]

    def __str__(self):
        return self.name or _("Anonymous visitor %(number)s") % {"number": self.pk}
