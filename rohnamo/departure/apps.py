from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DepartureConfig(AppConfig):
    name = "rohnamo.departure"
    label = "departure"
    verbose_name = _("Before departure")

    def ready(self):
        from rohnamo.departure import menu

        menu.register()
