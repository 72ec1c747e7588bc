"""Forms of the work-permit pages: a permit, the register's filters and the period of T-2/3-T."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from rohnamo.core.form_choices import country_choices, district_choices
from rohnamo.core.models import Country, District
from rohnamo.crossings.choices import Sector, Sex
from rohnamo.crossings.permits_forms import FIRST_YEAR, LAST_YEAR, FormPeriod, half_containing
from rohnamo.recruitment.models import Occupation

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

# Where most foreign workers in Tajikistan come from: listed first in the select.
MAIN_ORIGINS = ["CN", "RU", "TR", "IR", "UZ", "AF", "IN"]


def occupation_choices():
    """ISCO-08 unit groups by major group, as the vacancy form offers them."""
    from rohnamo.recruitment.occupations import unit_group_choices

    return [("", "—"), *unit_group_choices()]


class PermitForm(forms.Form):
    permit_number = forms.CharField(label=_("Permit number"), max_length=40)
    surname = forms.CharField(label=_("Surname"), max_length=100)
    given_name = forms.CharField(label=_("Given name"), max_length=100, required=False)
    sex = forms.ChoiceField(label=_("Sex"), choices=Sex.choices)
    birth_date = forms.DateField(label=_("Date of birth"), required=False, widget=DATE_INPUT)
    citizenship = forms.ModelChoiceField(label=_("Citizenship"), queryset=Country.objects.all())
    passport_number = forms.CharField(label=_("Passport number"), max_length=20, required=False)
    employer = forms.CharField(label=_("Employer"), max_length=300)
    sector = forms.ChoiceField(label=_("Sector"), choices=Sector.choices)
    occupation = forms.ModelChoiceField(
        label=_("Occupation (ISCO-08)"), queryset=Occupation.objects.all(), required=False
    )
    work_district = forms.ModelChoiceField(
        label=_("Place of work"), queryset=District.objects.all(), required=False
    )
    issued_on = forms.DateField(label=_("Issued on"), widget=DATE_INPUT)
    valid_from = forms.DateField(label=_("Valid from"), widget=DATE_INPUT)
    valid_until = forms.DateField(label=_("Valid until"), widget=DATE_INPUT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["citizenship"].choices = country_choices(first=MAIN_ORIGINS)
        self.fields["work_district"].choices = district_choices()
        self.fields["occupation"].choices = occupation_choices()

    @classmethod
    def initial_of(cls, permit):
        """The form's values for an existing permit."""
        initial = {name: getattr(permit, name) for name in cls.base_fields}
        for name in ("citizenship", "occupation", "work_district"):
            initial[name] = getattr(permit, f"{name}_id")
        return initial


STATUS_CHOICES = [
    ("", _("Any")),
    ("valid", _("Valid today")),
    ("expired", pgettext_lazy("work permit", "Expired")),
    ("future", _("Not valid yet")),
]


class PermitFilterForm(forms.Form):
    q = forms.CharField(label=_("Name, permit number or employer"), max_length=200, required=False)
    citizenship = forms.ModelChoiceField(
        label=_("Citizenship"), queryset=Country.objects.all(), required=False
    )
    sector = forms.ChoiceField(
        label=_("Sector"), choices=[("", _("Any")), *Sector.choices], required=False
    )
    status = forms.ChoiceField(label=_("Validity"), choices=STATUS_CHOICES, required=False)
    year = forms.IntegerField(
        label=_("Year issued"), min_value=FIRST_YEAR, max_value=LAST_YEAR, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["citizenship"].choices = country_choices(first=MAIN_ORIGINS)


HALF_CHOICES = [
    ("", _("Whole year")),
    ("1", _("First half (January–June)")),
    ("2", _("Second half (July–December)")),
]


class FormPeriodForm(forms.Form):
    """The half-year or year of forms T-2 and 3-T; by default the last finished half-year."""

    year = forms.IntegerField(label=_("Year"), min_value=FIRST_YEAR, max_value=LAST_YEAR)
    half = forms.TypedChoiceField(
        label=_("Half-year"), choices=HALF_CHOICES, coerce=int, required=False, empty_value=None
    )

    def __init__(self, query):
        data = {key: query.get(key) for key in ("year", "half") if query.get(key) is not None}
        if not data.get("year"):
            current = half_containing(timezone.localdate())
            last = (
                FormPeriod(current.year, 1)
                if current.half == 2
                else FormPeriod(current.year - 1, 2)
            )
            data = {"year": str(last.year), "half": str(last.half)}
        super().__init__(data)

    def clean(self):
        data = super().clean()
        if data.get("year"):
            data["period"] = FormPeriod(data["year"], data.get("half"))
        return data
