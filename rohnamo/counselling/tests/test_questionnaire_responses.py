"""Recording a response: every answer must fit its question, or nothing is saved."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from rohnamo.counselling.models import Answer, Response
from rohnamo.counselling.services import questionnaires as services
from rohnamo.counselling.services.visitors import record_visitor
from rohnamo.counselling.tests.factories import make_consultation
from rohnamo.counselling.tests.questionnaire_factories import (
    draft_questionnaire,
    published_questionnaire,
    respond,
)

TOMORROW = timezone.localdate() + datetime.timedelta(days=1)


def test_answers_of_every_type_are_kept_as_given(bahrom, nigora, khujand):
    version = published_questionnaire(bahrom)
    response = respond(
        nigora,
        khujand,
        version,
        destination="kazakhstan",
        needs=["work", "documents"],
        age="23,5",
        has_patent="no",
        left_on="2025-12-31",
        comment="  Дар бораи патент  ",
    )
    answers = {answer.question.name: answer for answer in response.answers.all()}
    assert [c.name for c in answers["destination"].choices.all()] == ["kazakhstan"]
    assert sorted(c.name for c in answers["needs"].choices.all()) == ["documents", "work"]
    assert answers["age"].number == Decimal("23.50")
    assert answers["has_patent"].yes is False
    assert answers["left_on"].date == datetime.date(2025, 12, 31)
    assert answers["comment"].text == "Дар бораи патент"
    assert (response.office, response.created_by, response.visitor) == (khujand, nigora, None)


def test_optional_questions_may_be_left_unanswered(bahrom, nigora, khujand):
    version = published_questionnaire(bahrom)
    response = respond(nigora, khujand, version, destination="russia", needs=[], comment=" ")
    assert [answer.question.name for answer in response.answers.all()] == ["destination"]


def test_yes_no_and_multiple_choice_take_the_forms_xlsform_data_uses(bahrom, nigora, khujand):
    version = published_questionnaire(bahrom)
    response = respond(
        nigora, khujand, version, destination="russia", needs="housing work", has_patent=True
    )
    answers = {answer.question.name: answer for answer in response.answers.all()}
    assert sorted(c.name for c in answers["needs"].choices.all()) == ["housing", "work"]
    assert answers["has_patent"].yes is True


@pytest.mark.parametrize(
    ("answers", "question", "problem"),
    [
        ({"destination": "mars"}, "destination", "not among the question's choices: mars"),
        ({"destination": ["russia", "other"]}, "destination", "choose one answer"),
        ({"needs": ["work", "mars"]}, "needs", "not among the question's choices: mars"),
        ({"age": "twenty"}, "age", "enter a number"),
        ({"age": True}, "age", "enter a number"),
        ({"age": "1e12"}, "age", "too large"),
        ({"has_patent": "maybe"}, "has_patent", "answer yes or no"),
        ({"left_on": "31.12.2025"}, "left_on", "YYYY-MM-DD"),
        ({"left_on": TOMORROW}, "left_on", "cannot be in the future"),
        ({"comment": 42}, "comment", "enter text"),
        ({"comment": "x" * 5001}, "comment", "at most 5000 characters"),
        ({"destination": ""}, "destination", "an answer is required"),
    ],
)
def test_an_answer_that_does_not_fit_its_question_is_refused_by_name_and_nothing_is_saved(
    bahrom, nigora, khujand, answers, question, problem
):
    version = published_questionnaire(bahrom)
    answers = {"destination": "russia", "needs": ["work"], "comment": "Хуб", **answers}
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        services.record_response(actor=nigora, office=khujand, version=version, answers=answers)
    message = refused.value.message_dict[question][0]
    assert f"({question}): " in message
    assert problem in message
    assert not Response.objects.exists()
    assert not Answer.objects.exists()


def test_an_answer_to_a_question_the_version_does_not_have_is_refused(bahrom, nigora, khujand):
    version = published_questionnaire(bahrom)
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        respond(nigora, khujand, version, destination="russia", salary="1000")
    assert "no questions with these names: salary" in refused.value.messages[0]
    assert not Response.objects.exists()


def test_a_draft_or_retired_version_takes_no_responses(bahrom, nigora, khujand):
    draft = draft_questionnaire(bahrom, code="draft-only")
    with pytest.raises(ValidationError):
        respond(nigora, khujand, draft, destination="russia")
    first = published_questionnaire(bahrom)
    second = services.start_new_version(actor=bahrom, questionnaire=first.questionnaire)
    services.publish_version(actor=bahrom, version=second)
    with pytest.raises(ValidationError):
        respond(nigora, khujand, first, destination="russia")
    assert not Response.objects.exists()


def test_a_counsellor_records_only_for_her_own_office(bahrom, nigora, kulob):
    version = published_questionnaire(bahrom)
    with pytest.raises(ValidationError) as refused:
        respond(nigora, kulob, version, destination="russia")
    assert "office" in refused.value.message_dict
    assert not Response.objects.exists()


def test_a_response_cannot_be_dated_in_the_future(bahrom, nigora, khujand):
    version = published_questionnaire(bahrom)
    with pytest.raises(ValidationError) as refused:
        respond(nigora, khujand, version, answered_on=TOMORROW, destination="russia")
    assert "answered_on" in refused.value.message_dict


def test_a_response_after_a_consultation_belongs_to_its_visitor(bahrom, nigora, umed, khujand):
    version = published_questionnaire(bahrom)
    visitor = record_visitor(actor=nigora, office=khujand, sex="female")
    consultation = make_consultation(nigora, khujand, visitor=visitor)
    response = services.record_response(
        actor=nigora,
        office=khujand,
        version=version,
        answers={"destination": "russia"},
        consultation=consultation,
    )
    assert (response.visitor, response.consultation) == (visitor, consultation)
    stranger = record_visitor(actor=umed, office=umed.offices.get(), sex="male")
    with pytest.raises(ValidationError) as refused:
        services.record_response(
            actor=nigora,
            office=khujand,
            version=version,
            answers={"destination": "russia"},
            visitor=stranger,
        )
    assert "visitor" in refused.value.message_dict
    assert Response.objects.count() == 1
