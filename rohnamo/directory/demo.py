"""Demo directory: ten invented organisations that help migrants, with services, places and phones.

Every name is invented and marked as a demo; phone numbers are placeholders. Ids derive from
fixed names, so loading twice changes nothing.
"""

import uuid

from django.db import transaction

from rohnamo.core.models import Country, District, Language, Office
from rohnamo.directory.choices import OrganizationKind, PhoneType, ServiceStatus
from rohnamo.directory.models import (
    Location,
    Organization,
    Phone,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)

_NAMESPACE = uuid.UUID("0d6f3c2a-4b1e-4c8d-9e7f-1a2b3c4d5e6f")


def _id(*parts):
    return uuid.uuid5(_NAMESPACE, ":".join(parts))


# code, kind, name, description, email, website, partner office code
ORGANIZATIONS = [
    ("huquq-ekb", OrganizationKind.NGO,
     "Правовой центр «Защита мигранта», Екатеринбург (демо)",
     "Бесплатные консультации юристов по трудовым спорам, невыплате зарплаты, патентам и "
     "регистрации. Сотрудники говорят по-таджикски и по-русски.",
     "help@zashita-demo.invalid", "https://zashita-demo.invalid/", "ngo-huquq"),
    ("ombudsman", OrganizationKind.OMBUDSMAN,
     "Дастгоҳи Ваколатдор оид ба ҳуқуқи инсон (намоишӣ)",
     "Шикоятҳоро дар бораи вайрон кардани ҳуқуқи шаҳрвандони Тоҷикистон, аз ҷумла дар хориҷа, "
     "қабул мекунад.",
     "", "", None),
    ("consulate-moscow", OrganizationKind.CONSULATE,
     "Сафорати Ҷумҳурии Тоҷикистон дар Маскав (намоишӣ)",
     "Шиносномаҳо ва шаҳодатномаҳои бозгашт, ёрии консулӣ ба шаҳрвандони боздоштшуда, интиқоли "
     "ҷасади фавтидагон ба ватан.",
     "", "", None),
    ("shelter-dushanbe", OrganizationKind.NGO,
     "Паноҳгоҳи «Хонаи умед» (намоишӣ)",
     "Паноҳгоҳи муваққатӣ ва ёрии равонӣ барои қурбониёни савдои одамон ва хушунат.",
     "", "", None),
    ("migration-agency", OrganizationKind.INTERNATIONAL,
     "International Migration Assistance Office (demo)",
     "Assisted voluntary return, reintegration grants and help for victims of trafficking.",
     "dushanbe@migration-assistance-demo.invalid", "https://migration-assistance-demo.invalid/",
     None),
    ("reintegration-kulob", OrganizationKind.NGO,
     "Барномаи бозҳамгироии муҳоҷирони бозгашта – Кӯлоб (намоишӣ)",
     "Курсҳои касбӣ, машварат оид ба тиҷорат ва қарзҳои хурд барои муҳоҷирони бозгашта ва "
     "оилаҳои онҳо.",
     "", "", None),
    ("diaspora-almaty", OrganizationKind.DIASPORA,
     "Ассоциация таджиков Казахстана «Ватан», Алматы (демо)",
     "Помощь землякам в Алматы: переводчики, консультации по регистрации, курсы казахского и "
     "русского языка.",
     "", "", None),
    ("oila-khujand", OrganizationKind.NGO,
     "ТҶ «Оилаи муҳоҷир», Хуҷанд (намоишӣ)",
     "Дастгирии оилаҳое, ки дар ватан монданд: машварати равонӣ, ёрии молиявӣ барои кӯдакон.",
     "", "", "ngo-oila"),
    ("clinic-moscow", OrganizationKind.PRIVATE,
     "Клиника «Шифо» для мигрантов, Москва (демо)",
     "Медицинские осмотры для патента, приём терапевта, скидки для граждан Таджикистана.",
     "", "https://shifo-demo.invalid/", None),
    ("pre-departure", OrganizationKind.STATE,
     "Маркази омӯзиши пеш аз сафар, Душанбе (намоишӣ)",
     "Омӯзиши забони русӣ ва касбҳо пеш аз сафар, маълумот дар бораи қоидаҳои кишварҳои "
     "қабулкунанда.",
     "", "", None),
]  # fmt: skip

# organisation code: [(place code, country, district code, city, address)]
LOCATIONS = {
    "huquq-ekb": [("ekb", "RU", None, "Екатеринбург", "ул. Примерная, 1 (демо)")],
    "ombudsman": [("dushanbe", "TJ", "dushanbe-ismoili-somoni", "", "Суроғаи намоишӣ")],
    "consulate-moscow": [("moscow", "RU", None, "Москва", "Адрес для демонстрации")],
    "shelter-dushanbe": [("dushanbe", "TJ", "dushanbe-sino", "", "")],
    "migration-agency": [
        ("dushanbe", "TJ", "dushanbe-ismoili-somoni", "", "Demo address"),
        ("kulob", "TJ", "khatlon-kulob", "", "Demo address"),
    ],
    "reintegration-kulob": [("kulob", "TJ", "khatlon-kulob", "", "Суроғаи намоишӣ")],
    "diaspora-almaty": [("almaty", "KZ", None, "Алматы", "Демонстрационный адрес")],
    "oila-khujand": [("khujand", "TJ", "sughd-khujand", "", "Суроғаи намоишӣ")],
    "clinic-moscow": [("moscow", "RU", None, "Москва", "Адрес для демонстрации")],
    "pre-departure": [("dushanbe", "TJ", "dushanbe-firdavsi", "", "Суроғаи намоишӣ")],
}

