"""Who keeps the agency register and verifies vacancies; the first legal fee limit.

The fee limit is a placeholder an administrator must set from the law in force (the admin shows
its legal basis); until then no vacancy may charge the worker anything.
"""

import datetime

from django.db import migrations

from rohnamo.core.migration_roles import grant

OFFICERS = ["administrator", "licensing_officer"]
READERS = ["administrator", "manager", "licensing_officer", "statistician", "counsellor",
           "case_worker", "partner_user"]  # fmt: skip
PERMISSIONS = {
    "view_agency": READERS,
    "add_agency": OFFICERS,
    "change_agency": OFFICERS,
    "view_licence": READERS,
    "add_licence": OFFICERS,
    "change_licence": OFFICERS,
    "view_inspection": READERS,
    "add_inspection": OFFICERS,
    "view_vacancy": READERS,
    "add_vacancy": OFFICERS + ["manager", "partner_user"],
    "change_vacancy": OFFICERS,
    "verify_vacancy": OFFICERS,
    "view_occupation": READERS,
    "view_feelimit": READERS,
    "add_feelimit": ["administrator"],
    "change_feelimit": ["administrator"],
}


def forwards(apps, schema_editor):
    FeeLimit = apps.get_model("recruitment", "FeeLimit")
    if not FeeLimit.objects.exists():
        FeeLimit.objects.create(
            amount=0,
            currency="TJS",
            valid_from=datetime.date(2026, 1, 1),
            note="Set by an administrator from the law in force.",
        )
    grant(apps, "recruitment", PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("recruitment", "0001_initial"), ("core", "0002_roles")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
