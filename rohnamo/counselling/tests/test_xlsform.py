"""XLSForm spreadsheets in and out: forms from KoBoToolbox or ODK, and ours taken out."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from openpyxl import Workbook, load_workbook

from rohnamo.counselling.choices import QuestionKind, QuestionnaireStatus
from rohnamo.counselling.models import Question, Questionnaire, QuestionnaireVersion
from rohnamo.counselling.services import questionnaires as services
from rohnamo.counselling.tests.questionnaire_factories import (
    QUESTIONS,
    choice,
    draft_questionnaire,
    published_questionnaire,
)
from rohnamo.counselling.xlsform import import_xlsform, read_xlsform, write_xlsform

SURVEY_HEADER = ["type", "name", "label::Russian (ru)", "label::English (en)", "required", "hint"]
CHOICES_HEADER = ["list_name", "name", "label::Russian (ru)", "label::English (en)"]


def workbook(survey, choices=(), settings=None):
    """An XLSForm as bytes; ``survey`` and ``choices`` are rows under the headers above."""
    book = Workbook()
    sheet = book.active
    sheet.title = "survey"
    for row in [SURVEY_HEADER, *survey]:
        sheet.append(row)
    sheet = book.create_sheet("choices")
    for row in [CHOICES_HEADER, *choices]:
        sheet.append(row)
    if settings:
        sheet = book.create_sheet("settings")
        sheet.append(list(settings))
        sheet.append(list(settings.values()))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


KOBO_SURVEY = [
    ["start", "start", "", "", "", ""],
    ["end", "end", "", "", "", ""],
    ["begin_group", "about", "О вас", "About you", "", ""],
    ["select_one country", "country", "Куда вы едете?", "Where are you going?", "yes", "Одна"],
    ["select_multiple need", "needs", "Что нужно?", "What do you need?", "", ""],
    ["integer", "age", "Возраст", "Age", "", ""],
    ["decimal", "salary", "Зарплата", "Salary", "false", ""],
    ["select_one yn", "patent", "Есть патент?", "Do you have a patent?", "TRUE", ""],
    ["note", "thanks_note", "Спасибо", "Thank you", "", ""],
    ["end_group", "", "", "", "", ""],
    ["date", "arrived", "Когда приехали?", "When did you arrive?", "", ""],
    ["text", "comment", "Комментарий", "Comment", "", ""],
    ["calculate", "score", "", "", "", ""],
]
KOBO_CHOICES = [
    ["country", "russia", "Россия", "Russia"],
    ["country", "kazakhstan", "Казахстан", "Kazakhstan"],
    ["need", "documents", "Документы", "Documents"],
    ["need", "work", "Работа", "Work"],
    ["yn", "yes", "Да", "Yes"],
    ["yn", "no", "Нет", "No"],
]


def definition(version):
    """What a round trip must keep: questions, types, labels, required, choices."""
    return [
        (
            question.name,
            question.kind,
            question.label_tg,
            question.label_ru,
            question.label_en,
            question.required,
            [
                (choice.name, choice.label_tg, choice.label_ru, choice.label_en)
                for choice in question.choices.all()
            ],
        )
        for question in version.questions.prefetch_related("choices")
    ]


def test_a_questionnaire_taken_out_and_brought_back_is_the_same(bahrom):
    first = published_questionnaire(bahrom)
    data = write_xlsform(first)
    result = import_xlsform(actor=bahrom, data=data, filename="anything.xlsx")
    assert result.outcome == "new_version"
    second = result.version
    assert (second.questionnaire, second.number) == (first.questionnaire, 2)
    assert second.status == QuestionnaireStatus.DRAFT
    assert definition(second) == definition(first)
    assert [q[1] for q in definition(second)] == [spec["kind"] for spec in QUESTIONS]
    assert second.title_tg == first.title_tg
    assert result.skipped == [] and result.notes == []


def test_the_exported_sheets_follow_xlsform(bahrom):
    version = published_questionnaire(bahrom)
    with translation.override("en"):
        book = load_workbook(io.BytesIO(write_xlsform(version)))
    survey = list(book["survey"].iter_rows(values_only=True))
    assert survey[0] == (
        "type",
        "name",
        "label::Tajik (tg)",
        "label::Russian (ru)",
        "label::English (en)",
        "required",
    )
    assert [row[0] for row in survey[1:]] == [
        "select_one destination",
        "select_multiple needs",
        "integer",
        "select_one yes_no",
        "date",
        "text",
    ]
    assert survey[1][5] == "yes"
    choices = list(book["choices"].iter_rows(values_only=True))
    assert ("destination", "russia", "Русия", "Россия", "Russia") in choices
    assert [row[:2] for row in choices if row[0] == "yes_no"] == [
        ("yes_no", "yes"),
        ("yes_no", "no"),
    ]
    settings = list(book["settings"].iter_rows(values_only=True))
    assert dict(zip(settings[0], settings[1], strict=True))["form_id"] == "visitor-needs"


def test_a_kobo_form_comes_in_with_groups_notes_and_metadata_skipped(bahrom):
    data = workbook(
        KOBO_SURVEY,
        KOBO_CHOICES,
        settings={"form_title": "Нужды мигрантов", "form_id": "migrant_needs",
                  "default_language": "Russian (ru)"},
    )  # fmt: skip
    with translation.override("en"):
        result = import_xlsform(actor=bahrom, data=data)
    version = result.version
    assert result.outcome == "created"
    assert version.questionnaire.code == "migrant_needs"
    assert version.title_tg == "Нужды мигрантов"
    kinds = dict(version.questions.values_list("name", "kind"))
    assert kinds == {
        "country": QuestionKind.SINGLE,
        "needs": QuestionKind.MULTIPLE,
        "age": QuestionKind.NUMBER,
        "salary": QuestionKind.NUMBER,
        "patent": QuestionKind.YES_NO,
        "arrived": QuestionKind.DATE,
        "comment": QuestionKind.TEXT,
    }
    country = version.questions.get(name="country")
    assert country.required and version.questions.get(name="patent").required
    assert not version.questions.get(name="salary").required
    assert (country.label_ru, country.label_en) == ("Куда вы едете?", "Where are you going?")
    assert [c.name for c in country.choices.all()] == ["russia", "kazakhstan"]
    assert not version.questions.get(name="patent").choices.exists()
    assert result.skipped == [
        (2, "start"),
        (3, "end"),
        (4, "begin_group"),
        (10, "note"),
        (11, "end_group"),
        (14, "calculate"),
    ]
    # No Tajik label in the file: the Russian one stands in, and the manager is told per row.
    assert country.label_tg == "Куда вы едете?"
    notes = "\n".join(result.notes)
    assert "Sheet survey, rows without Tajik text: 5, 6, 7, 8, 9, 12, 13." in notes
    assert "Sheet choices, rows without Tajik text: 2, 3, 4, 5, 6, 7." in notes
    assert "Sheet settings, rows without Tajik text: 2." in notes
    assert "Sheet survey: the columns hint were not imported." in notes


def test_an_unknown_question_type_names_its_row_and_nothing_is_saved(bahrom):
    survey = [
        ["text", "name_of_village", "Село", "Village", "", ""],
        ["geopoint", "where", "Где вы?", "Where are you?", "", ""],
        ["image", "photo", "Фото", "Photo", "", ""],
    ]
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        import_xlsform(actor=bahrom, data=workbook(survey), filename="village.xlsx")
    problems = refused.value.messages
    assert len(problems) == 2
    assert problems[0].startswith("Sheet survey, row 3: unknown type geopoint")
    assert problems[1].startswith("Sheet survey, row 4: unknown type image")
    assert not Questionnaire.objects.exists()
    assert not Question.objects.exists()


def test_every_problem_of_a_form_is_listed_with_its_sheet_and_row(bahrom):
    survey = [
        ["select_one colours", "colour", "Цвет", "Colour", "", ""],
        ["text", "", "Без имени", "No name", "", ""],
        ["integer", "age", "Возраст", "Age", "", ""],
        ["integer", "age", "Возраст ещё раз", "Age again", "", ""],
        ["text", "bad name", "Плохое имя", "Bad name", "", ""],
        ["begin repeat", "children", "Дети", "Children", "", ""],
    ]
    choices = [["sizes", "big", "Большой", "Big"], ["sizes", "big", "Большой", "Big"]]
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        import_xlsform(actor=bahrom, data=workbook(survey, choices), filename="bad.xlsx")
    problems = "\n".join(refused.value.messages)
    assert "Sheet choices, row 3: the list sizes has the name big already, in row 2." in problems
    assert "Sheet survey, row 2: the choice list colours is not on the choices sheet." in problems
    assert "Sheet survey, row 3: the name is missing." in problems
    assert "Sheet survey, row 5: the name age is used already, in row 4." in problems
    assert "Sheet survey, row 6: name:" in problems
    assert "Sheet survey, row 7: repeated groups (begin repeat) are not supported." in problems
    assert not Questionnaire.objects.exists()


def test_type_words_are_case_insensitive_but_list_names_are_not(bahrom):
    survey = [
        ["Select_One Countries", "country", "Страна", "Country", "", ""],
        ["select one countries", "other_country", "Другая", "Other", "", ""],
        ["TEXT", "comment", "Комментарий", "Comment", "", ""],
    ]
    choices = [["Countries", "ru", "Россия", "Russia"], ["countries", "kz", "Казахстан", "KZ"]]
    result = import_xlsform(actor=bahrom, data=workbook(survey, choices), filename="c.xlsx")
    version = result.version
    country, other, comment = version.questions.prefetch_related("choices")
    assert [c.name for c in country.choices.all()] == ["ru"]
    assert [c.name for c in other.choices.all()] == ["kz"]
    assert comment.kind == QuestionKind.TEXT


def test_a_file_that_is_not_a_spreadsheet_is_refused(bahrom):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        read_xlsform(b"type,name,label\ntext,comment,Comment\n", filename="form.csv")
    assert "not an XLSX spreadsheet" in refused.value.messages[0]
    book = Workbook()
    book.active.title = "questions"
    buffer = io.BytesIO()
    book.save(buffer)
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        read_xlsform(buffer.getvalue())
    assert "no sheet named survey" in refused.value.messages[0]


def test_a_small_file_that_unpacks_into_a_huge_one_is_refused_before_it_is_read():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b"0" * (41 * 1024 * 1024))
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        read_xlsform(buffer.getvalue(), filename="bomb.xlsx")
    assert "too large" in refused.value.messages[0]


def test_importing_over_an_open_draft_replaces_its_questions(bahrom):
    draft = draft_questionnaire(bahrom)
    survey = [["text", "comment", "Комментарий", "Comment", "", ""]]
    result = import_xlsform(
        actor=bahrom, data=workbook(survey, settings={"form_id": "visitor-needs"})
    )
    assert result.outcome == "replaced"
    assert result.version == draft
    assert list(draft.questions.values_list("name", flat=True)) == ["comment"]
    assert QuestionnaireVersion.objects.count() == 1


def test_a_counsellor_cannot_import_a_form(nigora):
    survey = [["text", "comment", "Комментарий", "Comment", "", ""]]
    with pytest.raises(ValidationError):
        import_xlsform(actor=nigora, data=workbook(survey), filename="mine.xlsx")
    assert not Questionnaire.objects.exists()


def test_a_label_that_looks_like_a_formula_is_exported_as_text(bahrom):
    version = draft_questionnaire(bahrom, questions=[])
    services.add_question(
        actor=bahrom,
        version=version,
        name="sum",
        kind=QuestionKind.SINGLE,
        label_tg="=1+1",
        choices=[choice("a", '=HYPERLINK("http://x")')],
    )
    book = load_workbook(io.BytesIO(write_xlsform(version)))
    assert book["survey"]["C2"].value == "=1+1"
    assert book["survey"]["C2"].data_type == "s"
    assert book["choices"]["C2"].data_type == "s"
    again = import_xlsform(actor=bahrom, data=write_xlsform(version)).version
    assert definition(again) == definition(version)
