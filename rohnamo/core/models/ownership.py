from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OfficeOwnedModel(models.Model):
    """A record that belongs to the office that created it.

    Visible to that office, to managers of the offices that oversee it and to administrators:
    read it only through ``rohnamo.core.queries.scope_to_offices``.
    """

    office = models.ForeignKey(
        "core.Office", models.PROTECT, related_name="+", verbose_name=_("office")
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
        abstract = True


class RestrictedMixin(models.Model):
    """A record that may be marked restricted: every view of it is written to the audit log."""

    is_restricted = models.BooleanField(
        _("restricted"),
        default=False,
        help_text=_("Only the assigned staff, the office manager and administrators may open it."),
    )

    class Meta:
        abstract = True
