from django.db import models
from django.utils.translation import gettext_lazy as _

from rohnamo.core.choices import DistrictKind
from rohnamo.core.models.names import TranslatedNameModel


class Region(TranslatedNameModel):
    """A first-level division of Tajikistan (viloyat, GBAO, DRS or the capital)."""

    code = models.SlugField(_("code"), max_length=20, unique=True)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")


class District(TranslatedNameModel):
    """A district (nohiya) or a city of regional or republican subordination."""

    region = models.ForeignKey(
        Region, models.PROTECT, related_name="districts", verbose_name=_("region")
    )
    code = models.SlugField(_("code"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=DistrictKind.choices)

    class Meta:
        verbose_name = _("district or city")
        verbose_name_plural = _("districts and cities")


class Country(TranslatedNameModel):
    """A country of ISO 3166-1."""

    code = models.CharField(_("ISO 3166-1 alpha-2 code"), max_length=2, unique=True)
    alpha3 = models.CharField(_("ISO 3166-1 alpha-3 code"), max_length=3, unique=True)
    numeric = models.CharField(_("ISO 3166-1 numeric code"), max_length=3, unique=True)

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")


class Language(TranslatedNameModel):
    """A language that content can be written in; the interface languages are in settings."""

    code = models.CharField(_("ISO 639-1 code"), max_length=8, unique=True)
    native_name = models.CharField(_("name in the language itself"), max_length=100)
    is_content_language = models.BooleanField(
        _("used for content"),
        default=False,
        help_text=_("Information sheets and other content can be written in this language."),
    )

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
