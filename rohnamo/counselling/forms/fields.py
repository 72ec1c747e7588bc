"""Choices shared by the counselling forms, in the order counsellors reach for them."""

from django import forms
from django.utils.translation import gettext_lazy as _

from rohnamo.core.models import Country, District, Office
from rohnamo.lib.collation import sorted_by

# Where almost every Tajik migrant goes; listed first so the quick form needs no scrolling.
MAIN_DESTINATIONS = ["RU", "KZ"]

NOT_STATED = [("", _("Not stated"))]


def destination_choices():
    countries = list(Country.objects.all())
    first = sorted(
        (country for country in countries if country.code in MAIN_DESTINATIONS),
        key=lambda country: MAIN_DESTINATIONS.index(country.code),
    )
    rest = sorted_by((country for country in countries if country not in first), "name")
    return [("", "—")] + [(country.pk, country.name) for country in first + rest]


def district_choices():
    return [("", "—")] + [
        (district.pk, district.name) for district in sorted_by(District.objects.all(), "name")
    ]


class OfficeField(forms.ModelChoiceField):
    """The office a record is written for: hidden and preset for people who work in one."""

    def __init__(self, **kwargs):
        super().__init__(label=_("Office"), queryset=Office.objects.none(), **kwargs)

    def limit_to(self, offices):
        self.queryset = Office.objects.filter(pk__in=[office.pk for office in offices])
        self.choices = [(office.pk, office.name) for office in offices]
        if len(offices) == 1:
            self.only = offices[0]
            self.required, self.initial, self.widget = False, offices[0].pk, forms.HiddenInput()

    def clean(self, value):
        office = super().clean(value)
        return office or getattr(self, "only", None)
