from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rohnamo.lib.translated import localized
from rohnamo.recruitment.choices import Housing, VacancyStatus


class Occupation(models.Model):
    """A group of the International Standard Classification of Occupations (ISCO-08), at any of
    its four levels; vacancies use unit groups (four digits)."""

    code = models.CharField(_("ISCO-08 code"), max_length=4, unique=True)
    parent = models.ForeignKey(
        "self",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("broader group"),
    )
    title_tg = models.CharField(_("title in Tajik"), max_length=300)
    title_ru = models.CharField(_("title in Russian"), max_length=300)
    title_en = models.CharField(_("title in English"), max_length=300)

    class Meta:
        verbose_name = _("occupation (ISCO-08)")
        verbose_name_plural = _("occupations (ISCO-08)")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.title}"

    @property
    def title(self):
        return localized(self, "title")


class FeeLimit(models.Model):
    """The most a worker may legally be charged for a placement, set by an administrator.

    The newest row applies; older rows stay as the history of the rule.
    """

    amount = models.DecimalField(_("largest fee"), max_digits=10, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, default="TJS")
    valid_from = models.DateField(_("valid from"))
    note = models.CharField(_("legal basis"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("legal fee limit")
        verbose_name_plural = _("legal fee limits")
        ordering = ["-valid_from", "-id"]

    def __str__(self):
        return f"{self.amount} {self.currency}"


class Vacancy(models.Model):
    """A job offered through an agency. It is public only while verified, open and backed by an
    agency with an active licence (``queries.public_vacancies`` checks all three at read time, so
    a suspension hides it at once)."""

    agency = models.ForeignKey(
        "recruitment.Agency", models.PROTECT, related_name="vacancies", verbose_name=_("agency")
    )
    employer = models.CharField(_("employer"), max_length=300)
    country = models.ForeignKey(
        "core.Country", models.PROTECT, related_name="+", verbose_name=_("country")
    )
    city = models.CharField(_("city"), max_length=200, blank=True)
    occupation = models.ForeignKey(
        Occupation, models.PROTECT, related_name="vacancies", verbose_name=_("occupation")
    )
    title = models.CharField(_("job title"), max_length=300)
    workers = models.PositiveIntegerField(_("workers needed"), default=1)
    wage = models.DecimalField(_("monthly wage"), max_digits=12, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3)
    hours = models.CharField(_("working hours"), max_length=200, blank=True)
    housing = models.CharField(
        _("housing"), max_length=5, choices=Housing.choices, default=Housing.NOT_PROVIDED
    )
    contract_months = models.PositiveSmallIntegerField(_("contract length (months)"))
    requirements = models.TextField(
        _("requirements"), blank=True, help_text=_("Language, skills, certificates.")
    )
    worker_fee = models.DecimalField(
        _("fee the worker pays"), max_digits=10, decimal_places=2, default=0
    )
    fee_currency = models.CharField(_("fee currency"), max_length=3, default="TJS")
    closes_on = models.DateField(_("closing date"))
    status = models.CharField(
        _("status"), max_length=10, choices=VacancyStatus.choices, default=VacancyStatus.DRAFT
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verified by"),
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    status_reason = models.CharField(_("reason"), max_length=500, blank=True)
    import_key = models.CharField(
        _("import key"),
        max_length=64,
        blank=True,
        editable=False,
        help_text=_("The source's own reference, so that importing the same file again updates."),
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
        verbose_name = _("vacancy")
        verbose_name_plural = _("vacancies")
        ordering = ["-created_at", "-id"]
        permissions = [("verify_vacancy", _("Can verify and publish vacancies"))]
        indexes = [
            models.Index(fields=["status", "closes_on"], name="vacancy_public_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["import_key"], condition=~Q(import_key=""), name="vacancy_unique_import"
            )
        ]

    def __str__(self):
        return f"{self.title} – {self.employer}"
