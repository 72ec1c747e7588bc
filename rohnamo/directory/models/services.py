import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from rohnamo.directory.choices import PhoneType, ServiceStatus
from rohnamo.directory.models.organizations import Organization
from rohnamo.lib.translated import localized


class TaxonomyTerm(models.Model):
    """A category of service (HSDS ``taxonomy_term``). Rohnamo's own terms are in taxonomy
    "rohnamo"; terms of imported files keep their taxonomy's name."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    taxonomy = models.CharField(_("taxonomy"), max_length=100, default="rohnamo")
    code = models.CharField(_("code"), max_length=100)
    name_tg = models.CharField(_("name in Tajik"), max_length=200)
    name_ru = models.CharField(_("name in Russian"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("service category")
        verbose_name_plural = _("service categories")
        ordering = ["taxonomy", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["taxonomy", "code"], name="taxonomyterm_unique_code")
        ]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return localized(self, "name")


class Service(models.Model):
    """Help an organisation gives (HSDS ``service``)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization, models.CASCADE, related_name="services", verbose_name=_("organisation")
    )
    name = models.CharField(_("name"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    categories = models.ManyToManyField(
        TaxonomyTerm, blank=True, related_name="services", verbose_name=_("categories")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ServiceStatus.choices, default=ServiceStatus.ACTIVE
    )
    email = models.EmailField(_("email"), blank=True)
    url = models.URLField(_("web address"), blank=True)
    hours = models.CharField(_("opening hours"), max_length=300, blank=True)
    languages = models.ManyToManyField(
        "core.Language", blank=True, related_name="+", verbose_name=_("languages spoken")
    )
    eligibility = models.TextField(_("who can use it"), blank=True)
    cost = models.CharField(_("cost"), max_length=300, blank=True)
    locations = models.ManyToManyField(
        "directory.Location",
        through="directory.ServiceAtLocation",
        blank=True,
        related_name="services",
        verbose_name=_("locations"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} – {self.organization}"


class Location(models.Model):
    """A place where services are given, in Tajikistan (district) or abroad (country, city)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="locations",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=300, blank=True)
    # Empty only for places imported from HSDS files that give no address (virtual locations);
    # the staff form always asks for it.
    country = models.ForeignKey(
        "core.Country",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("country"),
    )
    district = models.ForeignKey(
        "core.District",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("district or city in Tajikistan"),
    )
    city = models.CharField(_("city"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=500, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )

    class Meta:
        verbose_name = _("location")
        verbose_name_plural = _("locations")

    def __str__(self):
        return self.name or self.place or "—"

    @property
    def place(self):
        """Where it is, for people: the district in Tajikistan, else "city, country"."""
        if self.district_id:
            return self.district.name
        return ", ".join(str(part) for part in (self.city, self.country) if part)


class ServiceAtLocation(models.Model):
    """A service given at a location (HSDS ``service_at_location``)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, models.CASCADE, verbose_name=_("service"))
    location = models.ForeignKey(Location, models.CASCADE, verbose_name=_("location"))

    class Meta:
        verbose_name = _("service at a location")
        verbose_name_plural = _("services at locations")
        constraints = [
            models.UniqueConstraint(fields=["service", "location"], name="serviceatlocation_unique")
        ]

    def __str__(self):
        return f"{self.service} @ {self.location}"


class Phone(models.Model):
    """A phone number or messenger of an organisation, service or location (HSDS ``phone``)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="phones",
        verbose_name=_("organisation"),
    )
    service = models.ForeignKey(
        Service,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="phones",
        verbose_name=_("service"),
    )
    location = models.ForeignKey(
        Location,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="phones",
        verbose_name=_("location"),
    )
    number = models.CharField(_("number"), max_length=60)
    extension = models.CharField(_("extension"), max_length=10, blank=True)
    kind = models.CharField(
        _("type"), max_length=10, choices=PhoneType.choices, default=PhoneType.VOICE
    )
    description = models.CharField(
        _("description"), max_length=200, blank=True, help_text=_("e.g. WhatsApp, Telegram")
    )

    class Meta:
        verbose_name = _("phone")
        verbose_name_plural = _("phones")

    def __str__(self):
        return self.number
