"""A questionnaire changes only through drafts; every response keeps the version it answered."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from rohnamo.core.choices import AuditAction
from rohnamo.core.models import AuditEntry
from rohnamo.counselling.choices import QuestionKind, QuestionnaireStatus
from rohnamo.counselling.models import Choice, Question, QuestionnaireVersion, Response
from rohnamo.counselling.queries import responses_visible_to
from rohnamo.counselling.questionnaire_results import version_results
from rohnamo.counselling.services import questionnaires as services
from rohnamo.counselling.tests.questionnaire_factories import (
    choice,
    draft_questionnaire,
    published_questionnaire,
    respond,
)


def names(version):
    return list(version.questions.values_list("name", flat=True))


def test_a_new_questionnaire_is_an_empty_draft_that_cannot_be_published_yet(bahrom):
    questionnaire = services.create_questionnaire(
        actor=bahrom, code="needs", title_tg="Эҳтиёҷот", title_ru="Потребности"
    )
    version = questionnaire.versions.get()
    assert (version.number, version.status) == (1, QuestionnaireStatus.DRAFT)
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        services.publish_version(actor=bahrom, version=version)
    assert "no questions cannot be published" in refused.value.messages[0]


def test_a_counsellor_cannot_define_or_publish_a_questionnaire(nigora, bahrom):
    with pytest.raises(ValidationError):
        services.create_questionnaire(actor=nigora, code="mine", title_tg="Саволнома")
    draft = draft_questionnaire(bahrom)
    with pytest.raises(ValidationError):
        services.publish_version(actor=nigora, version=draft)
    draft.refresh_from_db()
    assert draft.status == QuestionnaireStatus.DRAFT


def test_the_story_of_a_questionnaire_that_changes_after_people_answered_it(
    bahrom, nigora, khujand
):
    first = published_questionnaire(bahrom)
    old_answer = respond(nigora, khujand, first, destination="russia")

    second = services.start_new_version(actor=bahrom, questionnaire=first.questionnaire)
    assert second.number == 2 and second.status == QuestionnaireStatus.DRAFT
    assert names(second) == names(first)
    destination = second.questions.get(name="destination")
    services.change_question(
        actor=bahrom,
        question=destination,
        label_en="Where will you work?",
        choices=[
            choice("russia", "Русия", "Россия", "Russia"),
            choice("korea", "Корея", "Корея", "South Korea"),
        ],
    )
    services.publish_version(actor=bahrom, version=second)
    new_answer = respond(nigora, khujand, second, destination="korea")

    first.refresh_from_db()
    assert first.status == QuestionnaireStatus.RETIRED
    assert old_answer.version == first and new_answer.version == second
    responses = responses_visible_to(bahrom)
    with translation.override("en"):
        total, results = version_results(first, responses.filter(version=first))
        assert total == 1
        assert results[0].question.label == "Which country are you going to?"
        assert [(row["name"], row["count"]) for row in results[0].rows] == [
            ("russia", 1),
            ("kazakhstan", 0),
            ("other", 0),
        ]
        total, results = version_results(second, responses.filter(version=second))
        assert total == 1
        assert results[0].question.label == "Where will you work?"
        assert [(row["name"], row["count"]) for row in results[0].rows] == [
            ("russia", 0),
            ("korea", 1),
        ]


@pytest.mark.parametrize(
    "change",
    [
        lambda actor, version, question: services.add_question(
            actor=actor, version=version, name="extra", kind=QuestionKind.TEXT, label_tg="Боз"
        ),
        lambda actor, version, question: services.change_question(
            actor=actor, question=question, label_tg="Нав"
        ),
        lambda actor, version, question: services.change_question(
            actor=actor, question=question, choices=[choice("mars", "Миррих")]
        ),
        lambda actor, version, question: services.remove_question(actor=actor, question=question),
        lambda actor, version, question: services.move_question(
            actor=actor, question=question, offset=1
        ),
        lambda actor, version, question: services.change_titles(
            actor=actor, version=version, title_tg="Нав"
        ),
        lambda actor, version, question: services.publish_version(actor=actor, version=version),
    ],
    ids=["add", "change", "choices", "remove", "move", "titles", "publish-again"],
)
def test_a_published_version_never_changes(bahrom, change):
    version = published_questionnaire(bahrom)
    question = version.questions.get(name="destination")
    before = [
        list(Question.objects.filter(version=version).values()),
        list(Choice.objects.filter(question__version=version).values()),
        QuestionnaireVersion.objects.filter(pk=version.pk).values().get(),
    ]
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        change(bahrom, version, question)
    assert "a published version never changes" in refused.value.messages[0]
    assert before == [
        list(Question.objects.filter(version=version).values()),
        list(Choice.objects.filter(question__version=version).values()),
        QuestionnaireVersion.objects.filter(pk=version.pk).values().get(),
    ]


def test_only_one_draft_at_a_time(bahrom):
    version = published_questionnaire(bahrom)
    services.start_new_version(actor=bahrom, questionnaire=version.questionnaire)
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        services.start_new_version(actor=bahrom, questionnaire=version.questionnaire)
    assert "Version 2 is a draft already" in refused.value.messages[0]


def test_questions_move_and_leave_without_gaps_in_their_order(bahrom):
    version = draft_questionnaire(bahrom)
    comment = version.questions.get(name="comment")
    services.move_question(actor=bahrom, question=comment, offset=-1)
    assert names(version) == ["destination", "needs", "age", "has_patent", "comment", "left_on"]
    services.move_question(actor=bahrom, question=version.questions.get(name="destination"),
                           offset=-1)  # fmt: skip
    assert names(version)[0] == "destination"
    services.remove_question(actor=bahrom, question=version.questions.get(name="needs"))
    assert names(version) == ["destination", "age", "has_patent", "comment", "left_on"]
    assert list(version.questions.values_list("position", flat=True)) == [1, 2, 3, 4, 5]


def test_a_choice_question_needs_choices_with_distinct_names_without_spaces(bahrom):
    version = draft_questionnaire(bahrom, questions=[])
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        services.add_question(
            actor=bahrom,
            version=version,
            name="work",
            kind=QuestionKind.SINGLE,
            label_tg="Кор",
            choices=[choice("build", "Сохтмон"), choice("build", "Бинокорӣ"), choice("a b", "Б")],
        )
    problems = refused.value.message_dict["choices"]
    assert "Choice 2: the name build is used twice." in problems
    assert "Choice 3: A choice name cannot contain spaces." in problems
    with pytest.raises(ValidationError):
        services.add_question(
            actor=bahrom, version=version, name="work", kind=QuestionKind.SINGLE, label_tg="Кор"
        )
    assert not version.questions.exists()


def test_a_question_name_is_used_once_per_version(bahrom):
    version = draft_questionnaire(bahrom)
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        services.add_question(
            actor=bahrom, version=version, name="age", kind=QuestionKind.TEXT, label_tg="Боз"
        )
    assert "named age already" in refused.value.message_dict["name"][0]


def test_a_choice_question_made_into_text_loses_its_choices(bahrom):
    version = draft_questionnaire(bahrom)
    question = services.change_question(
        actor=bahrom, question=version.questions.get(name="needs"), kind=QuestionKind.TEXT
    )
    assert question.kind == QuestionKind.TEXT
    assert not question.choices.exists()


def test_definitions_and_responses_are_written_to_the_audit_log(bahrom, nigora, khujand):
    version = published_questionnaire(bahrom)
    response = respond(nigora, khujand, version, destination="russia")
    assert AuditEntry.objects.filter(
        actor=bahrom, action=AuditAction.UPDATE, object_id=str(version.pk), fields=[
            "published_at", "published_by", "status"]
    ).exists()  # fmt: skip
    assert AuditEntry.objects.filter(
        actor=nigora, action=AuditAction.CREATE, object_id=str(response.pk), office=khujand
    ).exists()
    assert AuditEntry.objects.filter(actor=bahrom, action=AuditAction.CREATE).count() == 8


def test_responses_stay_when_a_new_version_is_published(bahrom, nigora, khujand):
    first = published_questionnaire(bahrom)
    respond(nigora, khujand, first, destination="other")
    second = services.start_new_version(actor=bahrom, questionnaire=first.questionnaire)
    services.remove_question(actor=bahrom, question=second.questions.get(name="destination"))
    services.publish_version(actor=bahrom, version=second)
    assert Response.objects.get().version == first
    assert first.questions.filter(name="destination").exists()
