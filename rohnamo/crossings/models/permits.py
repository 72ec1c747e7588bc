from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from rohnamo.crossings.choices import Sector, Sex


class WorkPermitQuota(models.Model):
    """The yearly quota of work permits for foreign citizens, set by Presidential Decree."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    quota = models.PositiveIntegerField(_("quota"))
    legal_basis = models.CharField(_("legal basis"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("work permit quota")
        verbose_name_plural = _("work permit quotas")
        ordering = ["-year"]

    def __str__(self):
        return f"{self.year}: {self.quota}"


class WorkPermit(models.Model):
    """A permit for a foreign citizen to work in Tajikistan: the source of forms T-2 and 3-T."""

    permit_number = models.CharField(_("permit number"), max_length=40, unique=True)
    surname = models.CharField(_("surname"), max_length=100)
    given_name = models.CharField(_("given name"), max_length=100, blank=True)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    citizenship = models.ForeignKey(
        "core.Country", models.PROTECT, related_name="+", verbose_name=_("citizenship")
    )
    passport_number = models.CharField(_("passport number"), max_length=20, blank=True)
    employer = models.CharField(_("employer"), max_length=300)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    occupation = models.ForeignKey(
        "recruitment.Occupation",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("occupation"),
    )
    work_district = models.ForeignKey(
        "core.District",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("place of work"),
    )
    issued_on = models.DateField(_("issued on"))
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registered by"),
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("work permit")
        verbose_name_plural = _("work permits")
        ordering = ["-issued_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__gte=models.F("valid_from")),
                name="permit_valid_until_after_from",
            )
        ]

    def __str__(self):
        return self.permit_number
