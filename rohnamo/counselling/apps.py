from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CounsellingConfig(AppConfig):
    name = "rohnamo.counselling"
    label = "counselling"
    verbose_name = _("Counselling desk")

    def ready(self):
        from rohnamo.core.dashboard import add_card
        from rohnamo.core.demo import add_demo_loader
        from rohnamo.core.navigation import MenuEntry, add_menu_entry
        from rohnamo.counselling.dashboard import consultations_card
        from rohnamo.counselling.demo import load_demo_counselling
        from rohnamo.counselling.demo_questionnaire import load_demo_questionnaire

        def can(permission):
            return lambda user: user.has_perm(permission)

        for label, url_name, permission, order in [
            (_("New consultation"), "counselling:consultation_new", "add_consultation", 20),
            (_("Consultations"), "counselling:consultations", "view_consultation", 21),
            (_("Questionnaires"), "counselling:questionnaires", "view_questionnaire", 22),
            (_("Reports"), "counselling:report", "view_consultation", 23),
        ]:
            add_menu_entry(MenuEntry(label, url_name, can(f"counselling.{permission}"), order))
        add_card(consultations_card)
        add_demo_loader(load_demo_counselling)
        add_demo_loader(load_demo_questionnaire)
