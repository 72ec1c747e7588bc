from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rohnamo.core.models import Country, District, Language
from rohnamo.knowledge.choices import DistributionKind, PlaceType, Stage, VersionStatus
from rohnamo.knowledge.markup import MAX_BODY_LENGTH
from rohnamo.knowledge.models import Sheet, Topic
from rohnamo.lib.collation import sorted_by


def content_languages():
    return Language.objects.filter(is_content_language=True).order_by("code")


def _choices_by_name(queryset):
    return [(item.pk, item.name) for item in sorted_by(queryset, "name")]


class VersionTextForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(label=_("Summary"), max_length=300, required=False)
    body = forms.CharField(
        label=_("Text"),
        max_length=MAX_BODY_LENGTH,
        widget=forms.Textarea(attrs={"rows": 18}),
        help_text=_(
            "Markdown: ## for a heading, - for a list item, **bold**, [text](https://...). "
            "Phone numbers become tap-to-call links."
        ),
    )


class SheetCreateForm(VersionTextForm):
    code = forms.SlugField(
        label=_("Address name"),
        max_length=80,
        help_text=_("Latin letters, digits and hyphens, e.g. registration-russia."),
    )
    topic = forms.ModelChoiceField(label=_("Topic"), queryset=Topic.objects.all())
    stage = forms.ChoiceField(label=_("Migration stage"), choices=Stage.choices)
    countries = forms.ModelMultipleChoiceField(
        label=_("Destination countries"),
        queryset=Country.objects.all(),
        required=False,
        help_text=_("Leave empty when the sheet applies to every country."),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    language = forms.ModelChoiceField(label=_("Language"), queryset=Language.objects.none())

    field_order = ["code", "topic", "stage", "countries", "language", "title", "summary", "body"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].queryset = content_languages()
        self.fields["countries"].choices = _choices_by_name(Country.objects.all())

    def clean_code(self):
        code = self.cleaned_data["code"]
        if Sheet.objects.filter(code=code).exists():
            raise forms.ValidationError(_("Another sheet already uses this address name."))
        return code


class NewVersionForm(VersionTextForm):
    language = forms.ModelChoiceField(label=_("Language"), queryset=Language.objects.none())

    field_order = ["language", "title", "summary", "body"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].queryset = content_languages()


class ReviewForm(forms.Form):
    note = forms.CharField(
        label=_("Note to the author"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    check_by = forms.DateField(
        label=_("Check again by"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty for the sheet's usual interval."),
    )

    def clean_check_by(self):
        check_by = self.cleaned_data["check_by"]
        if check_by and check_by <= timezone.localdate():
            raise forms.ValidationError(_("The date must be in the future."))
        return check_by


class SheetFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    topic = forms.ModelChoiceField(
        label=_("Topic"), queryset=Topic.objects.all(), required=False, empty_label=_("Any")
    )
    stage = forms.ChoiceField(
        label=_("Migration stage"), choices=[("", _("Any"))] + Stage.choices, required=False
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any"))] + VersionStatus.choices, required=False
    )


class DistributionForm(forms.Form):
    office = forms.ChoiceField(label=_("Office"))
    kind = forms.ChoiceField(label=_("What happened"), choices=DistributionKind.choices)
    sheets = forms.ModelMultipleChoiceField(
        label=_("Sheets"),
        queryset=Sheet.objects.all(),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    language = forms.ModelChoiceField(label=_("Language"), queryset=Language.objects.none())
    quantity = forms.IntegerField(label=_("Copies of each sheet"), min_value=1, max_value=1_000_000)
    place_type = forms.ChoiceField(
        label=_("Kind of place"), choices=[("", "—")] + PlaceType.choices, required=False
    )
    district = forms.ModelChoiceField(
        label=_("District or city"), queryset=District.objects.all(), required=False
    )
    date = forms.DateField(
        label=_("Date"), initial=timezone.localdate, widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(label=_("Note"), max_length=200, required=False)

    def __init__(self, *args, offices, **kwargs):
        super().__init__(*args, **kwargs)
        self.offices = {str(office.pk): office for office in offices}
        self.fields["office"].choices = [(key, office.name) for key, office in self.offices.items()]
        self.fields["language"].queryset = content_languages()
        self.fields["district"].choices = [("", "—")] + _choices_by_name(District.objects.all())
        self.fields["sheets"].choices = [
            (sheet.pk, f"{sheet.topic.name}: {sheet.code}")
            for sheet in Sheet.objects.select_related("topic")
        ]

    def clean_office(self):
        return self.offices[self.cleaned_data["office"]]

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return date
