"""What the responses to a questionnaire version say, question by question.

The figures are computed in the database with a fixed number of queries, however many
responses there are. Percentages are of the responses that answered the question, so those of a
multiple-choice question may add up to more than 100.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count, F, Max, Min
from django.db.models.expressions import Window
from django.db.models.functions import RowNumber, TruncMonth
from django.utils.translation import gettext as _

from rohnamo.counselling.choices import QuestionKind
from rohnamo.counselling.models import Answer
from rohnamo.lib.charts import bar_chart

LATEST_TEXTS = 10
# Longer choice labels would run into each other under the bars; the table shows them whole.
CHART_LABEL_LENGTH = 18


@dataclass
class QuestionResult:
    question: object
    answered: int = 0
    rows: list = field(default_factory=list)  # [{label, name, count, percent}]
    stats: dict = field(default_factory=dict)  # count, mean, min, max of numbers
    texts: list = field(default_factory=list)  # [{text, answered_on}], latest first
    chart: str = ""


def filter_responses(responses, *, version, office=None, start=None, end=None):
    """``responses`` (already those the person may see) of ``version``, of one office and
    answered within ``start``..``end`` (both included) when given."""
    responses = responses.filter(version=version)
    if office is not None:
        responses = responses.filter(office=office)
    if start is not None:
        responses = responses.filter(answered_on__gte=start)
    if end is not None:
        responses = responses.filter(answered_on__lte=end)
    return responses


def plain_number(value):
    """A stored number as people write it: 20 rather than 20.00, 2.5 rather than 2.50."""
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else value.normalize()


def percent(count, base):
    return round(count * 100 / base, 1) if base else 0


def _short(label):
    return label if len(label) <= CHART_LABEL_LENGTH else label[: CHART_LABEL_LENGTH - 1] + "…"


def _row(label, name, count, base):
    return {"label": label, "name": name, "count": count, "percent": percent(count, base)}


def _with_chart(result, title):
    series = [(_short(str(row["label"])), row["count"]) for row in result.rows]
    if any(count for _label, count in series):
        result.chart = bar_chart(series, title=title)
    return result


def _counts(answers):
    """The figures of every question at once, one query per kind of figure."""
    answers = answers.order_by()
    through = Answer.choices.through.objects.filter(answer__in=answers)
    texts = (
        answers.exclude(text="")
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("question_id")],
                order_by=[F("response__answered_on").desc(), F("response_id").desc()],
            )
        )
        .filter(rank__lte=LATEST_TEXTS)
        .values("question_id", "text", "response__answered_on", "response_id")
    )
    return {
        "answered": dict(answers.values_list("question_id").annotate(n=Count("id"))),
        "choices": dict(through.values_list("choice_id").annotate(n=Count("id")).order_by()),
        "yes": {
            (item["question_id"], item["yes"]): item["n"]
            for item in answers.filter(yes__isnull=False)
            .values("question_id", "yes")
            .annotate(n=Count("id"))
        },
        "numbers": {
            item["question_id"]: item
            for item in answers.filter(number__isnull=False)
            .values("question_id")
            .annotate(count=Count("id"), mean=Avg("number"), min=Min("number"), max=Max("number"))
        },
        "months": list(
            answers.filter(date__isnull=False)
            .annotate(month=TruncMonth("date"))
            .values_list("question_id", "month")
            .annotate(n=Count("id"))
            .order_by("question_id", "month")
        ),
        "texts": list(texts),
    }


def version_results(version, responses):
    """``(number of responses, [QuestionResult])`` for ``version``'s questions, counting only
    ``responses`` (filtered already: see ``filter_responses``)."""
    responses = responses.filter(version=version)
    questions = list(version.questions.prefetch_related("choices"))
    counts = _counts(Answer.objects.filter(response__in=responses))
    results = []
    for question in questions:
        answered = counts["answered"].get(question.pk, 0)
        result = QuestionResult(question=question, answered=answered)
        if question.has_choices:
            result.rows = [
                _row(choice.label, choice.name, counts["choices"].get(choice.pk, 0), answered)
                for choice in question.choices.all()
            ]
            _with_chart(result, question.label)
        elif question.kind == QuestionKind.YES_NO:
            result.rows = [
                _row(_("Yes"), "yes", counts["yes"].get((question.pk, True), 0), answered),
                _row(_("No"), "no", counts["yes"].get((question.pk, False), 0), answered),
            ]
            _with_chart(result, question.label)
        elif question.kind == QuestionKind.NUMBER and question.pk in counts["numbers"]:
            figures = counts["numbers"][question.pk]
            result.stats = {
                "count": figures["count"],
                "mean": Decimal(figures["mean"]).quantize(Decimal("0.01")),
                "min": plain_number(figures["min"]),
                "max": plain_number(figures["max"]),
            }
        elif question.kind == QuestionKind.DATE:
            result.rows = [
                _row(month.strftime("%Y-%m"), month.strftime("%Y-%m"), count, answered)
                for question_id, month, count in counts["months"]
                if question_id == question.pk
            ]
            _with_chart(result, question.label)
        elif question.kind == QuestionKind.TEXT:
            result.texts = [
                {"text": item["text"], "answered_on": item["response__answered_on"]}
                for item in sorted(
                    counts["texts"],
                    key=lambda item: (item["response__answered_on"], item["response_id"]),
                    reverse=True,
                )
                if item["question_id"] == question.pk
            ]
        results.append(result)
    return responses.count(), results


def result_table(results):
    """The figures as flat rows ``[question, question text, answer, count or value, percent]``
    for a spreadsheet; text answers are left to the responses export."""
    rows = []
    for result in results:
        question = result.question
        head = [question.name, question.label]
        rows.append([*head, _("Answered"), result.answered, None])
        rows += [[*head, row["label"], row["count"], row["percent"]] for row in result.rows]
        for key, label in (("mean", _("Mean")), ("min", _("Smallest")), ("max", _("Largest"))):
            if key in result.stats:
                rows.append([*head, label, result.stats[key], None])
    return rows
