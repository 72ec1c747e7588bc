"""Who may record consultations, visitors, events and responses, and who defines questionnaires.

Everyone who counsels records; managers and administrators define questionnaires. Seeing a
report takes ``view_consultation`` and shows only the offices the person may see.
"""

from django.db import migrations

from rohnamo.core.migration_roles import grant

COUNSELLING_STAFF = ["administrator", "manager", "counsellor", "case_worker", "partner_user"]
DEFINERS = ["administrator", "manager"]
PERMISSIONS = {
    "view_visitor": COUNSELLING_STAFF,
    "add_visitor": COUNSELLING_STAFF,
    "change_visitor": COUNSELLING_STAFF,
    "view_consultation": COUNSELLING_STAFF + ["statistician"],
    "add_consultation": COUNSELLING_STAFF,
    "view_outreachevent": COUNSELLING_STAFF + ["statistician"],
    "add_outreachevent": COUNSELLING_STAFF,
    "view_questionnaire": COUNSELLING_STAFF + ["statistician"],
    "add_questionnaire": DEFINERS,
    "change_questionnaire": DEFINERS,
    "view_response": COUNSELLING_STAFF + ["statistician"],
    "add_response": COUNSELLING_STAFF,
}


def forwards(apps, schema_editor):
    grant(apps, "counselling", PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("counselling", "0001_initial"), ("core", "0002_roles")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
