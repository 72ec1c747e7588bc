from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DepartureConfig(AppConfig):
    name = "rohnamo.departure"
    label = "departure"
    verbose_name = _("Before departure")

    def ready(self):
        from rohnamo.core.demo import add_demo_loader
        from rohnamo.departure import (
            jobs,  # noqa: F401 - registers the job that sends alert messages
            menu,
        )
        from rohnamo.departure.demo.alerts import load_demo_alerts
        from rohnamo.departure.demo.checklists import load_demo_checklists
        from rohnamo.departure.demo.courses import load_demo_courses
        from rohnamo.departure.demo.lists import load_demo_lists
        from rohnamo.departure.lists import job  # noqa: F401 - registers the list import job

        menu.register()
        add_demo_loader(load_demo_lists)
        add_demo_loader(load_demo_alerts)
        add_demo_loader(load_demo_checklists)
        add_demo_loader(load_demo_courses)
