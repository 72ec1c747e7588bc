"""Demo work permits of foreign citizens, 2024–2026, and the quotas of those years.

The figures are illustrative: the quotas below are NOT the decreed ones (only 2017's 7,500 is
known to the project, seeded by the migration) and every person and employer is invented; permit
numbers start with "DEMO". Loading twice adds nothing: a permit already there (by its number) is
left as it is, a quota already set is not changed.
"""

import datetime
import random

from django.db import transaction

from rohnamo.core.models import Country, District
from rohnamo.crossings.choices import Sector, Sex
from rohnamo.crossings.models import WorkPermit, WorkPermitQuota
from rohnamo.recruitment.models import Occupation

# Illustrative quotas, in the order of magnitude of 2017's.
QUOTAS = {2024: 7800, 2025: 8000, 2026: 8200}
LEGAL_BASIS = "Illustrative demo figure, not the decreed quota"
PERMITS_PER_YEAR = 120
SEED = 7

# citizenship → (men's surnames, women's surnames, men's names, women's names, share of women,
# weight among the permits, sectors they mostly work in)
ORIGINS = {
    "CN": (["Ван", "Ли", "Чжан", "Лю", "Чэнь"], ["Ван", "Ли", "Чжао"],
           ["Вэй", "Цзюнь", "Лэй", "Хао"], ["Мин", "Хуа", "Лин"], 0.08, 40,
           [Sector.CONSTRUCTION, Sector.GEOLOGY, Sector.ENERGY, Sector.INDUSTRY]),
    "RU": (["Иванов", "Петров", "Смирнов", "Кузнецов"], ["Иванова", "Петрова", "Смирнова"],
           ["Алексей", "Сергей", "Дмитрий"], ["Мария", "Елена", "Ольга"], 0.3, 15,
           [Sector.EDUCATION, Sector.COMMUNICATIONS, Sector.ENERGY]),
    "TR": (["Yılmaz", "Kaya", "Demir", "Şahin"], ["Yılmaz", "Kaya", "Öztürk"],
           ["Mehmet", "Ahmet", "Mustafa"], ["Ayşe", "Fatma"], 0.1, 15,
           [Sector.CONSTRUCTION, Sector.TRADE, Sector.INDUSTRY]),
    "IR": (["Ҳусайнӣ", "Аҳмадӣ", "Каримӣ"], ["Ҳусайнӣ", "Раҳимӣ"],
           ["Алӣ", "Резо", "Маҳмуд"], ["Марям", "Зуҳро"], 0.15, 10,
           [Sector.TRADE, Sector.INDUSTRY, Sector.EDUCATION]),
    "UZ": (["Каримов", "Раҳимов", "Юсупов"], ["Каримова", "Юсупова"],
           ["Шуҳрат", "Бахтиёр", "Отабек"], ["Дилноза", "Нигора"], 0.2, 10,
           [Sector.AGRICULTURE, Sector.TRADE, Sector.CONSTRUCTION]),
    "AF": (["Аҳмадзай", "Ҳакимӣ", "Ҳасанов"], ["Ҳакимӣ"],
           ["Муҳаммад", "Аҳмад"], ["Фотима"], 0.05, 5,
           [Sector.TRADE, Sector.AGRICULTURE]),
    "IN": (["Sharma", "Patel", "Singh"], ["Sharma", "Patel"],
           ["Rahul", "Amit"], ["Priya", "Anjali"], 0.25, 5,
           [Sector.EDUCATION, Sector.COMMUNICATIONS]),
}  # fmt: skip

EMPLOYERS = {
    Sector.CONSTRUCTION: ["ҶДММ «Роҳсоз Шарқ» (намоишӣ)", "ООО «ТаджикСтройИнвест» (демо)"],
    Sector.GEOLOGY: ["ҶДММ «Конҳои Зарафшон» (намоишӣ)"],
    Sector.ENERGY: ["ҶСК «Нерӯи Вахш» (намоишӣ)"],
    Sector.INDUSTRY: ["ҶДММ «Семент Душанбе» (намоишӣ)", "ООО «Текстиль Согд» (демо)"],
    Sector.COMMUNICATIONS: ["ҶДММ «Алоқа Плюс» (намоишӣ)"],
    Sector.EDUCATION: ["Донишгоҳи хусусии «Маърифат» (намоишӣ)", "Клиникаи «Шифо» (намоишӣ)"],
    Sector.TRADE: ["ҶДММ «Бозори Корвон» (намоишӣ)", "Тарабхонаи «Наврӯз» (намоишӣ)"],
    Sector.AGRICULTURE: ["ҶДММ «Боғи Ҳисор» (намоишӣ)"],
}

