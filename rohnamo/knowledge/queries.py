"""Reading information sheets: what the public sees, what staff see, what needs attention."""

from django.db.models import Prefetch
from django.utils import timezone

from rohnamo.core.models import Language
from rohnamo.core.queries import scope_to_offices
from rohnamo.core.roles import may
from rohnamo.knowledge.choices import VersionStatus
from rohnamo.knowledge.models import Distribution, Sheet, SheetVersion
from rohnamo.lib.translated import language_chain


def is_knowledge_staff(user):
    return may(user, "knowledge.view_sheetversion")


def sheets_visible_to(user):
    """Sheets are the centre's shared content: every staff member with the permission sees all."""
    if not is_knowledge_staff(user):
        return Sheet.objects.none()
    return Sheet.objects.select_related("topic")


def versions_visible_to(user):
    if not is_knowledge_staff(user):
        return SheetVersion.objects.none()
    return SheetVersion.objects.select_related("sheet", "language", "author", "reviewer")


def public_versions():
    """The versions the public reads: the current published one of each sheet and language."""
    return SheetVersion.objects.filter(
        is_current=True, status=VersionStatus.PUBLISHED
    ).select_related("sheet", "sheet__topic", "language")


def public_sheets(*, stage=None, topic=None, country=None):
    """Sheets with at least one published version, filtered as the visitor browses."""
    sheets = Sheet.objects.filter(versions__is_current=True).distinct().select_related("topic")
    if stage:
        sheets = sheets.filter(stage=stage)
    if topic:
        sheets = sheets.filter(topic=topic)
    if country:
        # A sheet for every country (no countries set) applies to each destination too.
        sheets = sheets.filter(countries=country) | sheets.filter(countries__isnull=True)
    return sheets.prefetch_related(
        Prefetch("versions", queryset=public_versions(), to_attr="public_versions")
    )


def pick_version(versions, language_code):
    """From a sheet's published versions, the one in ``language_code``, else the closest one.

    Returns ``(version, is_fallback)``; ``(None, False)`` when nothing is published.
    """
    by_language = {version.language.code: version for version in versions}
    for code in language_chain(language_code):
        if code in by_language:
            return by_language[code], code != language_code
    if by_language:
        return next(iter(by_language.values())), True
    return None, False


def public_sheet(code, language_code):
    """``(sheet, version, is_fallback)`` for a public sheet page, or ``(None, None, False)``."""
    sheet = public_sheets().filter(code=code).first()
    if sheet is None:
        return None, None, False
    version, is_fallback = pick_version(sheet.public_versions, language_code)
    return sheet, version, is_fallback


def overdue_versions(today=None):
    """Published versions whose "check again by" date has passed, the oldest first."""
    today = today or timezone.localdate()
    return public_versions().filter(check_by__lt=today).order_by("check_by")


def missing_languages():
    """``[(sheet, [languages without a published version])]`` for content languages."""
    languages = list(Language.objects.filter(is_content_language=True).order_by("code"))
    sheets = Sheet.objects.select_related("topic").prefetch_related(
        Prefetch("versions", queryset=public_versions(), to_attr="public_versions")
    )
    gaps = []
    for sheet in sheets:
        present = {version.language_id for version in sheet.public_versions}
        missing = [language for language in languages if language.pk not in present]
        if missing:
            gaps.append((sheet, missing))
    return gaps


def versions_in_review():
    return (
        SheetVersion.objects.filter(status=VersionStatus.IN_REVIEW)
        .select_related("sheet", "language", "author")
        .order_by("submitted_at")
    )


def history(sheet, language):
    """All versions of ``sheet`` in ``language``, newest first."""
    return (
        SheetVersion.objects.filter(sheet=sheet, language=language)
        .select_related("author", "reviewer")
        .order_by("-number")
    )


def previous_version(version):
    return (
        SheetVersion.objects.filter(
            sheet=version.sheet, language=version.language, number__lt=version.number
        )
        .order_by("-number")
        .first()
    )


def distributions_visible_to(user):
    """Leaflet print runs and hand-outs of the offices ``user`` may see."""
    return scope_to_offices(
        Distribution.objects.select_related("sheet", "language", "district", "office"), user
    )