# organisation code: [(service code, name, categories, places, hours, languages, eligibility,
#                      cost, status)]
SERVICES = {
    "huquq-ekb": [
        (
            "wages",
            "Юридическая помощь при невыплате зарплаты",
            ["legal-aid"],
            ["ekb"],
            "Пн–Пт 10:00–18:00",
            ["tg", "ru"],
            "Трудовые мигранты и их семьи.",
            "Бесплатно",
            ServiceStatus.ACTIVE,
        ),
        (
            "documents",
            "Помощь с патентом и регистрацией",
            ["legal-aid", "documents"],
            ["ekb"],
            "Сб 10:00–14:00",
            ["tg", "ru", "uz"],
            "",
            "Бесплатно",
            ServiceStatus.ACTIVE,
        ),
    ],
    "ombudsman": [
        (
            "complaints",
            "Қабули шикоятҳо дар бораи вайрон кардани ҳуқуқ",
            ["legal-aid"],
            ["dushanbe"],
            "Душанбе–Ҷумъа, 8:00–17:00",
            ["tg", "ru"],
            "Ҳамаи шаҳрвандон.",
            "Ройгон",
            ServiceStatus.ACTIVE,
        ),
    ],
    "consulate-moscow": [
        (
            "return-certificate",
            "Шаҳодатномаи бозгашт ба ватан",
            ["documents", "consular"],
            ["moscow"],
            "Душанбе–Ҷумъа, 9:00–13:00",
            ["tg", "ru"],
            "Шаҳрвандони Тоҷикистон, ки шиносномаашонро гум кардаанд.",
            "Боҷи консулӣ",
            ServiceStatus.ACTIVE,
        ),
        (
            "remains",
            "Интиқоли ҷасади фавтидагон ба ватан",
            ["repatriation", "consular"],
            ["moscow"],
            "Ҳар рӯз",
            ["tg", "ru"],
            "Хешовандони фавтида.",
            "Ройгон",
            ServiceStatus.ACTIVE,
        ),
    ],
    "shelter-dushanbe": [
        (
            "shelter",
            "Паноҳгоҳи муваққатӣ барои занон ва кӯдакон",
            ["shelter", "psychosocial"],
            ["dushanbe"],
            "Шабонарӯзӣ",
            ["tg", "ru"],
            "Қурбониёни савдои одамон ва хушунат.",
            "Ройгон",
            ServiceStatus.ACTIVE,
        ),
    ],
    "migration-agency": [
        (
            "return",
            "Assisted voluntary return and reintegration",
            ["repatriation", "reintegration"],
            ["dushanbe", "kulob"],
            "Mon–Fri 9:00–17:00",
            ["tg", "ru", "en"],
            "Migrants stranded abroad and victims of trafficking.",
            "Free",
            ServiceStatus.ACTIVE,
        ),
        (
            "grants",
            "Reintegration grants",
            ["financial-support"],
            ["kulob"],
            "",
            ["tg", "en"],
            "Returned migrants with a business plan.",
            "Free",
            ServiceStatus.TEMPORARILY_CLOSED,
        ),
    ],
    "reintegration-kulob": [
        (
            "courses",
            "Курсҳои касбӣ: дӯзандагӣ, барқчӣ, кафшергар",
            ["vocational-training"],
            ["kulob"],
            "Душанбе–Шанбе, 8:00–16:00",
            ["tg"],
            "Муҳоҷирони бозгашта ва оилаҳои онҳо.",
            "Ройгон",
            ServiceStatus.ACTIVE,
        ),
        (
            "microcredit",
            "Қарзҳои хурд барои тиҷорати оилавӣ",
            ["financial-support", "employment"],
            ["kulob"],
            "Душанбе–Ҷумъа, 8:00–17:00",
            ["tg", "ru"],
            "Муҳоҷирони бозгашта.",
            "Фоизи паст",
            ServiceStatus.ACTIVE,
        ),
    ],
    "diaspora-almaty": [
        (
            "support",
            "Консультации и переводчики для земляков",
            ["legal-aid", "employment"],
            ["almaty"],
            "Вс 11:00–15:00",
            ["tg", "ru", "kk"],
            "",
            "Бесплатно",
            ServiceStatus.ACTIVE,
        ),
        (
            "language",
            "Курсы казахского и русского языка",
            ["language-courses"],
            ["almaty"],
            "Вт, Чт 18:00–20:00",
            ["ru", "kk"],
            "",
            "Бесплатно",
            ServiceStatus.ACTIVE,
        ),
    ],
    "oila-khujand": [
        (
            "families",
            "Машварати равонӣ барои оилаҳои муҳоҷирон",
            ["psychosocial"],
            ["khujand"],
            "Душанбе–Ҷумъа, 9:00–17:00",
            ["tg", "uz"],
            "Занон ва кӯдакони муҳоҷирон.",
            "Ройгон",
            ServiceStatus.ACTIVE,
        ),
    ],
    "clinic-moscow": [
        (
            "medical",
            "Медосмотр для патента и приём терапевта",
            ["health"],
            ["moscow"],
            "Ежедневно 8:00–20:00",
            ["tg", "ru"],
            "",
            "Скидка 20% по паспорту РТ",
            ServiceStatus.ACTIVE,
        ),
    ],
    "pre-departure": [
        (
            "russian",
            "Курсҳои забони русӣ пеш аз сафар",
            ["language-courses"],
            ["dushanbe"],
            "Душанбе–Ҷумъа, 14:00–17:00",
            ["tg", "ru"],
            "Ҳар касе, ки ба кор ба хориҷа меравад.",
            "Ройгон",
            ServiceStatus.ACTIVE,
        ),
        (
            "trades",
            "Омӯзиши касбҳои сохтмонӣ",
            ["vocational-training", "employment"],
            ["dushanbe"],
            "",
            ["tg"],
            "",
            "Ройгон",
            ServiceStatus.ACTIVE,
        ),
    ],
}

