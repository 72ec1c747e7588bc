from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CrossingsConfig(AppConfig):
    name = "rohnamo.crossings"
    label = "crossings"
    verbose_name = _("Border crossings and migration statistics")

    def ready(self):
        from rohnamo.core.demo import add_demo_loader
        from rohnamo.crossings import (
            jobs,  # noqa: F401 - registers the card import job
            linkage_jobs,  # noqa: F401 - registers the linkage job
            menu,
        )
        from rohnamo.crossings.demo import load_demo_crossings

        menu.register()
        add_demo_loader(load_demo_crossings)
