from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from rohnamo.cases.choices import (
    CaseCategory,
    CaseKind,
    CaseSource,
    CaseStatus,
    ClientRole,
    Priority,
)
from rohnamo.core.models import OfficeOwnedModel, RestrictedMixin
from rohnamo.lib.encryption import EncryptedTextField


class Case(OfficeOwnedModel, RestrictedMixin):
    """A complaint or request for help, worked by an office until it is closed.

    The narrative and the contact details are encrypted at rest. ``tracking_code`` and the hashed
    ``pin`` let the person who asked follow the status on the public site.
    """

    tracking_code = models.CharField(_("tracking code"), max_length=12, unique=True)
    pin = models.CharField(_("PIN (hashed)"), max_length=128, blank=True, editable=False)
    pin_failures = models.PositiveSmallIntegerField(_("wrong PINs in a row"), default=0)
    pin_locked_until = models.DateTimeField(_("PIN locked until"), null=True, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=CaseKind.choices)
    category = models.CharField(_("category"), max_length=15, choices=CaseCategory.choices)
    priority = models.CharField(
        _("priority"), max_length=6, choices=Priority.choices, default=Priority.NORMAL
    )
    status = models.CharField(
        _("status"), max_length=12, choices=CaseStatus.choices, default=CaseStatus.NEW
    )
    source = models.CharField(
        _("source"), max_length=6, choices=CaseSource.choices, default=CaseSource.STAFF
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assigned to"),
    )
    country = models.ForeignKey(
        "core.Country",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("country where it happened"),
    )
    city = models.CharField(_("city"), max_length=200, blank=True)
    employer = models.CharField(_("employer"), max_length=300, blank=True)
    agency = models.ForeignKey(
        "recruitment.Agency",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("recruitment agency"),
        help_text=_("The agency a complaint is about, when there is one."),
    )
    district = models.ForeignKey(
        "core.District",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("home district"),
    )
    narrative = EncryptedTextField(_("what happened"), blank=True)
    contact_name = EncryptedTextField(_("contact name"), blank=True)
    contact_phone = EncryptedTextField(_("contact phone"), blank=True)
    on_behalf_of = EncryptedTextField(
        _("filed on behalf of"),
        blank=True,
        help_text=_("Who the case is about, when a relative or an organisation filed it."),
    )
    relationship = models.CharField(_("relationship of the filer"), max_length=100, blank=True)
    public_message = models.CharField(
        _("message to the person who asked"),
        max_length=500,
        blank=True,
        help_text=_("Shown with the status on the public tracking page; no personal data."),
    )
    first_response_due = models.DateTimeField(_("first response due"))
    first_responded_at = models.DateTimeField(_("first responded at"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["office", "status"], name="case_office_status_idx"),
            models.Index(fields=["office", "created_at"], name="case_office_created_idx"),
        ]

    def __str__(self):
        return self.tracking_code


class CaseClient(models.Model):
    """A visitor a case is about, or who filed it for them."""

    case = models.ForeignKey(Case, models.CASCADE, related_name="clients", verbose_name=_("case"))
    visitor = models.ForeignKey(
        "counselling.Visitor", models.PROTECT, related_name="+", verbose_name=_("visitor")
    )
    role = models.CharField(
        _("role"), max_length=10, choices=ClientRole.choices, default=ClientRole.CLIENT
    )

    class Meta:
        verbose_name = _("client of a case")
        verbose_name_plural = _("clients of cases")
        constraints = [
            models.UniqueConstraint(fields=["case", "visitor"], name="caseclient_unique")
        ]

    def __str__(self):
        return f"{self.case} – {self.visitor}"


class ResponseTarget(models.Model):
    """Days allowed until the first response, per category and priority (administrators edit)."""

    category = models.CharField(_("category"), max_length=15, choices=CaseCategory.choices)
    priority = models.CharField(_("priority"), max_length=6, choices=Priority.choices)
    days = models.PositiveSmallIntegerField(_("days to first response"))

    class Meta:
        verbose_name = _("response target")
        verbose_name_plural = _("response targets")
        constraints = [
            models.UniqueConstraint(fields=["category", "priority"], name="responsetarget_unique")
        ]

    def __str__(self):
        return f"{self.category}/{self.priority}: {self.days}"
