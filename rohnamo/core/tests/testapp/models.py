from django.db import models

from rohnamo.core.models import OfficeOwnedModel, RestrictedMixin


class Dossier(OfficeOwnedModel, RestrictedMixin):
    """Stands in for a module's personal-data record (a case, a visitor) in core's tests."""

    title = models.CharField(max_length=100)

    class Meta:
        app_label = "testapp"
