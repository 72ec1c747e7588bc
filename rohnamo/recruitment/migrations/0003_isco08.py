"""The ISCO-08 classification with Tajik, Russian and English titles.

The groups come from ``recruitment/data/isco08.json`` (10 major, 43 sub-major, 130 minor and 436
unit groups). Loading by code with update_or_create makes the migration safe to re-run and lets a
later data migration correct a title by editing the file and loading it again.
"""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "isco08.json"


def load_isco08(apps, schema_editor):
    Occupation = apps.get_model("recruitment", "Occupation")
    groups = json.loads(DATA.read_text(encoding="utf-8"))
    saved = {}
    # Shorter codes are the broader groups: saving them first gives every child its parent.
    for group in sorted(groups, key=lambda group: (len(group["code"]), group["code"])):
        saved[group["code"]], _created = Occupation.objects.update_or_create(
            code=group["code"],
            defaults={
                "parent": saved[group["parent"]] if group["parent"] else None,
                "title_tg": group["tg"],
                "title_ru": group["ru"],
                "title_en": group["en"],
            },
        )


class Migration(migrations.Migration):
    dependencies = [("recruitment", "0002_roles_and_fee_limit")]

    operations = [migrations.RunPython(load_isco08, migrations.RunPython.noop)]
