from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rohnamo.core.models import OfficeOwnedModel
from rohnamo.core.models.names import TranslatedNameModel
from rohnamo.knowledge.choices import DistributionKind, PlaceType, Stage, VersionStatus


class Topic(TranslatedNameModel):
    """A subject of the centre's information lists (registration, work permits, ...)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["position", "code"]


class Sheet(models.Model):
    """An information sheet: one subject, written in several languages, each with its versions."""

    code = models.SlugField(
        _("address name"),
        max_length=80,
        unique=True,
        help_text=_("Latin letters, digits and hyphens; used in the sheet's web address."),
    )
    topic = models.ForeignKey(Topic, models.PROTECT, related_name="sheets", verbose_name=_("topic"))
    stage = models.CharField(_("migration stage"), max_length=10, choices=Stage.choices)
    countries = models.ManyToManyField(
        "core.Country",
        blank=True,
        related_name="+",
        verbose_name=_("destination countries"),
        help_text=_("Leave empty when the sheet applies to every country."),
    )
    related = models.ManyToManyField("self", blank=True, verbose_name=_("related sheets"))
    review_months = models.PositiveSmallIntegerField(_("check again after (months)"), default=6)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("information sheet")
        verbose_name_plural = _("information sheets")
        ordering = ["topic__position", "code"]

    def __str__(self):
        return self.code


class SheetVersion(models.Model):
    """One version of a sheet in one language. Earlier versions stay as its history.

    ``is_current`` marks the version the public reads: the newest published one of its sheet and
    language. Only one draft or in-review version per sheet and language is open at a time.
    """

    sheet = models.ForeignKey(
        Sheet, models.CASCADE, related_name="versions", verbose_name=_("sheet")
    )
    language = models.ForeignKey(
        "core.Language", models.PROTECT, related_name="+", verbose_name=_("language")
    )
    number = models.PositiveIntegerField(_("version number"))
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    body = models.TextField(_("text"), help_text=_("Markdown: # headings, - lists, [links](...)."))
    body_html = models.TextField(_("text as shown"), editable=False)
    search_text = models.TextField(_("search text"), editable=False, blank=True)
    search_title = models.CharField(_("search title"), max_length=300, editable=False, blank=True)
    # Filled on PostgreSQL only; SQLite searches search_text in Python.
    search_vector = SearchVectorField(_("search index"), null=True, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    is_current = models.BooleanField(_("shown to the public"), default=False, editable=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="+",
        verbose_name=_("author"),
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewer"),
    )
    review_note = models.TextField(_("reviewer's note"), blank=True)
    submitted_at = models.DateTimeField(_("sent for review at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    checked_on = models.DateField(_("last checked on"), null=True, blank=True)
    check_by = models.DateField(_("check again by"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("sheet version")
        verbose_name_plural = _("sheet versions")
        ordering = ["sheet", "language", "-number"]
        permissions = [("review_sheetversion", _("Can review and publish information sheets"))]
        constraints = [
            models.UniqueConstraint(
                fields=["sheet", "language", "number"], name="sheetversion_unique_number"
            ),
            models.UniqueConstraint(
                fields=["sheet", "language"],
                condition=Q(is_current=True),
                name="sheetversion_one_current",
            ),
            models.UniqueConstraint(
                fields=["sheet", "language"],
                condition=Q(status__in=["draft", "in_review"]),
                name="sheetversion_one_open",
            ),
        ]
        indexes = [models.Index(fields=["is_current", "language"], name="sheetversion_public_idx")]

    def __str__(self):
        return f"{self.sheet.code} [{self.language.code}] v{self.number}"

    @property
    def is_open(self):
        return self.status in (VersionStatus.DRAFT, VersionStatus.IN_REVIEW)


class SearchWord(models.Model):
    """A folded word that occurs in some sheet version: the dictionary typos are matched against.

    Words are added as versions are saved and never removed; a word no sheet uses any more only
    costs a row.
    """

    word = models.CharField(_("word"), max_length=60, unique=True)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self):
        return self.word


class Distribution(OfficeOwnedModel):
    """Copies of a sheet's leaflet that an office printed or handed out."""

    kind = models.CharField(_("what happened"), max_length=12, choices=DistributionKind.choices)
    sheet = models.ForeignKey(
        Sheet, models.PROTECT, related_name="distributions", verbose_name=_("sheet")
    )
    language = models.ForeignKey(
        "core.Language", models.PROTECT, related_name="+", verbose_name=_("language")
    )
    quantity = models.PositiveIntegerField(_("copies"))
    place_type = models.CharField(
        _("kind of place"), max_length=10, choices=PlaceType.choices, blank=True
    )
    district = models.ForeignKey(
        "core.District",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("district or city"),
    )
    date = models.DateField(_("date"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("leaflet distribution")
        verbose_name_plural = _("leaflet distributions")
        ordering = ["-date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gt=0), name="distribution_positive_quantity"
            )
        ]

    def __str__(self):
        return f"{self.sheet.code} [{self.language_id}] × {self.quantity}"
