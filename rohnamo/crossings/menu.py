"""The staff menu entries of the statistics module, and the background work it registers."""

from django.utils.translation import gettext_lazy as _

from rohnamo.core.navigation import MenuEntry, add_menu_entry
from rohnamo.core.roles import may


def _can(permission):
    return lambda user: may(user, permission)


def register():
    add_menu_entry(
        MenuEntry(
            _("Migration statistics"), "crossings:tables", _can("crossings.view_statistics"), 60
        )
    )
    add_menu_entry(
        MenuEntry(
            _("Migration dashboard"), "crossings:dashboard", _can("crossings.view_statistics"), 61
        )
    )
    add_menu_entry(
        MenuEntry(_("Border cards"), "crossings:imports", _can("crossings.view_crossing"), 62)
    )
    add_menu_entry(
        MenuEntry(_("Record linkage"), "crossings:linkage", _can("crossings.link_crossing"), 63)
    )
    add_menu_entry(
        MenuEntry(_("Work permits"), "crossings:permits", _can("crossings.view_workpermit"), 64)
    )
