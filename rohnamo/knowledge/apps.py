from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "rohnamo.knowledge"
    label = "knowledge"
    verbose_name = _("Information sheets")

    def ready(self):
        from rohnamo.core.dashboard import add_card
        from rohnamo.core.demo import add_demo_loader
        from rohnamo.core.navigation import MenuEntry, add_menu_entry
        from rohnamo.knowledge import jobs  # noqa: F401 - registers the leaflet bundle job
        from rohnamo.knowledge.dashboard import review_card

        def can(permission):
            return lambda user: user.has_perm(permission)

        add_menu_entry(
            MenuEntry(
                _("Information sheets"),
                "knowledge:sheets",
                can("knowledge.view_sheetversion"),
                order=10,
            )
        )
        add_menu_entry(
            MenuEntry(
                _("Review"), "knowledge:review", can("knowledge.review_sheetversion"), order=11
            )
        )
        add_menu_entry(
            MenuEntry(
                _("Leaflets"),
                "knowledge:distribution_report",
                can("knowledge.view_distribution"),
                order=12,
            )
        )
        add_card(review_card)

        from rohnamo.knowledge.demo import load_demo_sheets

        add_demo_loader(load_demo_sheets)
