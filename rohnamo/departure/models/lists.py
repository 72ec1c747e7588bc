from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from rohnamo.departure.choices import Channel, ListKind, LookupBy


class BanList(models.Model):
    """One received version of a list of persons another country bars or watches.

    Each import is a new version; the public check answers from the newest version of each
    list (same country, kind and name) and names its date.
    """

    country = models.ForeignKey(
        "core.Country", models.PROTECT, related_name="+", verbose_name=_("country of the list")
    )
    kind = models.CharField(_("kind of list"), max_length=12, choices=ListKind.choices)
    name = models.CharField(_("name of the list"), max_length=200)
    received_on = models.DateField(_("received on"))
    file_name = models.CharField(_("file name"), max_length=255)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("imported by"),
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    rows_read = models.PositiveIntegerField(_("rows read"), default=0)
    entries = models.PositiveIntegerField(_("persons listed"), default=0)
    rejected = models.PositiveIntegerField(_("rows rejected"), default=0)
    report = models.FileField(_("error report"), upload_to="departure/reports/", blank=True)

    class Meta:
        verbose_name = _("received list")
        verbose_name_plural = _("received lists")
        ordering = ["-received_on", "-id"]

    def __str__(self):
        return f"{self.name} ({self.received_on:%Y-%m-%d})"


class ListEntry(models.Model):
    """A person named on a received list, as the list writes them, with matching keys."""

    ban_list = models.ForeignKey(
        BanList, models.CASCADE, related_name="people", verbose_name=_("list")
    )
    row = models.PositiveIntegerField(_("row in the file"))
    surname = models.CharField(_("surname"), max_length=100)
    given_name = models.CharField(_("given name"), max_length=100, blank=True)
    patronymic = models.CharField(_("patronymic"), max_length=100, blank=True)
    birth_date = models.DateField(_("date of birth"))
    passport_number = models.CharField(_("passport number"), max_length=20, blank=True)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    listed_from = models.DateField(_("listed from"), null=True, blank=True)
    listed_until = models.DateField(_("listed until"), null=True, blank=True)
    # Normalised across Tajik Cyrillic, Russian Cyrillic and Latin, as record linkage does.
    name_key = models.CharField(_("name key"), max_length=300, db_index=True)
    passport_key = models.CharField(_("passport key"), max_length=20, blank=True, db_index=True)

    class Meta:
        verbose_name = _("listed person")
        verbose_name_plural = _("listed persons")
        indexes = [models.Index(fields=["birth_date", "name_key"], name="entry_birth_name")]

    def __str__(self):
        return " ".join(part for part in (self.surname, self.given_name) if part)


class Lookup(models.Model):
    """One check of the lists, kept for abuse review. The identity asked about is stored only
    as a keyed hash: enough to see one identity queried again and again, never to read it."""

    created_at = models.DateTimeField(_("asked at"), auto_now_add=True, db_index=True)
    channel = models.CharField(_("channel"), max_length=3, choices=Channel.choices)
    by = models.CharField(_("looked up by"), max_length=8, choices=LookupBy.choices)
    identity_hash = models.CharField(_("identity (keyed hash)"), max_length=64, db_index=True)
    client_hash = models.CharField(_("client (keyed hash)"), max_length=64, blank=True)
    found = models.BooleanField(_("found on a list"))
    refused = models.BooleanField(_("refused by the rate limit"), default=False)

    class Meta:
        verbose_name = _("list check")
        verbose_name_plural = _("list checks")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.by}"
