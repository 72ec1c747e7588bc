"""Forms of the pre-departure module: the list upload and the public check."""

import datetime
from pathlib import Path

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rohnamo.core.form_choices import country_choices
from rohnamo.core.models import Country
from rohnamo.crossings.linkage.normalise import passport_key
from rohnamo.departure.choices import ListKind

# Russia's list names hundreds of thousands of people: about 25 MB as CSV.
MAX_BYTES = 100 * 1024 * 1024
TOO_LARGE = _("The file is larger than 100 MB. Save it as XLSX or split it into parts.")
DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y"]


class ListUploadForm(forms.Form):
    file = forms.FileField(
        label=_("List file"),
        help_text=_("CSV (UTF-8 or Windows-1251) or XLSX whose first row names the columns."),
    )
    country = forms.TypedChoiceField(label=_("Country of the list"), coerce=int)
    kind = forms.ChoiceField(label=_("Kind of list"), choices=ListKind.choices)
    name = forms.CharField(label=_("Name of the list"), max_length=200)
    received_on = forms.DateField(
        label=_("Received on"),
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices()
        russia = Country.objects.filter(code="RU").values_list("pk", flat=True).first()
        self.fields["country"].initial = russia
        self.fields["received_on"].initial = timezone.localdate()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(TOO_LARGE)
        if Path(upload.name).suffix.lower() not in {".csv", ".xlsx", ".txt"}:
            raise forms.ValidationError(_("Upload a CSV or XLSX file."))
        return upload

    def clean_received_on(self):
        value = self.cleaned_data["received_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The date received cannot be in the future."))
        return value

    def clean_country(self):
        return Country.objects.get(pk=self.cleaned_data["country"])


class TravelCheckForm(forms.Form):
    """Date of birth, and the passport number or the full name: never less."""

    birth_date = forms.DateField(
        label=_("Date of birth"),
        input_formats=DATE_FORMATS,
        help_text=_("For example 02.04.1990."),
        error_messages={
            "required": _("Write your date of birth: the check needs it."),
            "invalid": _("This date does not exist. Write it as DD.MM.YYYY, e.g. 02.04.1990."),
        },
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    passport = forms.CharField(label=_("Passport number"), max_length=20, required=False)
    surname = forms.CharField(label=_("Surname"), max_length=100, required=False)
    given_name = forms.CharField(label=_("Given name"), max_length=100, required=False)
    patronymic = forms.CharField(
        label=_("Patronymic (if you have one)"), max_length=100, required=False
    )

    def clean_birth_date(self):
        value = self.cleaned_data["birth_date"]
        if not datetime.date(1900, 1, 1) <= value <= timezone.localdate():
            raise forms.ValidationError(_("This is not a possible date of birth."))
        return value

    def clean(self):
        data = super().clean()
        passport = data.get("passport", "").strip()
        if passport and not passport_key(passport):
            self.add_error("passport", _("This passport number is too short; check it."))
            passport = ""
        surname, given = data.get("surname", "").strip(), data.get("given_name", "").strip()
        if not passport and not (surname and given):
            if surname or given:
                raise forms.ValidationError(
                    _("Write both your surname and your given name, or your passport number.")
                )
            raise forms.ValidationError(
                _("Write your passport number, or your surname and given name.")
            )
        return data
