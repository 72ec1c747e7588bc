"""Choices of reference data for forms, in the order people reach for them."""

from rohnamo.core.models import Country, District
from rohnamo.lib.collation import sort_key, sorted_by

# Where almost every Tajik migrant goes; listed first so that nobody scrolls for them.
MAIN_DESTINATIONS = ["RU", "KZ"]


def country_choices(first=MAIN_DESTINATIONS):
    """Every country, the ``first`` codes in that order, then the rest alphabetically."""
    countries = list(Country.objects.all())
    leading = sorted(
        (country for country in countries if country.code in first),
        key=lambda country: first.index(country.code),
    )
    rest = sorted_by((country for country in countries if country not in leading), "name")
    return [("", "—")] + [(country.pk, country.name) for country in leading + rest]


def district_choices():
    """Every district and city of Tajikistan, alphabetically."""
    return [("", "—")] + [
        (district.pk, district.name) for district in sorted_by(District.objects.all(), "name")
    ]


def district_choices_by_region():
    """Districts grouped by region, both in alphabetical order of the interface language."""
    by_region = {}
    for district in District.objects.select_related("region"):
        by_region.setdefault(district.region, []).append(district)
    regions = sorted(by_region, key=lambda region: sort_key(region.name))
    return [("", "—")] + [
        (region.name, [(d.pk, d.name) for d in sorted_by(by_region[region], "name")])
        for region in regions
    ]
