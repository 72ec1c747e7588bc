"""Who works with border cards and statistics; the crossing points; the first known quota.

Statisticians of the Migration Service and the Statistics Agency handle cards, linkage and work
permits; managers read the statistics and the dashboard but never a card.
"""

from django.db import migrations

from rohnamo.core.migration_roles import grant

STAT = ["administrator", "statistician"]
READERS = STAT + ["manager"]
PERMISSIONS = {
    "view_crossing": STAT,
    "add_crossing": STAT,
    "delete_crossing": STAT,
    "link_crossing": STAT,
    "view_statistics": READERS,
    "view_importbatch": STAT,
    "add_importbatch": STAT,
    "change_importbatch": STAT,
    "view_crossingpoint": STAT,
    "add_crossingpoint": STAT,
    "change_crossingpoint": STAT,
    "view_cardsource": STAT,
    "add_cardsource": STAT,
    "change_cardsource": STAT,
    "view_person": STAT,
    "view_trip": STAT,
    "view_linkagerun": STAT,
    "view_reviewpair": STAT,
    "view_pairdecision": STAT,
    "add_pairdecision": STAT,
    "change_pairdecision": STAT,
    "view_workpermit": READERS,
    "add_workpermit": STAT,
    "change_workpermit": STAT,
    "view_workpermitquota": READERS,
    "add_workpermitquota": ["administrator"],
    "change_workpermitquota": ["administrator"],
}

# code, kind, Tajik, Russian, English
POINTS = [
    ("DYU", "airport", "Фурудгоҳи байналмилалии Душанбе", "Международный аэропорт Душанбе",
     "Dushanbe International Airport"),
    ("LBD", "airport", "Фурудгоҳи байналмилалии Хуҷанд", "Международный аэропорт Худжанд",
     "Khujand International Airport"),
    ("TJU", "airport", "Фурудгоҳи Кӯлоб", "Аэропорт Куляб", "Kulob Airport"),
    ("KQT", "airport", "Фурудгоҳи Бохтар", "Аэропорт Бохтар", "Bokhtar Airport"),
    ("FOT", "road", "Фотеҳобод", "Фотехобод", "Fotehobod"),
    ("TRS", "road", "Турсунзода", "Турсунзаде", "Tursunzoda"),
    ("PKH", "rail", "Истгоҳи Пахтаобод", "Станция Пахтаабад", "Pakhtaobod railway station"),
    ("PNJ", "road", "Панҷакент", "Пенджикент", "Panjakent"),
    ("KRM", "road", "Қарамиқ", "Карамык", "Karamyk"),
    ("KLM", "road", "Кулма", "Кульма", "Kulma"),
    ("PPN", "road", "Панҷи Поён", "Нижний Пяндж", "Panji Poyon"),
]  # fmt: skip


def forwards(apps, schema_editor):
    CrossingPoint = apps.get_model("crossings", "CrossingPoint")
    for code, kind, name_tg, name_ru, name_en in POINTS:
        CrossingPoint.objects.get_or_create(
            code=code,
            defaults={"kind": kind, "name_tg": name_tg, "name_ru": name_ru, "name_en": name_en},
        )
    WorkPermitQuota = apps.get_model("crossings", "WorkPermitQuota")
    WorkPermitQuota.objects.get_or_create(
        year=2017,
        defaults={
            "quota": 7500,
            "legal_basis": "Presidential Decree on quotas for foreign workers, 2017 "
            "(reported in CMW/C/TJK/3, para. 20)",
        },
    )
    grant(apps, "crossings", PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("crossings", "0001_initial"), ("core", "0002_roles")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
