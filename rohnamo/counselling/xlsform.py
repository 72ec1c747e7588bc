"""Questionnaire definitions as XLSForm spreadsheets (https://xlsform.org), in and out.

KoBoToolbox and ODK build forms as XLSForm: a ``survey`` sheet with one question per row, a
``choices`` sheet with the answer lists and an optional ``settings`` sheet. Only the spreadsheet
is read and written, with openpyxl; pyxform, which turns it into an XForm, is not needed.
Definitions are tens of rows, so an import runs within the request.
"""

import datetime
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePath
from xml.etree import ElementTree

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from rohnamo.counselling.choices import QuestionKind
from rohnamo.counselling.models import Choice, Question
from rohnamo.counselling.questionnaire_exports import append_row, workbook_bytes
from rohnamo.counselling.services import questionnaires as services

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
MAX_UNPACKED_BYTES = 40 * 1024 * 1024
# A questionnaire a counsellor can fill in has tens of rows; more is not a questionnaire.
MAX_ROWS = 2000
LANGUAGES = ("tg", "ru", "en")
# How XLSForm files name our languages in ``label::<language>`` columns, lower case.
LANGUAGE_NAMES = {
    "tg": {"tg", "tajik", "тоҷикӣ", "таджикский"},
    "ru": {"ru", "russian", "русский"},
    "en": {"en", "english"},
}
EXPORT_LANGUAGES = {"tg": "Tajik (tg)", "ru": "Russian (ru)", "en": "English (en)"}
KINDS = {
    "integer": QuestionKind.NUMBER,
    "int": QuestionKind.NUMBER,
    "decimal": QuestionKind.NUMBER,
    "text": QuestionKind.TEXT,
    "string": QuestionKind.TEXT,
    "date": QuestionKind.DATE,
}
SELECTS = {"select_one": QuestionKind.SINGLE, "select_multiple": QuestionKind.MULTIPLE}
# Rows that are not questions: layout, notes, calculations and what the phone records by itself.
SKIPPED = {
    "begin group",
    "end group",
    "begin_group",
    "end_group",
    "note",
    "calculate",
    "hidden",
    "start",
    "end",
    "today",
    "deviceid",
    "subscriberid",
    "simserial",
    "phonenumber",
    "username",
    "email",
    "audit",
    "start-geopoint",
}
USED_COLUMNS = {
    "survey": {"type", "name", "label", "required"},
    "choices": {"list_name", "name", "label"},
    "settings": {"form_title", "form_id", "version", "default_language"},
}
# Model fields named as the columns people see in their spreadsheet.
COLUMN_OF_FIELD = {"label_tg": "label", "name": "name", "kind": "type"}
TRUE = {"yes", "true", "true()", "1"}
FALSE = {"", "no", "false", "false()", "0"}


@dataclass
class Definition:
    """A questionnaire read from a spreadsheet, in the shape ``import_definition`` takes."""

    code: str
    titles: dict
    questions: list
    skipped: list = field(default_factory=list)  # [(row number, type)]
    notes: list = field(default_factory=list)


@dataclass
class ImportResult:
    version: object
    outcome: str  # "created", "new_version" or "replaced"
    skipped: list
    notes: list


def _problem(sheet, row, message):
    return _("Sheet %(sheet)s, row %(row)d: %(problem)s") % {
        "sheet": sheet,
        "row": row,
        "problem": message,
    }


def _text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


def _language(text):
    """``tg``, ``ru`` or ``en`` for a column's language part (``Russian (ru)``), or None."""
    text = text.strip().lower()
    code = text[text.rfind("(") + 1 : text.rfind(")")].strip() if text.endswith(")") else ""
    for language, names in LANGUAGE_NAMES.items():
        if code == language or text in names:
            return language
    return None


