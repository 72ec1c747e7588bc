"""Forms of the agency register's staff pages: agencies, licences, inspections, vacancies."""

from django import forms
from django.utils.translation import gettext_lazy as _

from rohnamo.core.form_choices import country_choices, district_choices
from rohnamo.core.models import Country, District
from rohnamo.lib.collation import sorted_by
from rohnamo.recruitment.choices import LICENCE_TRANSITIONS, LicenceStatus, Sanction, VacancyStatus
from rohnamo.recruitment.models import Occupation

TEXTAREA = forms.Textarea(attrs={"rows": 4})
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

# The statuses the register's list can be narrowed to (see queries.agency_status).
STATUS_FILTER_CHOICES = [
    ("", _("Any status")),
    ("licensed", _("Licensed")),
    ("suspended", _("Suspended")),
    ("revoked", _("Revoked")),
    ("expired", _("Expired")),
    ("unlicensed", _("Not licensed")),
]


def occupation_choices():
    """ISCO-08 unit groups for a vacancy: the classification helper's list when it is installed,
    else every occupation by code."""
    try:
        from rohnamo.recruitment.occupations import unit_group_choices
    except ImportError:
        return [("", "—")] + [
            (occupation.pk, str(occupation)) for occupation in Occupation.objects.order_by("code")
        ]
    return unit_group_choices()


class AgencyFilterForm(forms.Form):
    q = forms.CharField(label=_("Name, tax or licence number"), max_length=200, required=False)
    status = forms.ChoiceField(
        label=_("Licence status"), choices=STATUS_FILTER_CHOICES, required=False
    )


class AgencyForm(forms.Form):
    legal_name = forms.CharField(label=_("Legal name"), max_length=300)
    other_names = forms.CharField(
        label=_("Other names used in adverts"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("One a line, in any spelling: the public check searches them all."),
    )
    tax_number = forms.CharField(label=_("Tax number (INN)"), max_length=30, required=False)
    registration_number = forms.CharField(
        label=_("Registration number"), max_length=60, required=False
    )
    address = forms.CharField(label=_("Address"), max_length=500, required=False)
    district = forms.ModelChoiceField(
        label=_("District or city"), queryset=District.objects.all(), required=False
    )
    phones = forms.CharField(label=_("Phones"), max_length=300, required=False)
    email = forms.EmailField(label=_("Email"), required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    countries = forms.ModelMultipleChoiceField(
        label=_("Countries recruited for"),
        queryset=Country.objects.all(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    def __init__(self, *args, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            # Names are added one by one on the agency's page once it exists.
            del self.fields["other_names"]
        self.fields["district"].choices = district_choices()
        self.fields["countries"].choices = country_choices()[1:]

    def clean_other_names(self):
        lines = self.cleaned_data["other_names"].splitlines()
        return [line.strip() for line in lines if line.strip()]


class NameForm(forms.Form):
    name = forms.CharField(label=_("Name used in adverts"), max_length=300)


class BranchForm(forms.Form):
    address = forms.CharField(label=_("Address"), max_length=500)
    district = forms.ModelChoiceField(
        label=_("District or city"), queryset=District.objects.all(), required=False
    )
    phone = forms.CharField(label=_("Phone"), max_length=60, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].choices = district_choices()


class LicenceForm(forms.Form):
    number = forms.CharField(label=_("Licence number"), max_length=60)
    issued_on = forms.DateField(label=_("Issued on"), widget=DATE_INPUT)
    expires_on = forms.DateField(label=_("Expires on"), widget=DATE_INPUT)


class LicenceStatusForm(forms.Form):
    """Suspend, reinstate or revoke one licence; only the moves its status allows are offered."""

    status = forms.ChoiceField(label=_("New status"))
    reason = forms.CharField(label=_("Reason"), max_length=500, widget=TEXTAREA)

    def __init__(self, *args, licence, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (status.value, status.label)
            for status in LicenceStatus
            if status in LICENCE_TRANSITIONS[licence.status]
        ]


class InspectionForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DATE_INPUT)
    findings = forms.CharField(label=_("Findings"), widget=TEXTAREA)
    sanction = forms.ChoiceField(label=_("Sanction"), choices=Sanction.choices)


class VacancyForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=None)
    employer = forms.CharField(label=_("Employer"), max_length=300)
    country = forms.ModelChoiceField(label=_("Country"), queryset=Country.objects.all())
    city = forms.CharField(label=_("City"), max_length=200, required=False)
    occupation = forms.ModelChoiceField(
        label=_("Occupation (ISCO-08)"), queryset=Occupation.objects.all()
    )
    title = forms.CharField(label=_("Job title"), max_length=300)
    workers = forms.IntegerField(label=_("Workers needed"), min_value=1, initial=1)
    wage = forms.DecimalField(label=_("Monthly wage"), min_value=0, max_digits=12, decimal_places=2)
    currency = forms.CharField(label=_("Currency"), max_length=3, initial="RUB")
    hours = forms.CharField(label=_("Working hours"), max_length=200, required=False)
    housing = forms.ChoiceField(label=_("Housing"))
    contract_months = forms.IntegerField(
        label=_("Contract length (months)"), min_value=1, max_value=120
    )
    requirements = forms.CharField(
        label=_("Requirements"),
        widget=TEXTAREA,
        required=False,
        help_text=_("Language, skills, certificates."),
    )
    worker_fee = forms.DecimalField(
        label=_("Fee the worker pays"), min_value=0, max_digits=10, decimal_places=2, initial=0
    )
    fee_currency = forms.CharField(label=_("Fee currency"), max_length=3, initial="TJS")
    closes_on = forms.DateField(label=_("Closing date"), widget=DATE_INPUT)

    def __init__(self, *args, agencies, **kwargs):
        from rohnamo.recruitment.models import Vacancy

        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["agency"].choices = [("", "—")] + [
            (agency.pk, agency.legal_name) for agency in sorted_by(agencies, "legal_name")
        ]
        self.fields["country"].choices = country_choices()
        self.fields["occupation"].choices = occupation_choices()
        self.fields["housing"].choices = Vacancy._meta.get_field("housing").choices

    def clean_currency(self):
        return self.cleaned_data["currency"].upper()

    def clean_fee_currency(self):
        return self.cleaned_data["fee_currency"].upper()


class RejectForm(forms.Form):
    reason = forms.CharField(label=_("Reason for rejecting"), max_length=500, widget=TEXTAREA)


class VacancyFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any status")), *VacancyStatus.choices], required=False
    )
