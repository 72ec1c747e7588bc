from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "rohnamo.core"
    label = "core"
    verbose_name = _("Offices, people and reference data")

    def ready(self):
        from rohnamo.core import audit_export, signals  # noqa: F401 - registers handlers
        from rohnamo.core.navigation import MenuEntry, add_menu_entry
        from rohnamo.core.roles import is_administrator

        def anyone(user):
            return True

        add_menu_entry(MenuEntry(_("Dashboard"), "staff:dashboard", anyone, order=0))
        add_menu_entry(MenuEntry(_("Offices"), "staff:offices", anyone, order=900))
        add_menu_entry(MenuEntry(_("Background jobs"), "staff:jobs", anyone, order=910))
        add_menu_entry(MenuEntry(_("Audit log"), "staff:audit", is_administrator, order=920))
        add_menu_entry(
            MenuEntry(_("Administration"), "admin:index", lambda user: user.is_staff, order=930)
        )
