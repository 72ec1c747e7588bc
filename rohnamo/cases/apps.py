from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "rohnamo.cases"
    label = "cases"
    verbose_name = _("Cases and referrals")

    def ready(self):
        from rohnamo.cases import retention  # noqa: F401 - registers the anonymising job
        from rohnamo.cases.dashboard import overdue_card
        from rohnamo.core.choices import Role
        from rohnamo.core.dashboard import add_card
        from rohnamo.core.navigation import MenuEntry, add_menu_entry
        from rohnamo.core.roles import has_role

        add_menu_entry(
            MenuEntry(_("Cases"), "cases:cases", lambda user: user.has_perm("cases.view_case"), 40)
        )
        add_menu_entry(
            MenuEntry(
                _("Referrals to answer"),
                "cases:referrals",
                lambda user: has_role(user, Role.PARTNER_USER),
                41,
            )
        )
        add_card(overdue_card)
        add_menu_entry(
            MenuEntry(
                _("Case report"),
                "cases:report",
                lambda user: user.has_perm("cases.view_case"),
                42,
            )
        )

        from rohnamo.cases.demo import load_demo_cases
        from rohnamo.core.demo import add_demo_loader

        add_demo_loader(load_demo_cases)
