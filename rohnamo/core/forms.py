from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from rohnamo.core.choices import AuditAction
from rohnamo.core.models import Office
from rohnamo.core.services import OFFICE_CONTACT_FIELDS
from rohnamo.lib.collation import sorted_by


class AuditFilterForm(forms.Form):
    """Filters for the audit log; the same fields drive the page and the CSV export."""

    actor = forms.CharField(label=_("User name"), required=False, max_length=150)
    action = forms.ChoiceField(
        label=_("Action"), required=False, choices=[("", _("Any"))] + AuditAction.choices
    )
    kind = forms.ModelChoiceField(
        label=_("Kind of record"),
        required=False,
        queryset=ContentType.objects.none(),
        empty_label=_("Any"),
    )
    record = forms.CharField(label=_("Record id"), required=False, max_length=64)
    office = forms.ModelChoiceField(
        label=_("Office"), required=False, queryset=Office.objects.all(), empty_label=_("Any")
    )
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from rohnamo.core.models import AuditEntry

        used = AuditEntry.objects.values_list("content_type", flat=True).distinct()
        self.fields["kind"].queryset = ContentType.objects.filter(pk__in=used)
        self.fields["kind"].label_from_instance = lambda ct: ct.model_class()._meta.verbose_name
        self.fields["office"].choices = [("", _("Any"))] + [
            (office.pk, office.name) for office in sorted_by(Office.objects.all(), "name")
        ]

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            raise forms.ValidationError(_("The start date is after the end date."))
        return data

    def filter(self, entries):
        """``entries`` narrowed by the valid filters (all entries if the form is invalid)."""
        if not self.is_valid():
            return entries.none()
        data = self.cleaned_data
        if data["actor"]:
            entries = entries.filter(actor_name__icontains=data["actor"])
        if data["action"]:
            entries = entries.filter(action=data["action"])
        if data["kind"]:
            entries = entries.filter(content_type=data["kind"])
        if data["record"]:
            entries = entries.filter(object_id=data["record"])
        if data["office"]:
            entries = entries.filter(office=data["office"])
        if data["date_from"]:
            entries = entries.filter(at__date__gte=data["date_from"])
        if data["date_to"]:
            entries = entries.filter(at__date__lte=data["date_to"])
        return entries


class OfficeContactsForm(forms.ModelForm):
    class Meta:
        model = Office
        fields = OFFICE_CONTACT_FIELDS
