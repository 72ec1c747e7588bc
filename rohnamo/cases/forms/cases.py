from django import forms
from django.utils.translation import gettext_lazy as _

from rohnamo.cases.choices import CaseCategory, CaseKind, CaseStatus, Priority
from rohnamo.core.models import Country, District
from rohnamo.counselling.forms.fields import OfficeField, destination_choices, district_choices
from rohnamo.lib.collation import sorted_by
from rohnamo.recruitment.models import Agency

TEXTAREA = forms.Textarea(attrs={"rows": 4})
DATE_INPUT = forms.DateInput(attrs={"type": "date"})


class CaseForm(forms.Form):
    office = OfficeField()
    kind = forms.ChoiceField(label=_("Kind"), choices=CaseKind.choices)
    category = forms.ChoiceField(label=_("Category"), choices=CaseCategory.choices)
    priority = forms.ChoiceField(
        label=_("Priority"),
        choices=[("", _("By category"))] + Priority.choices,
        required=False,
        help_text=_("Death abroad and trafficking are urgent unless you choose otherwise."),
    )
    country = forms.ModelChoiceField(
        label=_("Country where it happened"), queryset=Country.objects.all(), required=False
    )
    city = forms.CharField(label=_("City"), max_length=200, required=False)
    employer = forms.CharField(label=_("Employer"), max_length=300, required=False)
    agency = forms.ModelChoiceField(
        label=_("Recruitment agency"),
        queryset=Agency.objects.all(),
        required=False,
        help_text=_("For a complaint about an agency: it then counts on the agency's record."),
    )
    district = forms.ModelChoiceField(
        label=_("Home district"), queryset=District.objects.all(), required=False
    )
    narrative = forms.CharField(label=_("What happened"), widget=TEXTAREA)
    contact_name = forms.CharField(label=_("Contact name"), max_length=200, required=False)
    contact_phone = forms.CharField(label=_("Contact phone"), max_length=60, required=False)
    on_behalf_of = forms.CharField(
        label=_("Filed on behalf of"),
        max_length=200,
        required=False,
        help_text=_("When a relative or an organisation asks for someone else: who it is about."),
    )
    relationship = forms.CharField(
        label=_("Relationship of the filer"), max_length=100, required=False
    )

    def __init__(self, *args, offices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].limit_to(offices)
        self.fields["country"].choices = destination_choices()
        self.fields["district"].choices = district_choices()
        self.fields["agency"].choices = [("", "—")] + [
            (agency.pk, agency.legal_name)
            for agency in sorted_by(Agency.objects.all(), "legal_name")
        ]


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=CaseStatus.choices)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))
    public_message = forms.CharField(
        label=_("Message to the person who asked"),
        max_length=500,
        required=False,
        help_text=_("Shown on the public tracking page. No names or personal details."),
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = choices


class AssignForm(forms.Form):
    worker = forms.ChoiceField(label=_("Assign to"), required=False)

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.team = {str(member.pk): member for member in team}
        self.fields["worker"].choices = [("", "—")] + [
            (key, str(member)) for key, member in self.team.items()
        ]

    def clean_worker(self):
        return self.team.get(self.cleaned_data["worker"])


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}))


class TaskForm(forms.Form):
    title = forms.CharField(label=_("Task"), max_length=300)
    due_on = forms.DateField(label=_("Due on"), widget=DATE_INPUT)


class RestrictForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500)


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("Document"), help_text=_("PDF, JPEG, PNG or Word (.docx), at most 10 MB.")
    )


class CaseFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Open")), ("all", _("All"))] + CaseStatus.choices,
        required=False,
    )
    category = forms.ChoiceField(
        label=_("Category"), choices=[("", _("Any"))] + CaseCategory.choices, required=False
    )
    mine = forms.BooleanField(label=_("Assigned to me"), required=False)
