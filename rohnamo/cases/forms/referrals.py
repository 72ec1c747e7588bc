from django import forms
from django.utils.translation import gettext_lazy as _

from rohnamo.core.models import Country
from rohnamo.counselling.forms.fields import destination_choices
from rohnamo.directory.models import TaxonomyTerm


class ServiceSearchForm(forms.Form):
    category = forms.ModelChoiceField(
        label=_("Service category"),
        queryset=TaxonomyTerm.objects.filter(taxonomy="rohnamo"),
        required=False,
        empty_label=_("Any"),
    )
    country = forms.ModelChoiceField(
        label=_("Country"), queryset=Country.objects.all(), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = destination_choices()


class ReferralForm(forms.Form):
    service = forms.UUIDField(widget=forms.HiddenInput)
    consent_given = forms.BooleanField(
        label=_("The client agreed that we pass the case to this organisation"), required=False
    )
    consent_note = forms.CharField(
        label=_("How consent was given"),
        max_length=300,
        required=False,
        help_text=_("e.g. in person on 12 March, by phone to the wife"),
    )
    message = forms.CharField(
        label=_("Message to the organisation"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("What they need to know to help. The case narrative is not shared."),
    )
    public_message = forms.CharField(
        label=_("Message to the person who asked"),
        max_length=500,
        required=False,
        help_text=_("Shown on the public tracking page. No names or personal details."),
    )


class AnswerForm(forms.Form):
    note = forms.CharField(
        label=_("Reason or note"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
