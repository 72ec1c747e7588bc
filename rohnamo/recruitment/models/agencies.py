from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rohnamo.recruitment.choices import LicenceStatus, Sanction


class Agency(models.Model):
    """A private employment agency that recruits workers for jobs abroad (or at home).

    The register is national: the Migration Service keeps it and everyone may check it.
    """

    legal_name = models.CharField(_("legal name"), max_length=300)
    tax_number = models.CharField(_("tax number (INN)"), max_length=30, blank=True)
    registration_number = models.CharField(_("registration number"), max_length=60, blank=True)
    address = models.CharField(_("address"), max_length=500, blank=True)
    district = models.ForeignKey(
        "core.District",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("district or city"),
    )
    phones = models.CharField(_("phones"), max_length=300, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    countries = models.ManyToManyField(
        "core.Country", blank=True, related_name="+", verbose_name=_("countries recruited for")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("recruitment agency")
        verbose_name_plural = _("recruitment agencies")
        ordering = ["legal_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["tax_number"], condition=~Q(tax_number=""), name="agency_unique_tax_number"
            )
        ]

    def __str__(self):
        return self.legal_name


class AgencyName(models.Model):
    """A name the agency uses in adverts or used before; the public check searches them all."""

    agency = models.ForeignKey(
        Agency, models.CASCADE, related_name="names", verbose_name=_("agency")
    )
    name = models.CharField(_("name"), max_length=300)
    folded = models.CharField(_("name for matching"), max_length=300, editable=False)

    class Meta:
        verbose_name = _("other name of an agency")
        verbose_name_plural = _("other names of agencies")

    def __str__(self):
        return self.name


class AgencyBranch(models.Model):
    """An office of the agency in another town."""

    agency = models.ForeignKey(
        Agency, models.CASCADE, related_name="branches", verbose_name=_("agency")
    )
    address = models.CharField(_("address"), max_length=500)
    district = models.ForeignKey(
        "core.District",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("district or city"),
    )
    phone = models.CharField(_("phone"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("branch of an agency")
        verbose_name_plural = _("branches of agencies")

    def __str__(self):
        return self.address


class Licence(models.Model):
    """A licence to recruit. Its status changes are kept in ``LicenceEvent`` as its history;
    an agency's licences may not overlap in time."""

    agency = models.ForeignKey(
        Agency, models.CASCADE, related_name="licences", verbose_name=_("agency")
    )
    number = models.CharField(_("licence number"), max_length=60, unique=True)
    issued_on = models.DateField(_("issued on"))
    expires_on = models.DateField(_("expires on"))
    status = models.CharField(
        _("status"), max_length=10, choices=LicenceStatus.choices, default=LicenceStatus.ACTIVE
    )
    status_since = models.DateField(_("status since"))
    status_reason = models.CharField(_("reason"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("licence")
        verbose_name_plural = _("licences")
        ordering = ["-issued_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__gt=models.F("issued_on")),
                name="licence_expires_after_issue",
            )
        ]

    def __str__(self):
        return self.number


class LicenceEvent(models.Model):
    """One change of a licence's status, with who made it and why."""

    licence = models.ForeignKey(
        Licence, models.CASCADE, related_name="events", verbose_name=_("licence")
    )
    status = models.CharField(_("status"), max_length=10, choices=LicenceStatus.choices)
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    changed_on = models.DateField(_("date"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("licence status change")
        verbose_name_plural = _("licence status changes")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.licence} {self.status}"


class Inspection(models.Model):
    """An inspection of an agency by the licensing authority, with its findings and sanction."""

    agency = models.ForeignKey(
        Agency, models.CASCADE, related_name="inspections", verbose_name=_("agency")
    )
    date = models.DateField(_("date"))
    inspector = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("inspector"),
    )
    findings = models.TextField(_("findings"))
    sanction = models.CharField(
        _("sanction"), max_length=10, choices=Sanction.choices, default=Sanction.NONE
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")
        ordering = ["-date", "-id"]

    def __str__(self):
        return f"{self.agency} {self.date}"