# ISCO-08 unit groups by sector, used when the classification is loaded.
OCCUPATIONS = {
    Sector.CONSTRUCTION: ["7112", "3112", "2142"],
    Sector.GEOLOGY: ["2114", "8111"],
    Sector.ENERGY: ["2151", "7411"],
    Sector.INDUSTRY: ["3122", "7233"],
    Sector.COMMUNICATIONS: ["2523", "7422"],
    Sector.EDUCATION: ["2310", "2211"],
    Sector.TRADE: ["1420", "5120"],
    Sector.AGRICULTURE: ["6111", "2132"],
}

WORK_DISTRICTS = ["dushanbe-ismoili-somoni", "sughd-khujand", "khatlon-kulob"]


def _permit(rng, year, number, countries, occupations, districts):
    codes = list(ORIGINS)
    code = rng.choices(codes, weights=[ORIGINS[c][5] for c in codes])[0]
    men, women, men_names, women_names, women_share, _weight, sectors = ORIGINS[code]
    female = rng.random() < women_share
    sector = rng.choice(sectors)
    issued = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(0, 340))
    valid_from = issued + datetime.timedelta(days=rng.randrange(0, 20))
    months = rng.choice([6, 12, 12, 12, 24])
    valid_until = valid_from + datetime.timedelta(days=months * 30)
    occupation = occupations.get(rng.choice(OCCUPATIONS[sector]))
    return WorkPermit(
        permit_number=f"DEMO-{year}-{number:04d}",
        surname=rng.choice(women if female else men),
        given_name=rng.choice(women_names if female else men_names),
        sex=Sex.FEMALE if female else Sex.MALE,
        birth_date=datetime.date(year - rng.randrange(23, 58), rng.randrange(1, 13), 1),
        citizenship=countries[code],
        passport_number=f"D{rng.randrange(10**7, 10**8)}",
        employer=rng.choice(EMPLOYERS[sector]),
        sector=sector,
        occupation=occupation,
        work_district=districts.get(rng.choice(WORK_DISTRICTS)),
        issued_on=issued,
        valid_from=valid_from,
        valid_until=valid_until,
    )


@transaction.atomic
def load_demo_permits(per_year=PERMITS_PER_YEAR):
    """Set the illustrative quotas of 2024–2026 and add ``per_year`` demo permits to each year
    (2026 only up to today's share of the year). Returns the number of permits added."""
    for year, quota in QUOTAS.items():
        WorkPermitQuota.objects.get_or_create(
            year=year, defaults={"quota": quota, "legal_basis": LEGAL_BASIS}
        )
    countries = {c.code: c for c in Country.objects.filter(code__in=ORIGINS)}
    districts = {d.code: d for d in District.objects.filter(code__in=WORK_DISTRICTS)}
    wanted = {code for codes in OCCUPATIONS.values() for code in codes}
    occupations = {o.code: o for o in Occupation.objects.filter(code__in=wanted)}
    rng = random.Random(SEED)
    today = datetime.date.today()
    permits = []
    for year in QUOTAS:
        for number in range(1, per_year + 1):
            permit = _permit(rng, year, number, countries, occupations, districts)
            if permit.issued_on <= today:
                permits.append(permit)
    existing = set(
        WorkPermit.objects.filter(permit_number__startswith="DEMO-").values_list(
            "permit_number", flat=True
        )
    )
    # Written directly, not through the service: these are invented records, not a
    # statistician's entries, so no audit trail (and the quotas above are far from used).
    new = [permit for permit in permits if permit.permit_number not in existing]
    WorkPermit.objects.bulk_create(new)
    return len(new)
