"""The demo visitor questionnaire, published, with answers from the Khujand branch and the centre.

Like the rest of the demo data it is invented; it shows the results page with something in it.
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from rohnamo.core.models import Office
from rohnamo.counselling.choices import QuestionKind
from rohnamo.counselling.models import Questionnaire
from rohnamo.counselling.services import questionnaires as services

CODE = "visitor-needs"
# name, type, (tg, ru, en) label, [(choice name, tg, ru, en)]
QUESTIONS = [
    (
        "destination",
        QuestionKind.SINGLE,
        ("Ба кадом кишвар меравед?", "В какую страну вы едете?", "Where are you going?"),
        [
            ("russia", "Русия", "Россия", "Russia"),
            ("kazakhstan", "Қазоқистон", "Казахстан", "Kazakhstan"),
            ("other", "Дигар", "Другая", "Another country"),
        ],
    ),
    (
        "needs",
        QuestionKind.MULTIPLE,
        ("Ба шумо чӣ маълумот лозим аст?", "Какая информация вам нужна?", "What do you need?"),
        [
            ("documents", "Ҳуҷҷатҳо ва патент", "Документы и патент", "Documents and patent"),
            ("work", "Ҷустуҷӯи кор", "Поиск работы", "Finding work"),
            ("rights", "Ҳуқуқҳои ман", "Мои права", "My rights"),
            ("health", "Саломатӣ", "Здоровье", "Health"),
        ],
    ),
    (
        "trips",
        QuestionKind.NUMBER,
        ("Чанд бор рафтаед?", "Сколько раз вы ездили?", "Trips so far"),
        [],
    ),
    (
        "has_contract",
        QuestionKind.YES_NO,
        ("Шартномаи меҳнатӣ доред?", "Есть ли у вас трудовой договор?", "Have a work contract?"),
        [],
    ),
]


@transaction.atomic
def load_demo_questionnaire(users):
    if Questionnaire.objects.filter(code=CODE).exists():
        return
    manager = users["manager"]
    questionnaire = services.create_questionnaire(
        actor=manager,
        code=CODE,
        title_tg="Эҳтиёҷоти муроҷиаткунандагон",
        title_ru="Потребности посетителей",
        title_en="What visitors need",
    )
    version = questionnaire.versions.get()
    for name, kind, (tg, ru, en), choices in QUESTIONS:
        services.add_question(
            actor=manager, version=version, name=name, kind=kind,
            label_tg=tg, label_ru=ru, label_en=en,
            choices=[
                {"name": code, "label_tg": c_tg, "label_ru": c_ru, "label_en": c_en}
                for code, c_tg, c_ru, c_en in choices
            ],
        )  # fmt: skip
    version = services.publish_version(actor=manager, version=version)
    rng = random.Random(4)
    today = timezone.localdate()
    for office_code, actor in [("khujand", users["counsellor"]), ("dushanbe", users["admin"])]:
        office = Office.objects.get(code=office_code)
        for _n in range(20):
            services.record_response(
                actor=actor,
                office=office,
                version=version,
                answered_on=today - datetime.timedelta(days=rng.randint(1, 60)),
                answers={
                    "destination": rng.choice(["russia"] * 6 + ["kazakhstan"] * 3 + ["other"]),
                    "needs": rng.sample(
                        ["documents", "work", "rights", "health"], rng.randint(1, 3)
                    ),
                    "trips": rng.randint(0, 6),
                    "has_contract": rng.random() < 0.3,
                },
            )
