"""Forms for defining questionnaires, filling them in and reading their results."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rohnamo.counselling.choices import QuestionKind
from rohnamo.counselling.forms.fields import OfficeField
from rohnamo.counselling.xlsform import MAX_UPLOAD_BYTES

DATE_INPUT = forms.DateInput(attrs={"type": "date"})
# Up to this many choices show as radio buttons or check boxes; more as a list to pick from.
MAX_BUTTONS = 8


class TitlesForm(forms.Form):
    title_tg = forms.CharField(label=_("Title in Tajik"), max_length=200)
    title_ru = forms.CharField(label=_("Title in Russian"), max_length=200, required=False)
    title_en = forms.CharField(label=_("Title in English"), max_length=200, required=False)


class QuestionnaireCreateForm(TitlesForm):
    code = forms.SlugField(
        label=_("Code"),
        max_length=60,
        help_text=_("Latin letters, digits and hyphens, e.g. visitor-needs; the XLSForm form_id."),
    )

    field_order = ["code", "title_tg", "title_ru", "title_en"]


def office_choices(offices):
    return [(str(office.pk), office.name) for office in offices]


def parse_choice_lines(text):
    """Choices from lines ``name | Tajik label | Russian label | English label``; a line with
    only a name uses it as the Tajik label. Raises ValidationError naming the line."""
    choices = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split("|")]
        if len(parts) > 4:
            raise ValidationError(
                _("Line %(number)d has more than four parts separated by |.") % {"number": number}
            )
        name, *labels = parts + [""] * (4 - len(parts))
        if not name:
            raise ValidationError(_("Line %(number)d has no name.") % {"number": number})
        choices.append(
            {
                "name": name,
                "label_tg": labels[0] or name,
                "label_ru": labels[1],
                "label_en": labels[2],
            }
        )
    return choices


def choice_lines(question):
    """The textarea text for ``question``'s choices, the reverse of ``parse_choice_lines``."""
    return "\n".join(
        " | ".join([choice.name, choice.label_tg, choice.label_ru, choice.label_en]).rstrip(" |")
        for choice in question.choices.all()
    )


class QuestionForm(forms.Form):
    name = forms.SlugField(
        label=_("Name"),
        max_length=60,
        help_text=_("A short Latin identifier, e.g. destination; the column in exports."),
    )
    kind = forms.ChoiceField(label=_("Type"), choices=QuestionKind.choices)
    label_tg = forms.CharField(label=_("Question in Tajik"), max_length=500)
    label_ru = forms.CharField(label=_("Question in Russian"), max_length=500, required=False)
    label_en = forms.CharField(label=_("Question in English"), max_length=500, required=False)
    required = forms.BooleanField(label=_("Answer required"), required=False)
    choices = forms.CharField(
        label=_("Choices"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "For single and multiple choice: one choice per line, "
            "name | Tajik | Russian | English, e.g. russia | Русия | Россия | Russia."
        ),
    )

    def clean_choices(self):
        return parse_choice_lines(self.cleaned_data["choices"])

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE) and data.get("choices") == []:
            self.add_error("choices", _("A choice question needs at least one choice."))
        return data


class XLSFormUploadForm(forms.Form):
    file = forms.FileField(
        label=_("XLSForm file (.xlsx)"),
        help_text=_(
            "A form from KoBoToolbox or ODK with survey and choices sheets. It becomes a draft: "
            "of a new questionnaire, or a new version of the one with the same form_id."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(
                _("The file is larger than %(size)d MB.") % {"size": MAX_UPLOAD_BYTES // 2**20}
            )
        return upload


def field_name(question):
    """The form field of a question; prefixed so no question name clashes with office or
    answered_on."""
    return f"q_{question.name}"


def _question_field(question):
    common = {"label": question.label, "required": question.required}
    choices = [(choice.name, choice.label) for choice in question.choices.all()]
    if question.kind == QuestionKind.SINGLE:
        if len(choices) <= MAX_BUTTONS:
            blank = [] if question.required else [("", _("No answer"))]
            return forms.ChoiceField(choices=blank + choices, widget=forms.RadioSelect, **common)
        return forms.ChoiceField(choices=[("", "—")] + choices, **common)
    if question.kind == QuestionKind.MULTIPLE:
        widget = forms.CheckboxSelectMultiple if len(choices) <= MAX_BUTTONS else None
        return forms.MultipleChoiceField(choices=choices, widget=widget, **common)
    if question.kind == QuestionKind.YES_NO:
        blank = [] if question.required else [("", _("No answer"))]
        return forms.ChoiceField(
            choices=blank + [("yes", _("Yes")), ("no", _("No"))],
            widget=forms.RadioSelect,
            **common,
        )
    if question.kind == QuestionKind.NUMBER:
        return forms.DecimalField(
            max_digits=12,
            decimal_places=2,
            localize=True,
            widget=forms.TextInput(attrs={"inputmode": "decimal"}),
            **common,
        )
    if question.kind == QuestionKind.DATE:
        return forms.DateField(widget=DATE_INPUT, **common)
    return forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), **common)


class ResponseForm(forms.Form):
    """The questions of one published version, labelled in the active language."""

    office = OfficeField()
    answered_on = forms.DateField(
        label=_("Answered on"), initial=timezone.localdate, widget=DATE_INPUT
    )

    def __init__(self, *args, version, offices, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(version.questions.prefetch_related("choices"))
        self.fields["office"].limit_to(offices)
        for question in self.questions:
            self.fields[field_name(question)] = _question_field(question)

    def answers(self):
        """``{question name: value}`` for ``record_response``."""
        return {
            question.name: self.cleaned_data.get(field_name(question))
            for question in self.questions
        }

    def add_service_error(self, error):
        """Put a refusal of ``record_response`` beside the question (or field) it names."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        names = {question.name: field_name(question) for question in self.questions}
        for key, messages in error.message_dict.items():
            field = names.get(key, key)
            self.add_error(field if field in self.fields else None, messages)


class ResultsFilterForm(forms.Form):
    version = forms.TypedChoiceField(label=_("Version"), coerce=int, required=False)
    office = forms.ChoiceField(label=_("Office"), required=False)
    start = forms.DateField(label=_("From"), required=False, widget=DATE_INPUT)
    end = forms.DateField(label=_("To"), required=False, widget=DATE_INPUT)

    def __init__(self, *args, versions, offices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].choices = [
            (
                version.number,
                _("Version %(number)d (%(status)s)")
                % {"number": version.number, "status": version.get_status_display().lower()},
            )
            for version in versions
        ]
        self.offices = {str(office.pk): office for office in offices}
        self.fields["office"].choices = [("", _("All offices"))] + office_choices(
            self.offices.values()
        )

    def clean_office(self):
        return self.offices.get(self.cleaned_data["office"])

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            self.add_error("end", _("The end of the period is before its start."))
        return data