class _Sheet:
    """One sheet's rows as ``(row number, {column: text})``; a column is ``(name, language)``,
    the language being ``tg``/``ru``/``en``, None for none, or the original text if unknown."""

    def __init__(self, worksheet, title):
        self.title = title
        self.rows = []
        self.columns = []
        rows = worksheet.iter_rows(values_only=True)
        header = next(rows, None) or ()
        for cell in header:
            base, separator, language = _text(cell).partition("::")
            base = base.strip().lower()
            self.columns.append((base, (_language(language) or language) if separator else None))
        for number, row in enumerate(rows, start=2):
            values = {
                column: _text(value)
                for column, value in zip(self.columns, row, strict=False)
                if column[0]
            }
            if any(values.values()):
                self.rows.append((number, values))
            # Formatted empty rows count too: stop reading a sheet far longer than any form.
            if len(self.rows) > MAX_ROWS or number > 25 * MAX_ROWS:
                raise ValidationError(
                    _("The sheet %(sheet)s has more than %(limit)d rows.")
                    % {"sheet": title, "limit": MAX_ROWS}
                )

    def unused_columns(self):
        """Columns with content that the import does not keep (hints, conditions, ...)."""
        filled = {base for _row, values in self.rows for (base, _lang), v in values.items() if v}
        return sorted(filled - USED_COLUMNS[self.title])

    def unknown_languages(self):
        return sorted(
            {
                language
                for base, language in self.columns
                if language and language not in LANGUAGES and base in ("label", "form_title")
            }
        )


def _not_xlsx():
    return ValidationError(
        _("This file is not an XLSX spreadsheet. Save the form as .xlsx and try again.")
    )


def _open(data):
    try:
        # An XLSX is a zip archive: a small file can unpack into gigabytes, so look first.
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            raise ValidationError(_("This spreadsheet is too large to be a questionnaire."))
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise _not_xlsx() from None
    try:
        sheets = {sheet.title.strip().lower(): sheet for sheet in book.worksheets}
        return {
            name: _Sheet(sheets[name], name)
            for name in ("survey", "choices", "settings")
            if name in sheets
        }
    except (ElementTree.ParseError, KeyError, ValueError, TypeError):
        raise _not_xlsx() from None
    finally:
        book.close()


