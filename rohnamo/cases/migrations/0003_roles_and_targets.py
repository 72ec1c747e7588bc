"""Who works cases and answers referrals, and the default first-response targets.

Death abroad and trafficking get the shortest targets, as the centre asked.
"""

from django.db import migrations

from rohnamo.core.migration_roles import grant

CASE_STAFF = ["administrator", "manager", "counsellor", "case_worker"]
PERMISSIONS = {
    "view_case": CASE_STAFF,
    "add_case": CASE_STAFF,
    "change_case": CASE_STAFF,
    "view_referral": CASE_STAFF + ["partner_user"],
    "add_referral": CASE_STAFF,
    "change_referral": CASE_STAFF + ["partner_user"],
    "view_responsetarget": CASE_STAFF,
    "change_responsetarget": ["administrator"],
}

# days to first response by priority: urgent, high, normal, low
TARGETS = {
    "death": (1, 1, 2, 3),
    "trafficking": (1, 1, 2, 3),
    "detention": (1, 2, 3, 5),
    "violence": (1, 2, 3, 5),
    "exploitation": (1, 2, 3, 5),
}
DEFAULT_TARGET = (1, 3, 5, 10)
CATEGORIES = [
    "documents", "permits", "wages", "exploitation", "trafficking", "detention", "violence",
    "death", "family", "health", "recruitment", "other",
]  # fmt: skip
PRIORITIES = ["urgent", "high", "normal", "low"]


def forwards(apps, schema_editor):
    ResponseTarget = apps.get_model("cases", "ResponseTarget")
    for category in CATEGORIES:
        for priority, days in zip(PRIORITIES, TARGETS.get(category, DEFAULT_TARGET), strict=True):
            ResponseTarget.objects.update_or_create(
                category=category, priority=priority, defaults={"days": days}
            )
    grant(apps, "cases", PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("cases", "0002_initial"), ("core", "0002_roles")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
