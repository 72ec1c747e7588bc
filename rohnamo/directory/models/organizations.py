import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from rohnamo.directory.choices import OrganizationKind


class Organization(models.Model):
    """An organisation that helps migrants: an HSDS 3.0 ``organization``.

    ``office`` links a partner organisation to its Rohnamo office: the staff of that office answer
    the referrals sent to the organisation's services.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=300)
    alternate_name = models.CharField(_("other name"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(
        _("kind"), max_length=15, choices=OrganizationKind.choices, default=OrganizationKind.NGO
    )
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    office = models.ForeignKey(
        "core.Office",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="organizations",
        verbose_name=_("answered by the office"),
        help_text=_("The partner office whose staff answer referrals to this organisation."),
    )
    is_public = models.BooleanField(_("shown on the public site"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name
