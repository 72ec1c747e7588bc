"""Demo data: the centre, its six branches, two partner NGOs and one user for each role.

Every name here is invented for demonstration; phone numbers are placeholders.
"""

from django.contrib.auth.models import Group
from django.db import transaction

from rohnamo.core.choices import OfficeKind, Role
from rohnamo.core.models import District, Membership, Office, User

DEMO_PASSWORD = "rohnamo-demo"

# Modules add their demo content here (in AppConfig.ready); each loader receives the demo users
# by user name and must be idempotent.
DEMO_LOADERS = []


def add_demo_loader(loader):
    DEMO_LOADERS.append(loader)
    return loader


OFFICES = [
    # code, kind, parent, district code, tg, ru, en, hotline
    (
        "dushanbe",
        OfficeKind.CENTRE,
        None,
        "dushanbe-ismoili-somoni",
        "Маркази иттилоотию захиравии муҳоҷирони меҳнатӣ",
        "Информационно-ресурсный центр для трудовых мигрантов",
        "Information-Resource Centre for Labour Migrants",
        "+992 37 000 00 01",
    ),
    (
        "khujand",
        OfficeKind.BRANCH,
        "dushanbe",
        "sughd-khujand",
        "Филиали Хуҷанд",
        "Филиал в Худжанде",
        "Khujand branch",
        "+992 34 000 00 02",
    ),
    (
        "bokhtar",
        OfficeKind.BRANCH,
        "dushanbe",
        "khatlon-bokhtar",
        "Филиали Бохтар",
        "Филиал в Бохтаре",
        "Bokhtar branch",
        "+992 32 000 00 03",
    ),
    (
        "kulob",
        OfficeKind.BRANCH,
        "dushanbe",
        "khatlon-kulob",
        "Филиали Кӯлоб",
        "Филиал в Кулябе",
        "Kulob branch",
        "+992 33 000 00 04",
    ),
    (
        "khorog",
        OfficeKind.BRANCH,
        "dushanbe",
        "gbao-khorog",
        "Филиали Хоруғ",
        "Филиал в Хороге",
        "Khorog branch",
        "+992 35 000 00 05",
    ),
    (
        "gharm",
        OfficeKind.BRANCH,
        "dushanbe",
        "drs-rasht",
        "Филиали Ғарм (Рашт)",
        "Филиал в Гарме (Рашт)",
        "Gharm (Rasht) branch",
        "+992 31 000 00 06",
    ),
    (
        "panjakent",
        OfficeKind.BRANCH,
        "dushanbe",
        "sughd-panjakent",
        "Филиали Панҷакент",
        "Филиал в Пенджикенте",
        "Panjakent branch",
        "+992 34 000 00 07",
    ),
    (
        "ngo-huquq",
        OfficeKind.PARTNER,
        "dushanbe",
        "dushanbe-sino",
        "ТҶ «Ҳуқуқ ва муҳоҷират» (намоишӣ)",
        "ОО «Право и миграция» (демо)",
        "NGO Law and Migration (demo)",
        "",
    ),
    (
        "ngo-oila",
        OfficeKind.PARTNER,
        "khujand",
        "sughd-khujand",
        "ТҶ «Оилаи муҳоҷир» (намоишӣ)",
        "ОО «Семья мигранта» (демо)",
        "NGO Migrant Family (demo)",
        "",
    ),
]

USERS = [
    # username, role, office codes, first name, last name
    ("admin", Role.ADMINISTRATOR, ["dushanbe"], "Фарида", "Раҳимова"),
    ("manager", Role.MANAGER, ["dushanbe"], "Бахтиёр", "Назаров"),
    ("counsellor", Role.COUNSELLOR, ["khujand"], "Ниссо", "Қодирова"),
    ("caseworker", Role.CASE_WORKER, ["dushanbe"], "Зарина", "Ғафурова"),
    ("statistician", Role.STATISTICIAN, ["dushanbe"], "Ҷамшед", "Юсуфов"),
    ("licensing", Role.LICENSING_OFFICER, ["dushanbe"], "Рустам", "Шарипов"),
    ("partner", Role.PARTNER_USER, ["ngo-huquq"], "Мавзуна", "Ҳасанова"),
]


@transaction.atomic
def load_demo(password=DEMO_PASSWORD):
    """Create or refresh the demo offices and users; returns [(username, role label)]."""
    offices = {}
    for code, kind, parent, district, tg, ru, en, hotline in OFFICES:
        offices[code], _created = Office.objects.update_or_create(
            code=code,
            defaults={
                "kind": kind,
                "parent": offices.get(parent),
                "district": District.objects.filter(code=district).first(),
                "name_tg": tg,
                "name_ru": ru,
                "name_en": en,
                "hotline": hotline,
                "address_tg": "Суроғаи намоишӣ",
                "address_ru": "Демонстрационный адрес",
                "address_en": "Demo address",
                "hours_tg": "Душанбе–Ҷумъа, 8:00–17:00",
                "hours_ru": "Понедельник–пятница, 8:00–17:00",
                "hours_en": "Monday–Friday, 8:00–17:00",
            },
        )
    logins, users = [], {}
    for username, role, office_codes, first_name, last_name in USERS:
        user, created = User.objects.update_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{username}@demo.rohnamo.invalid",
                "is_staff": role == Role.ADMINISTRATOR,
                "is_active": True,
            },
        )
        if created:  # hashing is slow on purpose; a second `make demo` should start at once
            user.set_password(password)
            user.save(update_fields=["password"])
        user.groups.set([Group.objects.get(name=role)])
        for code in office_codes:
            Membership.objects.get_or_create(user=user, office=offices[code])
        users[username] = user
        logins.append(
            (username, role.label, ", ".join(offices[code].name_en for code in office_codes))
        )
    for loader in DEMO_LOADERS:
        loader(users)
    return logins
