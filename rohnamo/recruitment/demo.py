"""Demo agency register: five invented agencies, their licences (one suspended after an
inspection, one expired), names used in adverts (a Latin spelling among them), six published
vacancies for Russia and Kazakhstan, and one complaint about an agency.

Every agency, employer and person here is invented; tax numbers start with "DEMO". Loading twice
adds nothing: an agency already there (by its tax number) is left as it is.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from rohnamo.cases.choices import CaseKind
from rohnamo.cases.models import Case
from rohnamo.cases.services.cases import open_case
from rohnamo.core.models import Country, Office
from rohnamo.recruitment.choices import Housing, Sanction
from rohnamo.recruitment.models import Agency, Occupation, Vacancy
from rohnamo.recruitment.services.agencies import issue_licence, record_inspection, register_agency
from rohnamo.recruitment.services.vacancies import record_vacancy, verify_vacancy

# ISCO-08 unit groups the demo vacancies use: code → (tg, ru, en), used only when the
# classification is not loaded.
OCCUPATIONS = {
    "7112": ("Хиштчинҳо", "Каменщики", "Bricklayers and related workers"),
    "9312": ("Коргарони сохтмони роҳ", "Рабочие гражданского строительства",
             "Civil engineering labourers"),
    "9211": ("Коргарони кишоварзӣ", "Рабочие растениеводства", "Crop farm labourers"),
    "5120": ("Ошпазҳо", "Повара", "Cooks"),
    "8332": ("Ронандагони мошинҳои боркаш", "Водители грузовиков", "Heavy truck and lorry drivers"),
}  # fmt: skip

# tax number, legal name, names in adverts, country codes, licence (years from today) or None
AGENCIES = [
    ("DEMO-0001", "ООО «Шарқ Кор» (намоишӣ)", ["Sharq Kor", "Шарк Кор"], ["RU"], (-1, 2)),
    ("DEMO-0002", "ҶДММ «Роҳи Осон» (намоишӣ)", ["Rohi Oson"], ["KZ", "RU"], (-2, 1)),
    ("DEMO-0003", "ООО «Восток Трудинвест» (намоишӣ)", ["Vostok Trud"], ["RU"], (-1, 1)),
    ("DEMO-0004", "ҶДММ «Кори Хуб» (намоишӣ)", ["Kori Khub"], ["RU"], (-4, -1)),
    ("DEMO-0005", "ООО «Сафар Плюс» (намоишӣ)", ["Safar Plus"], ["KZ"], (-1, 3)),
]

# import key, agency tax number, country, city, ISCO code, title, employer, workers, wage,
# currency, housing
VACANCIES = [
    ("demo-1", "DEMO-0001", "RU", "Ростов-на-Дону", "7112", "Каменщик", "СтройМонтаж (демо)",
     20, 95000, "RUB", Housing.PROVIDED_FREE),
    ("demo-2", "DEMO-0001", "RU", "Краснодар", "9312", "Разнорабочий на стройке",
     "ЮгДорСтрой (демо)", 30, 70000, "RUB", Housing.PROVIDED_PAID),
    ("demo-3", "DEMO-0002", "KZ", "Алматы", "9211", "Сборщик овощей", "Агро Жетысу (демо)",
     15, 250000, "KZT", Housing.PROVIDED_FREE),
    ("demo-4", "DEMO-0002", "RU", "Москва", "5120", "Повар", "Кафе «Самарканд» (демо)",
     2, 80000, "RUB", Housing.NOT_PROVIDED),
    ("demo-5", "DEMO-0005", "KZ", "Астана", "8332", "Водитель грузовика", "ТрансКаз (демо)",
     5, 400000, "KZT", Housing.PROVIDED_PAID),
    ("demo-6", "DEMO-0005", "KZ", "Шымкент", "7112", "Каменщик", "ОнтүстікҚұрылыс (демо)",
     10, 300000, "KZT", Housing.PROVIDED_FREE),
]  # fmt: skip


def _years(today, years):
    return today + datetime.timedelta(days=365 * years)


def _occupation(code):
    tg, ru, en = OCCUPATIONS[code]
    return Occupation.objects.get_or_create(
        code=code, defaults={"title_tg": tg, "title_ru": ru, "title_en": en}
    )[0]


def _agencies(officer, today):
    created = {}
    for tax_number, legal_name, names, countries, licence in AGENCIES:
        if Agency.objects.filter(tax_number=tax_number).exists():
            continue
        agency = register_agency(
            actor=officer,
            legal_name=legal_name,
            other_names=names,
            countries=Country.objects.filter(code__in=countries),
            tax_number=tax_number,
            address="Суроғаи намоишӣ, Душанбе",
            phones="+992 00 000 00 00",
        )
        issued, expires = licence
        issue_licence(
            actor=officer,
            agency=agency,
            number=f"DEMO-L-{tax_number[-4:]}",
            issued_on=_years(today, issued),
            expires_on=_years(today, expires),
        )
        created[tax_number] = agency
    return created


def _inspections(officer, today, created):
    if "DEMO-0001" in created:
        record_inspection(
            actor=officer,
            agency=created["DEMO-0001"],
            date=today - datetime.timedelta(days=60),
            findings="Шартномаҳо ба тартиб. (намоишӣ)",
        )
    if "DEMO-0003" in created:
        record_inspection(
            actor=officer,
            agency=created["DEMO-0003"],
            date=today - datetime.timedelta(days=10),
            findings="Аз коргарон 5000 сомонӣ барои «ҳуҷҷатгузорӣ» гирифтааст. (намоишӣ)",
            sanction=Sanction.SUSPENSION,
        )


def _vacancies(officer, today):
    for (
        key,
        tax,
        country,
        city,
        code,
        title,
        employer,
        workers,
        wage,
        currency,
        housing,
    ) in VACANCIES:
        if Vacancy.objects.filter(import_key=key).exists():
            continue
        vacancy = record_vacancy(
            actor=officer,
            import_key=key,
            agency=Agency.objects.get(tax_number=tax),
            employer=employer,
            country=Country.objects.get(code=country),
            city=city,
            occupation=_occupation(code),
            title=title,
            workers=workers,
            wage=wage,
            currency=currency,
            hours="8 соат, 6 рӯз дар ҳафта",
            housing=housing,
            contract_months=12,
            requirements="Забони русӣ дар сатҳи гуфтугӯ. (намоишӣ)",
            closes_on=today + datetime.timedelta(days=45),
        )
        verify_vacancy(actor=officer, vacancy=vacancy)


def _complaint(admin):
    agency = Agency.objects.get(tax_number="DEMO-0003")
    if Case.objects.filter(agency=agency).exists():
        return
    open_case(
        actor=admin,
        office=Office.objects.get(code="dushanbe"),
        kind=CaseKind.COMPLAINT,
        category="recruitment",
        agency=agency,
        narrative="Агентӣ 5000 сомонӣ гирифт, кор дар Ростов набуд. (намоишӣ)",
        country=Country.objects.get(code="RU"),
        city="Ростов-на-Дону",
    )


@transaction.atomic
def load_demo_recruitment(users):
    officer, admin = users["licensing"], users["admin"]
    today = timezone.localdate()
    created = _agencies(officer, today)
    _inspections(officer, today, created)
    _vacancies(officer, today)
    _complaint(admin)
