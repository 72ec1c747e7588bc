from django import forms
from django.utils.translation import gettext_lazy as _

from rohnamo.core.models import District, Language
from rohnamo.counselling.choices import EventKind
from rohnamo.counselling.forms.fields import OfficeField, district_choices
from rohnamo.knowledge.forms import content_languages
from rohnamo.knowledge.models import Sheet


class EventForm(forms.Form):
    office = OfficeField()
    kind = forms.ChoiceField(label=_("Type"), choices=EventKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    district = forms.ModelChoiceField(
        label=_("District or city"), queryset=District.objects.all(), required=False
    )
    place = forms.CharField(
        label=_("Place"),
        max_length=200,
        required=False,
        help_text=_("A jamoat, school or market."),
    )
    organisers = forms.CharField(label=_("Organisers"), max_length=300, required=False)
    participants_female = forms.IntegerField(label=_("Women and girls"), min_value=0, initial=0)
    participants_male = forms.IntegerField(label=_("Men and boys"), min_value=0, initial=0)
    participants_total = forms.IntegerField(
        label=_("Participants in all"),
        min_value=0,
        required=False,
        help_text=_("Leave empty to add up women and men."),
    )
    other_materials = forms.CharField(
        label=_("Other materials handed out"), max_length=300, required=False
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, offices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].limit_to(offices)
        self.fields["district"].choices = district_choices()


class MaterialForm(forms.Form):
    sheet = forms.ModelChoiceField(label=_("Sheet"), queryset=Sheet.objects.all(), required=False)
    language = forms.ModelChoiceField(
        label=_("Language"), queryset=Language.objects.none(), required=False
    )
    quantity = forms.IntegerField(label=_("Copies"), min_value=1, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].queryset = content_languages()
        self.fields["sheet"].choices = [("", "—")] + [
            (sheet.pk, f"{sheet.topic.name}: {sheet.code}")
            for sheet in Sheet.objects.select_related("topic")
        ]

    def clean(self):
        data = super().clean()
        if data.get("sheet") and not (data.get("language") and data.get("quantity")):
            raise forms.ValidationError(_("Give the language and the number of copies."))
        return data


MaterialFormSet = forms.formset_factory(MaterialForm, extra=3, max_num=10)
