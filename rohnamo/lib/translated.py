"""Reading per-language columns (``name_tg``, ``name_ru``, ``name_en``) in the active language."""

from django.conf import settings
from django.utils.translation import get_language


def language_chain(language=None):
    """The active language first, then the others in the order of settings.LANGUAGES."""
    current = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    others = [code for code, _label in settings.LANGUAGES if code != current]
    return [current, *others]


def localized(obj, field, language=None):
    """The value of ``field_<lang>`` for the active language, falling back to any filled one."""
    for code in language_chain(language):
        value = getattr(obj, f"{field}_{code}", "")
        if value:
            return value
    return ""
