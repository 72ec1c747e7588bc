from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from rohnamo.core.models.names import TranslatedNameModel
from rohnamo.crossings.choices import PointKind


class CrossingPoint(TranslatedNameModel):
    """A border crossing point where migration cards are filled in.

    A point named in an import for the first time is registered unconfirmed, so its cards are not
    lost; a statistician then confirms it or corrects its names.
    """

    code = models.CharField(_("code"), max_length=20, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=PointKind.choices, blank=True)
    confirmed = models.BooleanField(_("confirmed"), default=True)

    class Meta:
        verbose_name = _("border crossing point")
        verbose_name_plural = _("border crossing points")
        ordering = ["code"]


class CardSource(models.Model):
    """Where card files come from (a crossing point's system, a regional office), with the way its
    column headers map onto the documented ones, remembered for the next file."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    mapping = models.JSONField(
        _("column mapping"),
        default=dict,
        blank=True,
        help_text=_("The header in the file, then the documented column it holds."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("updated by"),
    )

    class Meta:
        verbose_name = _("card source")
        verbose_name_plural = _("card sources")
        ordering = ["name"]

    def __str__(self):
        return self.name
