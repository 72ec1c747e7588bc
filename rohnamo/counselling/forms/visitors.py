from django import forms
from django.utils.translation import gettext_lazy as _

from rohnamo.core.models import District
from rohnamo.counselling.choices import AgeGroup, Sex, VisitorStage
from rohnamo.counselling.forms.fields import NOT_STATED, OfficeField, district_choices


class VisitorForm(forms.Form):
    office = OfficeField()
    consent_given = forms.BooleanField(
        label=_("The visitor agrees that we keep their name and phone number"), required=False
    )
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        required=False,
        help_text=_("Leave empty for an anonymous visitor."),
    )
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    sex = forms.ChoiceField(
        label=_("Sex"), choices=NOT_STATED + Sex.choices, required=False, widget=forms.RadioSelect
    )
    birth_year = forms.IntegerField(label=_("Year of birth"), required=False)
    age_group = forms.ChoiceField(
        label=_("Age group"),
        choices=NOT_STATED + AgeGroup.choices,
        required=False,
        help_text=_("When the year of birth is not known."),
    )
    district = forms.ModelChoiceField(
        label=_("District of residence"), queryset=District.objects.all(), required=False
    )
    stage = forms.ChoiceField(
        label=_("Stage"),
        choices=NOT_STATED + VisitorStage.choices,
        required=False,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, offices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].limit_to(offices)
        self.fields["district"].choices = district_choices()


class VisitorSearchForm(forms.Form):
    q = forms.CharField(label=_("Name or phone"), max_length=100, required=False)
