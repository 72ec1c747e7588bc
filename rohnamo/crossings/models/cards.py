from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from rohnamo.crossings.choices import BatchStatus, Direction, Purpose, Sex


class ImportBatch(models.Model):
    """One uploaded file of migration cards. Rolling it back removes exactly the cards it added."""

    file_name = models.CharField(_("file name"), max_length=255)
    source = models.ForeignKey(
        "crossings.CardSource",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="batches",
        verbose_name=_("source"),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=12, choices=BatchStatus.choices, default=BatchStatus.IMPORTING
    )
    rows_read = models.PositiveIntegerField(_("rows read"), default=0)
    imported = models.PositiveIntegerField(_("cards imported"), default=0)
    rejected = models.PositiveIntegerField(_("rows rejected"), default=0)
    duplicates = models.PositiveIntegerField(_("duplicate cards"), default=0)
    warnings = models.PositiveIntegerField(_("cards with warnings"), default=0)
    report = models.FileField(_("error report"), upload_to="crossings/reports/", blank=True)
    job = models.ForeignKey(
        "core.Job",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("background job"),
    )
    rolled_back_at = models.DateTimeField(_("rolled back at"), null=True, blank=True)
    rolled_back_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("rolled back by"),
    )

    class Meta:
        verbose_name = _("card import")
        verbose_name_plural = _("card imports")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.file_name


class Crossing(models.Model):
    """One migration card: a single crossing of the border by one traveller.

    Only the card number, crossing point, direction and date are certain; every other field may
    be blank when the card was unreadable. ``person`` is set by record linkage.
    """

    batch = models.ForeignKey(
        ImportBatch, models.CASCADE, related_name="crossings", verbose_name=_("import")
    )
    crossing_point = models.ForeignKey(
        "crossings.CrossingPoint",
        models.PROTECT,
        related_name="crossings",
        verbose_name=_("crossing point"),
    )
    card_number = models.CharField(_("card number"), max_length=40)
    direction = models.CharField(_("direction"), max_length=5, choices=Direction.choices)
    crossing_date = models.DateField(_("date of crossing"))
    surname = models.CharField(_("surname"), max_length=100, blank=True)
    given_name = models.CharField(_("given name"), max_length=100, blank=True)
    patronymic = models.CharField(_("patronymic"), max_length=100, blank=True)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    passport_number = models.CharField(_("passport number"), max_length=20, blank=True)
    citizenship = models.ForeignKey(
        "core.Country",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("citizenship"),
    )
    residence_district = models.ForeignKey(
        "core.District",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("district of residence"),
    )
    country = models.ForeignKey(
        "core.Country",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("country of destination or arrival"),
    )
    purpose = models.CharField(
        _("purpose of travel"), max_length=10, choices=Purpose.choices, blank=True
    )
    education = models.CharField(_("education"), max_length=100, blank=True)
    occupation = models.CharField(_("occupation"), max_length=200, blank=True)
    person = models.ForeignKey(
        "crossings.Person",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="crossings",
        verbose_name=_("person"),
    )

    class Meta:
        verbose_name = _("border crossing")
        verbose_name_plural = _("border crossings")
        constraints = [
            models.UniqueConstraint(
                fields=["crossing_point", "card_number", "crossing_date"], name="one_card_per_key"
            )
        ]
        indexes = [
            models.Index(fields=["direction", "crossing_date"], name="crossing_dir_date"),
            # Lets PostgreSQL count a quarter's cards by country, sex and person from the index
            # alone (INCLUDE is PostgreSQL's; other databases skip this index).
            models.Index(
                fields=["crossing_date", "direction"],
                include=["country", "person", "sex"],
                name="crossing_date_dir_cover",
            ),
        ]
        permissions = [
            ("link_crossing", _("Can run record linkage of migration cards")),
            ("view_statistics", _("Can see migration statistics")),
        ]

    def __str__(self):
        return f"{self.card_number} ({self.crossing_date:%Y-%m-%d})"
