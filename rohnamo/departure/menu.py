"""The staff menu entry of the pre-departure module."""

from django.utils.translation import gettext_lazy as _

from rohnamo.core.navigation import MenuEntry, add_menu_entry
from rohnamo.core.roles import may


def register():
    add_menu_entry(
        MenuEntry(
            _("Entry-ban lists"),
            "departure:lists",
            lambda user: may(user, "departure.view_banlist"),
            70,
        )
    )
    add_menu_entry(
        MenuEntry(
            _("Pre-departure checklists"),
            "departure:checklists",
            lambda user: may(user, "departure.view_checklisttemplate"),
            72,
        )
    )
    add_menu_entry(
        MenuEntry(
            _("Orientation courses"),
            "departure:courses",
            lambda user: may(user, "departure.view_course"),
            74,
        )
    )
