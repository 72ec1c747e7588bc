"""Questionnaire responses and results as CSV and XLSX files.

Answers are free text typed by visitors and counsellors, so a value that a spreadsheet program
would run as a formula (starting with =, +, - or @) is written as plain text.
"""

import csv
import io

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from rohnamo.counselling.choices import QuestionKind
from rohnamo.counselling.models import Answer
from rohnamo.counselling.questionnaire_results import plain_number
from rohnamo.lib.spreadsheets import csv_text

# The columns before the questions; named like KoBoToolbox's, so they cannot clash with a
# question name people choose.
RESPONSE_COLUMNS = ["_id", "_answered_on", "_office", "_visitor", "_consultation"]


def append_row(sheet, values):
    """Append ``values`` to an openpyxl sheet, every text kept as text (never a formula)."""
    sheet.append(
        [
            ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value
            for value in values
        ]
    )
    for cell in sheet[sheet.max_row]:
        if cell.data_type == "f":
            cell.data_type = "s"


def workbook_bytes(book):
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _value(question, answer):
    if answer is None:
        return None
    if question.kind == QuestionKind.SINGLE:
        return next((choice.name for choice in answer.choices.all()), None)
    if question.kind == QuestionKind.MULTIPLE:
        return " ".join(choice.name for choice in answer.choices.all())
    if question.kind == QuestionKind.NUMBER:
        return plain_number(answer.number)
    if question.kind == QuestionKind.YES_NO:
        return None if answer.yes is None else ("yes" if answer.yes else "no")
    if question.kind == QuestionKind.DATE:
        return answer.date
    return answer.text


def response_table(version, responses):
    """``(header, rows)``: one row per response of ``version``, one column per question name.

    Choice answers are choice names (several separated by spaces), yes/no answers yes or no, as
    in XLSForm data; ``responses`` are those the person may see, filtered as on the results page.
    """
    questions = list(version.questions.all())
    responses = (
        responses.filter(version=version)
        .select_related("office")
        .prefetch_related(Prefetch("answers", queryset=Answer.objects.prefetch_related("choices")))
        .order_by("answered_on", "pk")
    )
    rows = []
    for response in responses:
        answers = {answer.question_id: answer for answer in response.answers.all()}
        rows.append(
            [
                response.pk,
                response.answered_on,
                response.office.code,
                response.visitor_id,
                response.consultation_id,
                *(_value(question, answers.get(question.pk)) for question in questions),
            ]
        )
    return RESPONSE_COLUMNS + [question.name for question in questions], rows


def responses_csv(version, responses):
    """The responses as CSV (bytes, UTF-8 with a byte-order mark so Excel reads Cyrillic)."""
    header, rows = response_table(version, responses)
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_text(value) for value in row])
    return text.getvalue().encode("utf-8-sig")


def responses_xlsx(version, responses):
    header, rows = response_table(version, responses)
    book = Workbook()
    sheet = book.active
    sheet.title = version.questionnaire.code[:31]
    append_row(sheet, header)
    for row in rows:
        append_row(sheet, row)
    return workbook_bytes(book)


def results_xlsx(version, total, table, filters=()):
    """The results page's tables (``questionnaire_results.result_table``) as XLSX, under the
    ``filters`` they were computed with (``[(label, value)]``)."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("Results")[:31]
    append_row(sheet, [version.title, _("version %(number)d") % {"number": version.number}])
    append_row(sheet, [_("Responses"), total])
    for label, value in filters:
        append_row(sheet, [str(label), value])
    append_row(
        sheet, [_("Question"), _("Question text"), _("Answer"), _("Count or value"), _("Percent")]
    )
    for row in table:
        append_row(sheet, row)
    return workbook_bytes(book)
