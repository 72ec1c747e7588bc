"""Making sheets in the states tests need, through the real services."""

from rohnamo.core.models import Language
from rohnamo.knowledge import services
from rohnamo.knowledge.choices import Stage
from rohnamo.knowledge.models import Topic


def language(code):
    return Language.objects.get(code=code)


def draft_sheet(
    author,
    *,
    code="registration-russia",
    language_code="ru",
    title=None,
    body=None,
    topic="registration",
    stage=Stage.ABROAD,
    countries=(),
):
    """A new sheet with a first draft written by ``author``."""
    version, _cleaned = services.create_sheet(
        actor=author,
        code=code,
        topic=Topic.objects.get(code=topic),
        stage=stage,
        countries=countries,
        language=language(language_code),
        title=title or "Регистрация в России",
        summary="Встаньте на учёт в течение 15 дней.",
        body=body or "## Срок\n\nГраждане Таджикистана встают на учёт в течение **15 дней**.",
    )
    return version


def published_version(author, reviewer, **kwargs):
    """A sheet version written by ``author`` and published by ``reviewer``."""
    version = draft_sheet(author, **kwargs)
    services.submit_for_review(actor=author, version=version)
    return services.publish(actor=reviewer, version=version)


def published_translation(author, reviewer, sheet, language_code, *, title, body):
    version, _cleaned = services.start_version(
        actor=author, sheet=sheet, language=language(language_code), title=title, body=body
    )
    services.submit_for_review(actor=author, version=version)
    return services.publish(actor=reviewer, version=version)
