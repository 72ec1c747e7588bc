from rohnamo.counselling.models.consultations import Consultation
from rohnamo.counselling.models.events import EventMaterial, OutreachEvent
from rohnamo.counselling.models.questionnaires import (
    Answer,
    Choice,
    Question,
    Questionnaire,
    QuestionnaireVersion,
    Response,
)
from rohnamo.counselling.models.visitors import Visitor

__all__ = [
    "Answer",
    "Choice",
    "Consultation",
    "EventMaterial",
    "OutreachEvent",
    "Question",
    "Questionnaire",
    "QuestionnaireVersion",
    "Response",
    "Visitor",
]
