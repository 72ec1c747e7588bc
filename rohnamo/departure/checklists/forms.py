"""Forms of the checklists: the staff editors and the two small public forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from rohnamo.core.form_choices import country_choices
from rohnamo.core.models import Country
from rohnamo.departure.checklists.codes import LENGTH
from rohnamo.departure.checklists.queries import public_template_choices
from rohnamo.departure.choices import ChecklistPurpose, ChecklistTool
from rohnamo.knowledge.models import Sheet


class TemplateForm(forms.Form):
    country = forms.TypedChoiceField(label=_("Destination country"), coerce=int)
    purpose = forms.ChoiceField(label=_("Purpose of the trip"), choices=ChecklistPurpose.choices)
    title_tg = forms.CharField(label=_("Title (Tajik)"), max_length=200)
    title_ru = forms.CharField(label=_("Title (Russian)"), max_length=200, required=False)
    title_en = forms.CharField(label=_("Title (English)"), max_length=200, required=False)
    is_published = forms.BooleanField(
        label=_("Published"),
        required=False,
        help_text=_("Only published checklists can be chosen on the public site."),
    )
    order = forms.IntegerField(
        label=_("Order"),
        min_value=0,
        initial=0,
        help_text=_("Smaller numbers come first on the public site."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices()

    def clean_country(self):
        return Country.objects.get(pk=self.cleaned_data["country"])

    @classmethod
    def initial_for(cls, template):
        return {
            "country": template.country_id,
            "purpose": template.purpose,
            **{name: getattr(template, name) for name in cls.base_fields if name != "country"},
        }


def sheet_choices():
    """Sheets by their code, which staff know from the sheet pages' addresses."""
    return [("", "—")] + [
        (code, code) for code in Sheet.objects.order_by("code").values_list("code", flat=True)
    ]


HINT = forms.Textarea(attrs={"rows": 2})


class ItemForm(forms.Form):
    position = forms.IntegerField(
        label=_("Position"),
        min_value=1,
        required=False,
        help_text=_("1 puts the item first; leave empty to put it at the end."),
    )
    text_tg = forms.CharField(label=_("Text (Tajik)"), max_length=300)
    text_ru = forms.CharField(label=_("Text (Russian)"), max_length=300, required=False)
    text_en = forms.CharField(label=_("Text (English)"), max_length=300, required=False)
    hint_tg = forms.CharField(
        label=_("Hint (Tajik)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    hint_ru = forms.CharField(
        label=_("Hint (Russian)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    hint_en = forms.CharField(
        label=_("Hint (English)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    sheet = forms.ChoiceField(
        label=_("Information sheet"),
        required=False,
        help_text=_("Linked only while the sheet has a published version."),
    )
    tool = forms.ChoiceField(
        label=_("Public tool"),
        required=False,
        choices=[("", "—"), *ChecklistTool.choices],
        help_text=_("Linked when no published sheet is."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sheet"].choices = sheet_choices()

    def clean_sheet(self):
        code = self.cleaned_data["sheet"]
        if not code:
            return None
        sheet = Sheet.objects.filter(code=code).first()
        if sheet is None:
            raise forms.ValidationError(_("There is no sheet with this code."))
        return sheet

    @classmethod
    def initial_for(cls, item):
        return {
            **{name: getattr(item, name) for name in cls.base_fields if name != "sheet"},
            "sheet": item.sheet.code if item.sheet else "",
        }


class StartForm(forms.Form):
    """Where and why: one radio button per published checklist, grouped by country."""

    template = forms.TypedChoiceField(
        label=_("Where are you going, and why?"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose where you are going and why.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].choices = public_template_choices()


class OpenForm(forms.Form):
    code = forms.CharField(
        label=_("The code of your checklist"),
        max_length=4 * LENGTH,
        help_text=_("8 letters and digits, for example K7Q4 MX2P."),
        error_messages={"required": _("Write the code of your checklist.")},
    )
