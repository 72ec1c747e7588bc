from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from rohnamo.core.choices import OfficeKind
from rohnamo.core.models.geography import District
from rohnamo.core.models.names import TranslatedNameModel
from rohnamo.lib.translated import localized


class Office(TranslatedNameModel):
    """The centre in Dushanbe, a regional branch or a partner organisation.

    ``parent`` is the office that oversees this one: a manager of the parent sees its records.
    """

    code = models.SlugField(_("code"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=OfficeKind.choices)
    parent = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("overseen by"),
    )
    district = models.ForeignKey(
        District, models.PROTECT, null=True, blank=True, verbose_name=_("district or city")
    )
    address_tg = models.CharField(_("address in Tajik"), max_length=300, blank=True)
    address_ru = models.CharField(_("address in Russian"), max_length=300, blank=True)
    address_en = models.CharField(_("address in English"), max_length=300, blank=True)
    hours_tg = models.CharField(_("opening hours in Tajik"), max_length=200, blank=True)
    hours_ru = models.CharField(_("opening hours in Russian"), max_length=200, blank=True)
    hours_en = models.CharField(_("opening hours in English"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    hotline = models.CharField(_("hotline"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    is_public = models.BooleanField(_("shown on the public site"), default=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("office")
        verbose_name_plural = _("offices")

    @property
    def address(self):
        return localized(self, "address")

    @property
    def hours(self):
        return localized(self, "hours")


class Membership(models.Model):
    """A staff member's place in an office; people may work for several offices."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    office = models.ForeignKey(
        Office, models.CASCADE, related_name="memberships", verbose_name=_("office")
    )
    since = models.DateField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("office membership")
        verbose_name_plural = _("office memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "office"], name="membership_unique_user_office")
        ]

    def __str__(self):
        return f"{self.user} – {self.office}"
