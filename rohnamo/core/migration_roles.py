"""Granting a module's permissions to the role groups, from a data migration.

Each module's migration lists ``{codename: [role, ...]}`` and calls ``grant``. It runs on the
historical models Django hands the migration, so it must stay free of imports of current models.
"""

from django.contrib.auth.management import create_permissions


def grant(apps, app_label, permissions):
    """Create ``app_label``'s permissions now (Django would only after all migrations) and add
    each to the groups named for it."""
    app_config = apps.get_app_config(app_label)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for codename, roles in permissions.items():
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for group in Group.objects.filter(name__in=roles):
            group.permissions.add(permission)
