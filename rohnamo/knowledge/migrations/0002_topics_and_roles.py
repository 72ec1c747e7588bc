"""The centre's twenty topics, and who may write, review and distribute sheets."""

from django.db import migrations

from rohnamo.core.migration_roles import grant

TOPICS = [
    ("registration", "Бақайдгирӣ", "Регистрация", "Registration"),
    (
        "legal-work",
        "Кори қонунӣ: иҷозатнома ва патент",
        "Легальная работа: разрешения и патенты",
        "Legal employment: work permits and patents",
    ),
    ("travel-documents", "Ҳуҷҷатҳои сафар", "Документы для поездки", "Travel documents"),
    ("health", "Саломатӣ", "Здоровье", "Health"),
    ("crossing-borders", "Убури сарҳад", "Пересечение границы", "Crossing borders"),
    ("customs", "Гумрук", "Таможня", "Customs"),
    (
        "police-and-rights",
        "Полис ва ҳуқуқҳои шумо",
        "Полиция и ваши права",
        "Police and your rights",
    ),
    ("transport", "Нақлиёт ва чиптаҳо", "Транспорт и билеты", "Transport and tickets"),
    (
        "trafficking",
        "Савдои одамон ва меҳнати маҷбурӣ",
        "Торговля людьми и принудительный труд",
        "Human trafficking and forced labour",
    ),
    ("education-abroad", "Таҳсил дар хориҷа", "Учёба за рубежом", "Education abroad"),
    (
        "representations",
        "Намояндагиҳои Тоҷикистон дар хориҷа",
        "Представительства Таджикистана за рубежом",
        "Tajik representations abroad",
    ),
    (
        "human-rights-organisations",
        "Созмонҳои ҳуқуқи башар",
        "Правозащитные организации",
        "Human-rights organisations",
    ),
    ("consulates", "Консулгариҳо", "Консульства", "Consulates"),
    ("visas", "Раводидҳо", "Визы", "Visas"),
    (
        "contracts",
        "Шартномаи меҳнатӣ ва корфармо",
        "Трудовой договор и работодатель",
        "Employment contracts and the employer",
    ),
    ("housing", "Манзил", "Жильё", "Housing"),
    (
        "realities-of-work",
        "Воқеияти кор дар хориҷа",
        "Реалии работы за рубежом",
        "Realities of work abroad",
    ),
    ("routes", "Роҳҳои сафар", "Маршруты", "Routes"),
    ("conduct", "Қоидаҳои рафтор", "Правила поведения", "Rules of conduct"),
    ("returning-home", "Бозгашт ба ватан", "Возвращение домой", "Returning home"),
]

ALL_STAFF = ["administrator", "manager", "counsellor", "case_worker", "partner_user"]
PERMISSIONS = {
    "view_sheet": ALL_STAFF + ["statistician", "licensing_officer"],
    "add_sheet": ALL_STAFF,
    "change_sheet": ["administrator", "manager"],
    "view_sheetversion": ALL_STAFF + ["statistician", "licensing_officer"],
    "add_sheetversion": ALL_STAFF,
    "change_sheetversion": ALL_STAFF,
    "review_sheetversion": ["administrator", "manager"],
    "view_topic": ALL_STAFF,
    "change_topic": ["administrator"],
    "add_topic": ["administrator"],
    "view_distribution": ALL_STAFF,
    "add_distribution": ALL_STAFF,
}


def forwards(apps, schema_editor):
    Topic = apps.get_model("knowledge", "Topic")
    for position, (code, tg, ru, en) in enumerate(TOPICS, start=1):
        Topic.objects.update_or_create(
            code=code, defaults={"position": position, "name_tg": tg, "name_ru": ru, "name_en": en}
        )
    grant(apps, "knowledge", PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial"), ("core", "0002_roles")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
