"""Questionnaires for tests, made through the services so they pass the same rules."""

import datetime

from rohnamo.counselling.choices import QuestionKind
from rohnamo.counselling.services import questionnaires as services


def choice(name, label_tg, label_ru="", label_en=""):
    return {"name": name, "label_tg": label_tg, "label_ru": label_ru, "label_en": label_en}


DESTINATIONS = [
    choice("russia", "Русия", "Россия", "Russia"),
    choice("kazakhstan", "Қазоқистон", "Казахстан", "Kazakhstan"),
    choice("other", "Дигар", "Другое", "Other"),
]
NEEDS = [
    choice("documents", "Ҳуҷҷатҳо", "Документы", "Documents"),
    choice("work", "Кор", "Работа", "Work"),
    choice("housing", "Манзил", "Жильё", "Housing"),
]
# One question of every type, in this order.
QUESTIONS = [
    {
        "name": "destination",
        "kind": QuestionKind.SINGLE,
        "label_tg": "Ба кадом кишвар меравед?",
        "label_ru": "В какую страну вы едете?",
        "label_en": "Which country are you going to?",
        "required": True,
        "choices": DESTINATIONS,
    },
    {
        "name": "needs",
        "kind": QuestionKind.MULTIPLE,
        "label_tg": "Ба шумо чӣ лозим аст?",
        "label_ru": "Что вам нужно?",
        "label_en": "What do you need?",
        "choices": NEEDS,
    },
    {
        "name": "age",
        "kind": QuestionKind.NUMBER,
        "label_tg": "Синну соли шумо",
        "label_ru": "Ваш возраст",
        "label_en": "Your age",
    },
    {
        "name": "has_patent",
        "kind": QuestionKind.YES_NO,
        "label_tg": "Патент доред?",
        "label_ru": "Есть ли у вас патент?",
        "label_en": "Do you have a patent?",
    },
    {
        "name": "left_on",
        "kind": QuestionKind.DATE,
        "label_tg": "Кай рафтед?",
        "label_ru": "Когда вы уехали?",
        "label_en": "When did you leave?",
    },
    {
        "name": "comment",
        "kind": QuestionKind.TEXT,
        "label_tg": "Фикри шумо",
        "label_ru": "Ваше мнение",
        "label_en": "Your comment",
    },
]


def draft_questionnaire(manager, code="visitor-needs", questions=QUESTIONS):
    """Version 1 of a questionnaire, still a draft, with ``questions``."""
    questionnaire = services.create_questionnaire(
        actor=manager,
        code=code,
        title_tg="Эҳтиёҷоти муроҷиаткунандагон",
        title_ru="Потребности посетителей",
        title_en="Visitors' needs",
    )
    version = questionnaire.versions.get()
    for spec in questions:
        services.add_question(actor=manager, version=version, **spec)
    return version


def published_questionnaire(manager, code="visitor-needs", questions=QUESTIONS):
    return services.publish_version(
        actor=manager, version=draft_questionnaire(manager, code, questions)
    )


def respond(actor, office, version, answered_on=datetime.date(2026, 3, 2), **answers):
    return services.record_response(
        actor=actor, office=office, version=version, answers=answers, answered_on=answered_on
    )
