"""Fields and choices shared by the counselling forms (and the case forms)."""

__all__ = ["NOT_STATED", "OfficeField", "destination_choices", "district_choices"]

from django import forms
from django.utils.translation import gettext_lazy as _

from rohnamo.core.form_choices import country_choices as destination_choices
from rohnamo.core.form_choices import district_choices
from rohnamo.core.models import Office

NOT_STATED = [("", _("Not stated"))]


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
