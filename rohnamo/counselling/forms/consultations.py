"""The quick consultation form: every control reachable by keyboard, one column at 360 px."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rohnamo.core.models import Country, Language
from rohnamo.counselling.choices import AgeGroup, Channel, Sex, VisitorStage
from rohnamo.counselling.forms.fields import NOT_STATED, OfficeField, destination_choices
from rohnamo.knowledge.forms import content_languages
from rohnamo.knowledge.models import Sheet, Topic


class ConsultationForm(forms.Form):
    office = OfficeField()
    channel = forms.ChoiceField(
        label=_("Channel"),
        choices=Channel.choices,
        initial=Channel.IN_PERSON,
        widget=forms.RadioSelect,
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=Topic.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    destination = forms.ModelChoiceField(
        label=_("Destination country"), queryset=Country.objects.all(), required=False
    )
    sex = forms.ChoiceField(
        label=_("Sex"), choices=NOT_STATED + Sex.choices, required=False, widget=forms.RadioSelect
    )
    age_group = forms.ChoiceField(
        label=_("Age group"),
        choices=NOT_STATED + AgeGroup.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    stage = forms.ChoiceField(
        label=_("Stage"),
        choices=NOT_STATED + VisitorStage.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    question = forms.CharField(
        label=_("Question"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    advice = forms.CharField(
        label=_("Advice given"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    sheets = forms.ModelMultipleChoiceField(
        label=_("Sheets handed over"),
        queryset=Sheet.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    language = forms.ModelChoiceField(
        label=_("Language"), queryset=Language.objects.none(), required=False
    )
    referral_made = forms.BooleanField(label=_("Referred to a service"), required=False)
    referral_note = forms.CharField(label=_("Referred to"), max_length=200, required=False)
    follow_up_on = forms.DateField(
        label=_("Follow up on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"), min_value=1, max_value=600, required=False
    )
    started_at = forms.DateTimeField(
        label=_("Date and time"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Leave empty to use the current time."),
    )

    def __init__(self, *args, offices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].limit_to(offices)
        self.fields["destination"].choices = destination_choices()
        self.fields["language"].queryset = content_languages()
        self.fields["language"].initial = Language.objects.filter(code="tg").first()
        self.fields["sheets"].choices = [
            (sheet.pk, f"{sheet.topic.name}: {sheet.code}")
            for sheet in Sheet.objects.select_related("topic")
        ]

    def clean_started_at(self):
        started_at = self.cleaned_data["started_at"]
        if started_at and started_at > timezone.now():
            raise forms.ValidationError(_("A consultation cannot be dated in the future."))
        return started_at
