"""The service categories migrants need, and who may edit the directory."""

from django.db import migrations

from rohnamo.core.migration_roles import grant

CATEGORIES = [
    ("legal-aid", "Ёрии ҳуқуқӣ", "Юридическая помощь", "Legal aid"),
    ("shelter", "Паноҳгоҳ", "Приют", "Shelter"),
    ("health", "Саломатӣ", "Здоровье", "Health"),
    ("psychosocial", "Дастгирии равонӣ-иҷтимоӣ", "Психосоциальная поддержка", "Psychosocial support"),
    ("documents", "Барқарор кардани ҳуҷҷатҳо", "Восстановление документов", "Document restoration"),
    ("consular", "Ёрии консулӣ", "Консульская помощь", "Consular assistance"),
    ("employment", "Шуғл", "Трудоустройство", "Employment"),
    ("vocational-training", "Омӯзиши касбӣ", "Профессиональное обучение", "Vocational training"),
    ("language-courses", "Курсҳои забон", "Языковые курсы", "Language courses"),
    (
        "financial-support",
        "Дастгирии молиявӣ ва қарзҳои хурд",
        "Финансовая поддержка и микрокредиты",
        "Financial support and microcredit",
    ),
    ("repatriation", "Бозгардонӣ ба ватан", "Репатриация", "Repatriation"),
    ("reintegration", "Бозҳамгироӣ", "Реинтеграция", "Reintegration"),
]  # fmt: skip

ALL_STAFF = [
    "administrator", "manager", "counsellor", "case_worker", "partner_user", "statistician",
    "licensing_officer",
]  # fmt: skip
EDITORS = ["administrator", "manager"]
PERMISSIONS = {
    "view_organization": ALL_STAFF,
    "add_organization": EDITORS,
    "change_organization": EDITORS,
    "delete_organization": EDITORS,
    "view_service": ALL_STAFF,
    "add_service": EDITORS,
    "change_service": EDITORS,
    "delete_service": EDITORS,
    "view_location": ALL_STAFF,
    "add_location": EDITORS,
    "change_location": EDITORS,
    "view_taxonomyterm": ALL_STAFF,
    "add_taxonomyterm": ["administrator"],
    "change_taxonomyterm": ["administrator"],
}


def forwards(apps, schema_editor):
    TaxonomyTerm = apps.get_model("directory", "TaxonomyTerm")
    for position, (code, tg, ru, en) in enumerate(CATEGORIES, start=1):
        TaxonomyTerm.objects.update_or_create(
            taxonomy="rohnamo",
            code=code,
            defaults={"position": position, "name_tg": tg, "name_ru": ru, "name_en": en},
        )
    grant(apps, "directory", PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial"), ("core", "0002_roles")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