class _Reader:
    """Reads the sheets into a Definition, collecting every problem with its sheet and row."""

    def __init__(self, sheets, filename):
        self.sheets = sheets
        self.filename = filename
        self.problems = []
        self.notes = []
        self.without_tajik = {}  # sheet: [row numbers]
        settings = sheets.get("settings")
        self.settings = settings.rows[0][1] if settings and settings.rows else {}
        self.default_language = _language(self.settings.get(("default_language", None), "")) or "tg"

    def labels(self, sheet, row, values, base="label"):
        """``{label_tg: ..., ...}`` of a row; a missing Tajik label is taken from another
        language so the row can still be imported (and the manager is told)."""
        labels = {}
        for (column, language), value in values.items():
            if column == base and value:
                language = language or self.default_language
                if language in LANGUAGES:
                    labels.setdefault(f"{base}_{language}", value)
        others = [labels[f"{base}_{code}"] for code in ("ru", "en") if labels.get(f"{base}_{code}")]
        if not labels.get(f"{base}_tg") and others:
            labels[f"{base}_tg"] = others[0]
            self.without_tajik.setdefault(sheet, []).append(row)
        return labels

    def add_errors(self, sheet, row, error):
        for name, messages in error.message_dict.items():
            for message in messages:
                column = "" if name == "__all__" else f"{COLUMN_OF_FIELD.get(name, name)}: "
                self.problems.append(_problem(sheet, row, column + message))

    def choice_lists(self):
        lists, first_row = {}, {}
        sheet = self.sheets.get("choices")
        for row, values in sheet.rows if sheet else ():
            list_name = values.get(("list_name", None), "")
            name = values.get(("name", None), "")
            if not list_name:
                self.problems.append(_problem("choices", row, _("the list_name is missing.")))
                continue
            if not name:
                self.problems.append(_problem("choices", row, _("the name is missing.")))
                continue
            if (list_name, name) in first_row:
                self.problems.append(
                    _problem(
                        "choices",
                        row,
                        _("the list %(list)s has the name %(name)s already, in row %(first)d.")
                        % {"list": list_name, "name": name, "first": first_row[list_name, name]},
                    )
                )
                continue
            first_row[list_name, name] = row
            choice = Choice(name=name, **self.labels("choices", row, values))
            try:
                services.clean_choice(choice)
            except ValidationError as error:
                self.add_errors("choices", row, error)
            lists.setdefault(list_name, []).append(
                {key: getattr(choice, key) for key in ("name", *services.LABELS)}
            )
        return lists

    def kind(self, row, text, lists):
        """``(kind, choices)`` of a survey row's type, or None after noting the problem."""
        words = text.split()
        words[0] = words[0].lower()
        if words[0] == "select" and len(words) > 1:
            words = [f"select_{words[1].lower()}", *words[2:]]
        if words[0] in SELECTS:
            if len(words) < 2:
                self.problems.append(_problem("survey", row, _("the type names no choice list.")))
                return None
            if [word.lower() for word in words[2:]] == ["or_other"]:
                self.notes.append(
                    _problem("survey", row, _("the “or other” answer was not imported."))
                )
            elif words[2:]:
                self.problems.append(
                    _problem("survey", row, _("unknown type %(type)s.") % {"type": text})
                )
                return None
            if words[1] not in lists:
                self.problems.append(
                    _problem(
                        "survey",
                        row,
                        _("the choice list %(list)s is not on the choices sheet.")
                        % {"list": words[1]},
                    )
                )
                return None
            choices = lists[words[1]]
            if words[0] == "select_one" and {c["name"].lower() for c in choices} == {"yes", "no"}:
                return QuestionKind.YES_NO, []
            return SELECTS[words[0]], choices
        if len(words) == 1 and words[0] in KINDS:
            return KINDS[words[0]], []
        if words[0] in ("begin", "begin_repeat"):
            message = _("repeated groups (%(type)s) are not supported.") % {"type": text}
        else:
            message = _("unknown type %(type)s; supported are select_one, select_multiple, "
                        "integer, decimal, text and date.") % {"type": text}  # fmt: skip
        self.problems.append(_problem("survey", row, message))
        return None

    def required(self, row, value):
        if value.lower() in TRUE:
            return True
        if value.lower() not in FALSE:
            self.notes.append(
                _problem("survey", row, _("the condition in “required” was not imported."))
            )
        return False

    def questions(self, lists):
        questions, skipped, first_row = [], [], {}
        for row, values in self.sheets["survey"].rows:
            # Type words are case-insensitive, list names (select_one Countries) are not.
            text = " ".join(values.get(("type", None), "").split())
            if text.lower() in SKIPPED:
                skipped.append((row, text.lower()))
                continue
            if not text:
                self.problems.append(_problem("survey", row, _("the type is missing.")))
                continue
            kind = self.kind(row, text, lists)
            name = values.get(("name", None), "")
            if not name:
                self.problems.append(_problem("survey", row, _("the name is missing.")))
                continue
            if name in first_row:
                self.problems.append(
                    _problem(
                        "survey",
                        row,
                        _("the name %(name)s is used already, in row %(first)d.")
                        % {"name": name, "first": first_row[name]},
                    )
                )
                continue
            first_row[name] = row
            if kind is None:
                continue
            spec = {
                "name": name,
                "kind": kind[0],
                "required": self.required(row, values.get(("required", None), "")),
                **self.labels("survey", row, values),
            }
            try:
                services.clean_question(Question(**spec))
            except ValidationError as error:
                self.add_errors("survey", row, error)
            questions.append({**spec, "choices": kind[1]})
        return questions, skipped

    def code(self):
        code = self.settings.get(("form_id", None), "") or slugify(PurePath(self.filename).stem)
        if not code:
            self.problems.append(_("The settings sheet has no form_id to name the questionnaire."))
            return code
        try:
            validate_slug(code)
            if len(code) > 60:
                raise ValidationError(_("at most 60 characters."))
        except ValidationError as error:
            self.problems.append(
                _problem("settings", 2, _("form_id %(code)s: %(problem)s")
                         % {"code": code, "problem": " ".join(error.messages)})
            )  # fmt: skip
        return code

    def titles(self):
        titles = self.labels("settings", 2, self.settings, base="form_title")
        return {f"title_{code}": titles.get(f"form_title_{code}", "")[:200] for code in LANGUAGES}

    def read(self):
        if "survey" not in self.sheets:
            raise ValidationError(_("The spreadsheet has no sheet named survey."))
        lists = self.choice_lists()
        questions, skipped = self.questions(lists)
        code = self.code()
        if not questions and not self.problems:
            self.problems.append(_("The survey sheet has no questions that can be imported."))
        if self.problems:
            raise ValidationError(self.problems)
        titles = self.titles()
        for sheet, rows in self.without_tajik.items():
            self.notes.append(
                _(
                    "Sheet %(sheet)s, rows without Tajik text: %(rows)s. The Russian or English "
                    "text is used until the Tajik one is written."
                )
                % {"sheet": sheet, "rows": ", ".join(map(str, rows))}
            )
        for sheet in self.sheets.values():
            if sheet.unused_columns():
                self.notes.append(
                    _("Sheet %(sheet)s: the columns %(columns)s were not imported.")
                    % {"sheet": sheet.title, "columns": ", ".join(sheet.unused_columns())}
                )
            for language in sheet.unknown_languages():
                self.notes.append(
                    _("Sheet %(sheet)s: texts in %(language)s were not imported.")
                    % {"sheet": sheet.title, "language": language}
                )
        return Definition(code, titles, questions, skipped, self.notes)