# owner ("organisation code" or "organisation code/service code"), number, type, description
PHONES = [
    ("huquq-ekb", "+7 343 000 00 01", PhoneType.VOICE, ""),
    ("huquq-ekb", "+7 900 000 00 02", PhoneType.TEXT, "WhatsApp, Telegram"),
    ("ombudsman", "+992 37 000 00 10", PhoneType.HOTLINE, ""),
    ("consulate-moscow", "+7 495 000 00 03", PhoneType.VOICE, ""),
    ("consulate-moscow/remains", "+7 495 000 00 04", PhoneType.HOTLINE, "Шабонарӯзӣ"),
    ("shelter-dushanbe", "+992 900 00 00 11", PhoneType.HOTLINE, "Шабонарӯзӣ, ройгон"),
    ("migration-agency", "+992 37 000 00 12", PhoneType.VOICE, ""),
    ("reintegration-kulob", "+992 33 000 00 13", PhoneType.VOICE, ""),
    ("diaspora-almaty", "+7 727 000 00 05", PhoneType.CELL, "WhatsApp"),
    ("oila-khujand", "+992 34 000 00 14", PhoneType.VOICE, ""),
    ("clinic-moscow", "+7 495 000 00 06", PhoneType.VOICE, ""),
    ("pre-departure", "+992 37 000 00 15", PhoneType.VOICE, ""),
]


COUNTRIES = ["RU", "KZ", "TJ"]


@transaction.atomic
def load_demo_directory(users):
    """Create or refresh the demo organisations (``users`` is not needed: no audit for demo)."""
    countries = {country.code: country for country in Country.objects.filter(code__in=COUNTRIES)}
    categories = {term.code: term for term in TaxonomyTerm.objects.filter(taxonomy="rohnamo")}
    languages = {language.code: language for language in Language.objects.all()}
    organizations, services, places = {}, {}, {}
    for code, kind, name, description, email, website, office in ORGANIZATIONS:
        organizations[code], _created = Organization.objects.update_or_create(
            pk=_id("organization", code),
            defaults={
                "kind": kind,
                "name": name,
                "description": description,
                "email": email,
                "website": website,
                "office": Office.objects.filter(code=office).first() if office else None,
                "is_public": True,
            },
        )
    for code, rows in LOCATIONS.items():
        for place, country, district, city, address in rows:
            places[code, place], _created = Location.objects.update_or_create(
                pk=_id("location", code, place),
                defaults={
                    "organization": organizations[code],
                    "country": countries[country],
                    "district": District.objects.filter(code=district).first()
                    if district
                    else None,
                    "city": city,
                    "address": address,
                },
            )
    for code, rows in SERVICES.items():
        for service_code, name, terms, at, hours, spoken, eligibility, cost, status in rows:
            service, _created = Service.objects.update_or_create(
                pk=_id("service", code, service_code),
                defaults={
                    "organization": organizations[code],
                    "name": name,
                    "hours": hours,
                    "eligibility": eligibility,
                    "cost": cost,
                    "status": status,
                },
            )
            service.categories.set([categories[term] for term in terms if term in categories])
            service.languages.set([languages[lang] for lang in spoken if lang in languages])
            for place in at:
                ServiceAtLocation.objects.get_or_create(
                    pk=_id("service-at-location", code, service_code, place),
                    defaults={"service": service, "location": places[code, place]},
                )
            services[f"{code}/{service_code}"] = service
    for owner, number, kind, description in PHONES:
        organization = organizations[owner.split("/")[0]]
        Phone.objects.update_or_create(
            pk=_id("phone", owner, number),
            defaults={
                "organization": None if "/" in owner else organization,
                "service": services.get(owner),
                "number": number,
                "kind": kind,
                "description": description,
            },
        )
