"""Reading counselling records: each office sees its own, managers what they oversee.

Every page, export, report and API endpoint of this app reads through these functions.
"""

from difflib import SequenceMatcher

from rohnamo.core.queries import scope_to_offices
from rohnamo.core.roles import may
from rohnamo.counselling.choices import QuestionnaireStatus
from rohnamo.counselling.models import (
    Consultation,
    OutreachEvent,
    Questionnaire,
    QuestionnaireVersion,
    Response,
    Visitor,
)
from rohnamo.lib.phones import phone_digits
from rohnamo.lib.search_text import fold


def visitors_visible_to(user):
    """Visitors of the offices ``user`` may see, merged duplicates left out."""
    if not may(user, "counselling.view_visitor"):
        return Visitor.objects.none()
    visitors = Visitor.objects.filter(merged_into__isnull=True).select_related("office", "district")
    return scope_to_offices(visitors, user)


def consultations_visible_to(user):
    if not may(user, "counselling.view_consultation"):
        return Consultation.objects.none()
    consultations = Consultation.objects.select_related(
        "office", "counsellor", "visitor", "destination"
    )
    return scope_to_offices(consultations, user)


def events_visible_to(user):
    if not may(user, "counselling.view_outreachevent"):
        return OutreachEvent.objects.none()
    return scope_to_offices(OutreachEvent.objects.select_related("office", "district"), user)


def questionnaires_visible_to(user):
    """Questionnaires are national: everyone with the permission sees every definition."""
    if not may(user, "counselling.view_questionnaire"):
        return Questionnaire.objects.none()
    return Questionnaire.objects.all()


def questionnaire_versions_visible_to(user):
    if not may(user, "counselling.view_questionnaire"):
        return QuestionnaireVersion.objects.none()
    return QuestionnaireVersion.objects.select_related("questionnaire")


def responses_visible_to(user):
    """Responses are answers of people: only those of offices ``user`` may see."""
    if not may(user, "counselling.view_response"):
        return Response.objects.none()
    return scope_to_offices(Response.objects.select_related("office", "version"), user)


# Names at least this similar (after folding Tajik/Russian/Latin spellings) are suggested.
NAME_SIMILARITY = 0.8


def possible_duplicates(visitor, user):
    """Other visitors ``user`` may see who may be the same person: the same phone number, or a
    name spelled almost alike. Only suggestions: merging is a person's decision."""
    others = visitors_visible_to(user).exclude(pk=visitor.pk)
    matches = []
    if visitor.phone_digits:
        matches = list(others.filter(phone_digits=visitor.phone_digits))
    if visitor.name_folded:
        prefix = visitor.name_folded[:1]
        candidates = others.filter(name_folded__startswith=prefix).exclude(
            pk__in=[match.pk for match in matches]
        )
        matches += [
            candidate
            for candidate in candidates[:500]
            if SequenceMatcher(None, candidate.name_folded, visitor.name_folded).ratio()
            >= NAME_SIMILARITY
        ]
    return matches


def find_visitors(user, text):
    """Visitors whose name or phone matches ``text``, however it is spelled or typed."""
    visitors = visitors_visible_to(user)
    digits = phone_digits(text)
    if len(digits) >= 4:
        return visitors.filter(phone_digits__contains=digits)
    return visitors.filter(name_folded__contains=fold(text.strip()))


def published_versions_for(user):
    """The questionnaire versions ``user`` can fill in now, to offer beside a consultation."""
    if not may(user, "counselling.add_response"):
        return QuestionnaireVersion.objects.none()
    return questionnaire_versions_visible_to(user).filter(status=QuestionnaireStatus.PUBLISHED)
