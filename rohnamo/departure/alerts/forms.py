"""The public form to subscribe to alerts: the check's identity fields, a phone, consent."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from rohnamo.departure.alerts.choices import MessageChannel
from rohnamo.departure.forms import TravelCheckForm
from rohnamo.lib.phones import international_phone

PREFIX = "alert"


class AlertSubscribeForm(TravelCheckForm):
    """Asks the identity again (the answer page keeps nothing typed), then phone and consent."""

    phone = forms.CharField(
        label=_("Phone number"),
        max_length=30,
        help_text=_("With the country code, e.g. +992 90 123 45 67 or +7 912 345 67 89."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    channel = forms.ChoiceField(
        label=_("Send by"),
        choices=MessageChannel.choices,
        initial=MessageChannel.SMS,
        widget=forms.RadioSelect,
    )
    consent = forms.BooleanField(
        label=_(
            "I agree: Rohnamo keeps a coded trace of my passport number or name with my date of "
            "birth (not the details themselves) and my phone number, encrypted, only to tell me "
            "when a newer list names me. I can stop at any time by replying STOP or by the link "
            "in every message."
        ),
        error_messages={"required": _("Tick the box to agree, or we cannot send you alerts.")},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", PREFIX)
        super().__init__(*args, **kwargs)
        # The check's patronymic does not identify a person on a list by itself.
        del self.fields["patronymic"]

    def clean_phone(self):
        try:
            return international_phone(self.cleaned_data["phone"])
        except ValidationError as error:
            raise forms.ValidationError(error.messages) from error
