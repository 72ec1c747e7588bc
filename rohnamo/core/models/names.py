from django.db import models
from django.utils.translation import gettext_lazy as _

from rohnamo.lib.translated import localized


class TranslatedNameModel(models.Model):
    """A record named in each interface language; ``name`` reads the active one."""

    name_tg = models.CharField(_("name in Tajik"), max_length=200)
    name_ru = models.CharField(_("name in Russian"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    @property
    def name(self):
        return localized(self, "name")
