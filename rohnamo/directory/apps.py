from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "rohnamo.directory"
    label = "directory"
    verbose_name = _("Service directory")

    def ready(self):
        from rohnamo.core.demo import add_demo_loader
        from rohnamo.core.navigation import MenuEntry, add_menu_entry
        from rohnamo.directory import jobs  # noqa: F401 - registers the HSDS import job
        from rohnamo.directory.demo import load_demo_directory

        add_menu_entry(
            MenuEntry(
                _("Service directory"),
                "directory:organizations",
                lambda user: user.has_perm("directory.view_organization"),
                30,
            )
        )
        add_demo_loader(load_demo_directory)
