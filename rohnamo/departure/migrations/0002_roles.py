"""Who receives and imports the lists (the Migration Service's officers: administrators and
statisticians here), and who may read the log of checks (administrators, for abuse review)."""

from django.db import migrations

from rohnamo.core.migration_roles import grant

OFFICERS = ["administrator", "statistician"]
PERMISSIONS = {
    "view_banlist": OFFICERS,
    "add_banlist": OFFICERS,
    "delete_banlist": OFFICERS,
    "view_listentry": OFFICERS,
    "view_lookup": ["administrator"],
}


def forwards(apps, schema_editor):
    grant(apps, "departure", PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("departure", "0001_initial"), ("core", "0002_roles")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
