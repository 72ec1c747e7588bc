from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

DEFAULT_PER_HOUR = 600
DEFAULT_PER_DAY = 5000


class PartnerClient(models.Model):
    """A partner system (an airline's booking system, the border service) allowed to check the
    lists by API.

    Its token is stored only as a SHA-256 hash with a short visible prefix to tell tokens apart
    in lists; the full token is shown once, when the client is created. Each client has its own
    hourly and daily limits. A revoked client stays, so the log of its checks keeps its name.
    """

    name = models.CharField(_("partner system"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200)
    contact = models.CharField(
        _("contact"),
        max_length=300,
        blank=True,
        help_text=_("Who to call when the system misbehaves: name, phone or e-mail."),
    )
    token_prefix = models.CharField(_("token prefix"), max_length=16)
    token_hash = models.CharField(_("token (SHA-256)"), max_length=64, unique=True)
    per_hour = models.PositiveIntegerField(_("checks per hour"), default=DEFAULT_PER_HOUR)
    per_day = models.PositiveIntegerField(_("checks per day"), default=DEFAULT_PER_DAY)
    # Only partners who act on it (the border service) read why a person is listed; an airline
    # needs no more than "listed until".
    sees_reason = models.BooleanField(_("receives the reason of a listing"), default=False)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("partner system")
        verbose_name_plural = _("partner systems")
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(per_hour__gte=1, per_day__gte=models.F("per_hour")),
                name="partner_limits_sensible",
                violation_error_message=_(
                    "Allow at least one check an hour, and no fewer a day than an hour."
                ),
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.token_prefix}…)"

    @property
    def usable(self):
        """Whether the token still opens the API."""
        return self.active and self.revoked_at is None