def read_xlsform(data, *, filename=""):
    """The Definition in the XLSForm spreadsheet ``data`` (bytes).

    Raises one ValidationError listing every problem found, each with its sheet and row.
    """
    if len(data) > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The file is larger than %(size)d MB.") % {"size": MAX_UPLOAD_BYTES // 2**20}
        )
    return _Reader(_open(data), filename).read()


def import_xlsform(*, actor, data, filename=""):
    """Read an XLSForm and save it as a draft (of a new questionnaire, or a new draft of the
    existing one with the same form_id); nothing is saved when any row has a problem."""
    definition = read_xlsform(data, filename=filename)
    version, outcome = services.import_definition(
        actor=actor,
        code=definition.code,
        titles=definition.titles,
        questions=definition.questions,
    )
    return ImportResult(version, outcome, definition.skipped, definition.notes)


def _yes_no_list(names):
    name, number = "yes_no", 1
    while name in names:
        number += 1
        name = f"yes_no_{number}"
    return name


def _yes_no_labels():
    rows = []
    for value, text in (("yes", "Yes"), ("no", "No")):
        labels = []
        for language in LANGUAGES:
            with translation.override(language):
                labels.append(_(text))
        rows.append((value, labels))
    return rows


def write_xlsform(version):
    """``version`` as an XLSForm workbook (bytes) that KoBoToolbox, ODK and our import read.

    Each choice question gets a list named after it; yes/no questions share a yes_no list.
    """
    label_columns = [f"label::{EXPORT_LANGUAGES[code]}" for code in LANGUAGES]
    book = Workbook()
    survey = book.active
    survey.title = "survey"
    choices = book.create_sheet("choices")
    settings = book.create_sheet("settings")
    append_row(survey, ["type", "name", *label_columns, "required"])
    append_row(choices, ["list_name", "name", *label_columns])
    questions = list(version.questions.prefetch_related("choices"))
    yes_no = _yes_no_list({question.name for question in questions})
    for question in questions:
        kind = question.kind
        if kind == QuestionKind.YES_NO:
            kind = f"select_one {yes_no}"
        elif question.has_choices:
            kind = f"{kind} {question.name}"
            for choice in question.choices.all():
                append_row(
                    choices,
                    [question.name, choice.name, choice.label_tg, choice.label_ru, choice.label_en],
                )
        append_row(
            survey,
            [
                kind,
                question.name,
                question.label_tg,
                question.label_ru,
                question.label_en,
                "yes" if question.required else "",
            ],
        )
    if any(question.kind == QuestionKind.YES_NO for question in questions):
        for value, labels in _yes_no_labels():
            append_row(choices, [yes_no, value, *labels])
    append_row(settings, ["form_title", "form_id", "version", "default_language"])
    append_row(
        settings,
        [version.title_tg, version.questionnaire.code, str(version.number), EXPORT_LANGUAGES["tg"]],
    )
    return workbook_bytes(book)
