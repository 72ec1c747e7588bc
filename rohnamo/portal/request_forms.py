"""The public "Ask for help" and "Check my request" forms: plain HTML, no JavaScript."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from rohnamo.cases.choices import CaseCategory, CaseKind
from rohnamo.cases.services.cases import MAX_NARRATIVE
from rohnamo.core.form_choices import country_choices, district_choices_by_region
from rohnamo.core.models import Country, District
from rohnamo.portal import antispam

MYSELF, SOMEONE_ELSE = "self", "other"


class PlainForm(forms.Form):
    """Labels as written: a question already ends in "?", so no colon is added."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class AskForm(PlainForm):
    kind = forms.ChoiceField(
        label=_("Is this a request for help or a complaint?"),
        choices=[(CaseKind.REQUEST, CaseKind.REQUEST.label),
                 (CaseKind.COMPLAINT, CaseKind.COMPLAINT.label)],
        initial=CaseKind.REQUEST,
        widget=forms.RadioSelect,
    )  # fmt: skip
    category = forms.ChoiceField(
        label=_("What is it about?"), choices=[("", "—"), *CaseCategory.choices]
    )
    narrative = forms.CharField(
        label=_("What happened?"),
        max_length=MAX_NARRATIVE,
        help_text=_("Who, where, since when. Do not write passwords or card numbers."),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    district = forms.ModelChoiceField(
        label=_("Home district in Tajikistan"),
        queryset=District.objects.all(),
        help_text=_("The office that serves this district will answer you."),
    )
    country = forms.ModelChoiceField(
        label=_("Country abroad"), queryset=Country.objects.all(), required=False
    )
    city = forms.CharField(label=_("City abroad"), max_length=200, required=False)
    employer = forms.CharField(label=_("Employer"), max_length=300, required=False)
    contact_name = forms.CharField(label=_("Your name"), max_length=200)
    contact_phone = forms.CharField(
        label=_("Your phone number"),
        max_length=40,
        help_text=_("We call you on this number, e.g. +992 93 123 45 67."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    for_whom = forms.ChoiceField(
        label=_("Who needs help?"),
        choices=[(MYSELF, _("I ask for myself")), (SOMEONE_ELSE, _("I ask for someone else"))],
        initial=MYSELF,
        widget=forms.RadioSelect,
    )
    relationship = forms.CharField(
        label=_("Who is this person to you?"),
        max_length=100,
        required=False,
        help_text=_("Only if you ask for someone else, e.g. wife, brother, neighbour."),
    )
    on_behalf_of = forms.CharField(
        label=_("Name of the person who needs help"),
        max_length=200,
        required=False,
        help_text=_("Only if you ask for someone else."),
    )
    consent = forms.BooleanField(
        label=_("I agree that the centre stores what I wrote here and uses it to help."),
        error_messages={"required": _("We can only help if you agree to this.")},
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    token = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].choices = district_choices_by_region()
        self.fields["country"].choices = country_choices()

    def clean_contact_phone(self):
        phone = self.cleaned_data["contact_phone"].strip()
        digits = re.sub(r"\D", "", phone)
        if not 7 <= len(digits) <= 15 or re.search(r"[^\d\s+()\-.]", phone):
            raise ValidationError(
                _("Write a phone number we can call, e.g. +992 93 123 45 67."), code="phone"
            )
        return phone

    def clean(self):
        data = super().clean()
        try:
            antispam.check_honeypot(data.get(antispam.HONEYPOT_FIELD))
            data["nonce"] = antispam.check_token(data.get("token"))
        except antispam.Rejected as rejected:
            raise ValidationError(rejected.message, code="spam") from rejected
        if data.get("for_whom") == SOMEONE_ELSE:
            for name, message in (
                ("relationship", _("Write who this person is to you.")),
                ("on_behalf_of", _("Write the name of the person who needs help.")),
            ):
                if not data.get(name, "").strip() and name not in self.errors:
                    self.add_error(name, message)
        else:
            data["relationship"] = data["on_behalf_of"] = ""
        return data

    def case_fields(self):
        """The keyword arguments of ``open_case_from_public``."""
        data = self.cleaned_data
        names = ("kind", "category", "district", "narrative", "contact_name", "contact_phone",
                 "country", "city", "employer", "on_behalf_of", "relationship")  # fmt: skip
        fields = {name: data[name] for name in names}
        for name in ("narrative", "contact_name", "city", "employer", "on_behalf_of",
                     "relationship"):  # fmt: skip
            fields[name] = fields[name].strip()
        return fields


class TrackForm(PlainForm):
    code = forms.CharField(
        label=_("Tracking code"),
        max_length=20,
        help_text=_("As you wrote it down, e.g. K7Q4-MX2P."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    pin = forms.CharField(
        label=_("PIN"),
        max_length=12,
        widget=forms.PasswordInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
