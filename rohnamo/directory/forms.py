"""Forms of the staff pages of the directory."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from rohnamo.core.form_choices import country_choices as form_country_choices
from rohnamo.core.models import Country, District, Language, Office
from rohnamo.directory.choices import OrganizationKind, PhoneType, ServiceStatus
from rohnamo.directory.models import Location, TaxonomyTerm
from rohnamo.directory.queries import partner_offices
from rohnamo.lib.collation import sorted_by

# Tajikistan, then where most migrants go, then every other country alphabetically.
FIRST_COUNTRIES = ["TJ", "RU", "KZ"]


def country_choices():
    return form_country_choices(first=FIRST_COUNTRIES)


MAX_IMPORT_BYTES = 20 * 1024 * 1024


class OrganizationSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=200, required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("Any"))] + OrganizationKind.choices, required=False
    )


class ServiceSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=200, required=False)
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=TaxonomyTerm.objects.filter(taxonomy="rohnamo"),
        required=False,
        empty_label=_("Any"),
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any"))] + ServiceStatus.choices, required=False
    )


class OrganizationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=300)
    alternate_name = forms.CharField(label=_("Other name"), max_length=300, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=OrganizationKind.choices)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    email = forms.EmailField(label=_("Email"), required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    office = forms.ModelChoiceField(
        label=_("Answered by the office"),
        queryset=Office.objects.none(),
        required=False,
        help_text=_("The partner office whose staff answer referrals to this organisation."),
    )
    is_public = forms.BooleanField(label=_("Shown on the public site"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offices = sorted_by(partner_offices(), "name")
        self.fields["office"].queryset = partner_offices()
        self.fields["office"].choices = [("", "—")] + [
            (office.pk, office.name) for office in offices
        ]


class ServiceForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=300)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    categories = forms.ModelMultipleChoiceField(
        label=_("Categories"),
        queryset=TaxonomyTerm.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    status = forms.ChoiceField(label=_("Status"), choices=ServiceStatus.choices)
    hours = forms.CharField(label=_("Opening hours"), max_length=300, required=False)
    languages = forms.ModelMultipleChoiceField(
        label=_("Languages spoken"),
        queryset=Language.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    eligibility = forms.CharField(
        label=_("Who can use it"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    cost = forms.CharField(label=_("Cost"), max_length=300, required=False)
    email = forms.EmailField(label=_("Email"), required=False)
    url = forms.URLField(label=_("Web address"), required=False, assume_scheme="https")
    locations = forms.ModelMultipleChoiceField(
        label=_("Places"),
        queryset=Location.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, organization, current_categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        # Rohnamo's categories, and any other taxonomy's terms the service already has.
        self.fields["categories"].queryset = TaxonomyTerm.objects.filter(
            pk__in=[term.pk for term in current_categories]
        ) | TaxonomyTerm.objects.filter(taxonomy="rohnamo")
        self.fields["languages"].choices = [
            (language.pk, language.name) for language in sorted_by(Language.objects.all(), "name")
        ]
        self.fields["locations"].queryset = organization.locations.select_related(
            "country", "district"
        )


class LocationForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=300,
        required=False,
        help_text=_("e.g. Main office, Consular section"),
    )
    country = forms.ModelChoiceField(label=_("Country"), queryset=Country.objects.all())
    district = forms.ModelChoiceField(
        label=_("District or city in Tajikistan"), queryset=District.objects.all(), required=False
    )
    city = forms.CharField(
        label=_("City abroad"),
        max_length=200,
        required=False,
    )
    address = forms.CharField(label=_("Address"), max_length=500, required=False)
    latitude = forms.DecimalField(
        label=_("Latitude"),
        max_digits=9,
        decimal_places=6,
        required=False,
        min_value=-90,
        max_value=90,
    )
    longitude = forms.DecimalField(
        label=_("Longitude"),
        max_digits=9,
        decimal_places=6,
        required=False,
        min_value=-180,
        max_value=180,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices()
        self.fields["district"].choices = [("", "—")] + [
            (district.pk, district.name) for district in sorted_by(District.objects.all(), "name")
        ]


class PhoneForm(forms.Form):
    owner = forms.ChoiceField(label=_("For"))
    number = forms.CharField(label=_("Number"), max_length=60)
    extension = forms.CharField(label=_("Extension"), max_length=10, required=False)
    kind = forms.ChoiceField(label=_("Type"), choices=PhoneType.choices)
    description = forms.CharField(
        label=_("Description"),
        max_length=200,
        required=False,
        help_text=_("e.g. WhatsApp, Telegram, around the clock"),
    )

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.owners = {f"organization:{organization.pk}": organization}
        choices = [(f"organization:{organization.pk}", gettext("The organisation as a whole"))]
        for service in organization.services.all():
            self.owners[f"service:{service.pk}"] = service
            choices.append(
                (f"service:{service.pk}", gettext("Service: %(name)s") % {"name": service.name})
            )
        for place in organization.locations.all():
            self.owners[f"location:{place.pk}"] = place
            choices.append((f"location:{place.pk}", gettext("Place: %(name)s") % {"name": place}))
        self.fields["owner"].choices = choices

    def clean_owner(self):
        return self.owners[self.cleaned_data["owner"]]


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("HSDS file"),
        help_text=_("HSDS 3.0 JSON, or the CSV data package as a zip; at most 20 MB."),
    )
    publish = forms.BooleanField(
        label=_("Show new organisations on the public site"),
        required=False,
        help_text=_("Otherwise they stay hidden until someone checks and publishes them."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return upload
