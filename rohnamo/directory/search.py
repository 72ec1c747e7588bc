"""Finding help on the public site: by place (a Tajik district, or a country and city abroad),
by category and by words, however people spell them.

The public directory is small (hundreds of services), so it is read once per request with a
fixed number of queries and narrowed in Python: that way "Кӯлоб", "Кулоб" and "Kulob" find the
same place on every database.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from rohnamo.lib.collation import sort_key
from rohnamo.lib.search_text import fold, words

TAJIKISTAN = "TJ"
# Where most Tajik migrants go: listed first among the places abroad.
MAIN_DESTINATIONS = ["RU", "KZ"]


def service_places(service):
    """The places a service is given at; those of its organisation when it names none."""
    return list(service.locations.all()) or list(service.organization.locations.all())


def _city_key(city):
    return " ".join(words(city))


def place_values(location):
    """The values of the place filter a location answers to."""
    values = []
    if location.district_id:
        values.append(f"d:{location.district.code}")
    if location.country_id:
        code = location.country.code
        values.append(f"c:{code}")
        if location.city:
            values.append(f"c:{code}:{_city_key(location.city)}")
    return values


@dataclass(frozen=True)
class PlaceGroup:
    label: str
    options: list  # [(value, label)]


def place_choices(services):
    """The places that have services, grouped by country for a <select>: Tajikistan's districts
    first, then the main destinations, then other countries, each alphabetically."""
    countries, districts, cities = {}, {}, {}
    for service in services:
        for location in service_places(service):
            if location.country_id is None:
                continue
            country = location.country
            countries[country.code] = country
            if location.district_id:
                districts[location.district.code] = location.district
            elif location.city:
                key = (country.code, _city_key(location.city))
                cities.setdefault(key, location.city)
    groups = []
    order = sorted(
        countries.values(),
        key=lambda country: (
            country.code != TAJIKISTAN,
            country.code not in MAIN_DESTINATIONS,
            MAIN_DESTINATIONS.index(country.code) if country.code in MAIN_DESTINATIONS else 0,
            sort_key(country.name),
        ),
    )
    for country in order:
        everywhere = (
            _("All of Tajikistan")
            if country.code == TAJIKISTAN
            else _("%(country)s: all cities") % {"country": country.name}
        )
        options = [(f"c:{country.code}", everywhere)]
        if country.code == TAJIKISTAN:
            ordered = sorted(districts.items(), key=lambda item: sort_key(item[1].name))
            options += [(f"d:{code}", district.name) for code, district in ordered]
        options += sorted(
            (
                (f"c:{code}:{key}", city)
                for (code, key), city in cities.items()
                if code == country.code
            ),
            key=lambda option: sort_key(option[1]),
        )
        groups.append(PlaceGroup(country.name, options))
    return groups


def _haystack(service):
    organization = service.organization
    texts = [
        service.name,
        service.description,
        service.eligibility,
        organization.name,
        organization.alternate_name,
    ]
    for category in service.categories.all():
        texts += [category.name_tg, category.name_ru, category.name_en]
    for location in service_places(service):
        texts += [location.city, location.name]
        for named in (location.district, location.country):
            if named is not None:
                texts += [named.name_tg, named.name_ru, named.name_en]
    return " ".join(fold(text) for text in texts if text)


def find_services(services, *, query="", category=None, place=""):
    """``services`` narrowed to a category (a TaxonomyTerm), a place (a value of
    ``place_choices``) and every word of ``query``, alphabetically by name."""
    terms = words(query)
    found = []
    for service in services:
        if category is not None and category not in service.categories.all():
            continue
        if place and not any(place in place_values(loc) for loc in service_places(service)):
            continue
        if terms:
            haystack = _haystack(service)
            if not all(term in haystack for term in terms):
                continue
        found.append(service)
    return sorted(found, key=lambda service: (sort_key(service.name), str(service.pk)))
