"""Directory records for tests, with the details the public pages and exports show."""

from rohnamo.core.models import Country, District, Language
from rohnamo.directory.models import Location, Organization, Phone, Service, TaxonomyTerm


def make_organization(name="Правовой центр (тест)", **fields):
    fields.setdefault("kind", "ngo")
    fields.setdefault("description", "Помогаем мигрантам.")
    return Organization.objects.create(name=name, **fields)


def make_place(organization, *, country="RU", city="Екатеринбург", district=None, **fields):
    return Location.objects.create(
        organization=organization,
        country=Country.objects.get(code=country),
        district=District.objects.get(code=district) if district else None,
        city=city,
        **fields,
    )


def make_service(
    organization,
    name="Юридическая помощь",
    *,
    categories=("legal-aid",),
    places=(),
    languages=("tg", "ru"),
    phone="+7 343 000 00 01",
    **fields,
):
    fields.setdefault("hours", "Пн–Пт 10:00–18:00")
    fields.setdefault("cost", "Бесплатно")
    fields.setdefault("eligibility", "Трудовые мигранты и их семьи.")
    service = Service.objects.create(organization=organization, name=name, **fields)
    service.categories.set(TaxonomyTerm.objects.filter(taxonomy="rohnamo", code__in=categories))
    service.languages.set(Language.objects.filter(code__in=languages))
    service.locations.set(places)
    if phone:
        Phone.objects.create(service=service, number=phone, kind="voice")
    return service


def helping_in(city="Екатеринбург", country="RU", *, district=None, name=None, **fields):
    """An organisation with one place and one service there."""
    organization = make_organization(name or f"Центр помощи, {city or district}")
    place = make_place(organization, country=country, city=city, district=district)
    return make_service(organization, places=[place], **fields)
