"""The form that registers a partner system."""

from django import forms
from django.utils.translation import gettext_lazy as _

from rohnamo.departure.models import PartnerClient


class PartnerClientForm(forms.ModelForm):
    class Meta:
        model = PartnerClient
        fields = ["name", "organisation", "contact", "per_hour", "per_day", "sees_reason"]
        help_texts = {
            "name": _("The system that will call, e.g. “Somon Air booking”."),
            "sees_reason": _(
                "Only for a partner who acts on it, such as the border service. An airline "
                "needs no more than the list and its dates."
            ),
        }
