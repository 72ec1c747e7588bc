"""Creates the roles as auth groups with their permissions on core records.

Later modules grant their own permissions to these groups in their own migrations.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = [
    "administrator",
    "manager",
    "counsellor",
    "case_worker",
    "statistician",
    "licensing_officer",
    "partner_user",
]

# codename -> roles holding it; administrators also get every core and auth permission.
PERMISSIONS = {
    "view_office": ROLES,
    "change_office": ["manager"],
    "view_user": ["manager"],
    "view_membership": ["manager"],
    "view_region": ROLES,
    "view_district": ROLES,
    "view_country": ROLES,
    "view_language": ROLES,
}


def create_roles(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ROLES}
    for codename, roles in PERMISSIONS.items():
        permission = Permission.objects.get(content_type__app_label="core", codename=codename)
        for role in roles:
            groups[role].permissions.add(permission)
    administrator_permissions = Permission.objects.filter(
        content_type__app_label__in=["core", "auth", "authtoken", "axes"]
    ).exclude(codename__in=["add_auditentry", "change_auditentry", "delete_auditentry"])
    groups["administrator"].permissions.add(*administrator_permissions)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("authtoken", "0004_alter_tokenproxy_options"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
