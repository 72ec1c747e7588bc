from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecruitmentConfig(AppConfig):
    name = "rohnamo.recruitment"
    label = "recruitment"
    verbose_name = _("Recruitment agencies")

    def ready(self):
        from rohnamo.core.demo import add_demo_loader
        from rohnamo.core.navigation import MenuEntry, add_menu_entry
        from rohnamo.recruitment import (
            closing,  # noqa: F401 - registers the closing job
            jobs,  # noqa: F401 - registers the vacancy import job
        )
        from rohnamo.recruitment.demo import load_demo_recruitment

        def can(permission):
            return lambda user: user.has_perm(permission)

        add_menu_entry(
            MenuEntry(
                _("Agency register"), "recruitment:agencies", can("recruitment.view_agency"), 50
            )
        )
        add_menu_entry(
            MenuEntry(
                _("Vacancies to verify"),
                "recruitment:vacancies_to_verify",
                can("recruitment.verify_vacancy"),
                51,
            )
        )
        add_demo_loader(load_demo_recruitment)
