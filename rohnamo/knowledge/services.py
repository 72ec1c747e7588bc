"""Writing information sheets: drafting, translating, reviewing, publishing, distributing.

Every function takes the acting user, runs in one transaction and writes its audit entry inside it.
A step that the workflow does not allow raises ``WorkflowError`` with a reason people can read.
"""

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from rohnamo.core import audit
from rohnamo.core.choices import AuditAction
from rohnamo.knowledge import markup, search
from rohnamo.knowledge.choices import VersionStatus
from rohnamo.knowledge.models import Distribution, Sheet, SheetVersion

REVIEW_PERMISSION = "knowledge.review_sheetversion"


class WorkflowError(ValidationError):
    """A step the review workflow does not allow, with the reason."""


def _set_text(version, *, title, summary, body):
    if len(body) > markup.MAX_BODY_LENGTH:
        raise ValidationError(
            _("The text is too long: %(length)d characters, at most %(limit)d.")
            % {"length": len(body), "limit": markup.MAX_BODY_LENGTH}
        )
    version.title, version.summary, version.body = title.strip(), summary.strip(), body
    version.body_html, cleaned = markup.render(body)
    search.index(version)
    return cleaned


@transaction.atomic
def create_sheet(*, actor, code, topic, stage, countries=(), language, title, summary="", body):
    """A new sheet with its first draft in ``language``. Returns ``(version, cleaned)``."""
    sheet = Sheet(code=code, topic=topic, stage=stage, created_by=actor)
    sheet.full_clean()
    sheet.save()
    sheet.countries.set(countries)
    audit.record(actor=actor, action=AuditAction.CREATE, obj=sheet)
    return start_version(
        actor=actor, sheet=sheet, language=language, title=title, summary=summary, body=body
    )


@transaction.atomic
def start_version(*, actor, sheet, language, title, summary="", body):
    """A new draft of ``sheet`` in ``language``: a first translation or a revision.

    Returns ``(version, cleaned)``; ``cleaned`` is True when unsafe markup was removed.
    """
    open_version = SheetVersion.objects.filter(
        sheet=sheet, language=language, status__in=[VersionStatus.DRAFT, VersionStatus.IN_REVIEW]
    ).first()
    if open_version is not None:
        raise WorkflowError(
            _("An open %(language)s version (number %(number)d) exists already: continue that one.")
            % {"language": language.name, "number": open_version.number}
        )
    last = SheetVersion.objects.filter(sheet=sheet, language=language).aggregate(Max("number"))
    version = SheetVersion(
        sheet=sheet, language=language, number=(last["number__max"] or 0) + 1, author=actor
    )
    cleaned = _set_text(version, title=title, summary=summary, body=body)
    version.save()
    audit.record(actor=actor, action=AuditAction.CREATE, obj=version)
    return version, cleaned


@transaction.atomic
def edit_draft(*, actor, version, title, summary, body):
    """Change the text of a draft. Returns ``(version, cleaned)``."""
    version = SheetVersion.objects.select_for_update().get(pk=version.pk)
    if version.status != VersionStatus.DRAFT:
        raise WorkflowError(
            _("Only a draft can be edited; this version is %(status)s.")
            % {"status": version.get_status_display()}
        )
    before = audit.snapshot(version)
    cleaned = _set_text(version, title=title, summary=summary, body=body)
    changed = [
        name
        for name in audit.changed_fields(before, version)
        if name in {"title", "summary", "body"}
    ]
    if changed:
        version.save()
        audit.record(actor=actor, action=AuditAction.UPDATE, obj=version, fields=changed)
    return version, cleaned


@transaction.atomic
def submit_for_review(*, actor, version):
    version = SheetVersion.objects.select_for_update().get(pk=version.pk)
    if version.status != VersionStatus.DRAFT:
        raise WorkflowError(_("Only a draft can be sent for review."))
    version.status, version.submitted_at = VersionStatus.IN_REVIEW, timezone.now()
    version.save(update_fields=["status", "submitted_at", "updated_at"])
    audit.record(actor=actor, action=AuditAction.UPDATE, obj=version, fields=["status"])
    return version


def _check_reviewer(actor, version):
    if not actor.has_perm(REVIEW_PERMISSION):
        raise WorkflowError(_("Only a reviewer can do this. Ask a manager to review the sheet."))
    if version.author_id == actor.pk:
        raise WorkflowError(
            _("You wrote this version, so someone else must review it. Ask a colleague.")
        )


@transaction.atomic
def publish(*, actor, version, check_by=None):
    """Publish a version under review; it replaces the language's earlier published version."""
    version = SheetVersion.objects.select_for_update().select_related("sheet").get(pk=version.pk)
    _check_reviewer(actor, version)
    if version.status != VersionStatus.IN_REVIEW:
        raise WorkflowError(
            _("Only a version in review can be published; send it for review first.")
        )
    today = timezone.localdate()
    SheetVersion.objects.filter(
        sheet=version.sheet, language=version.language, is_current=True
    ).update(is_current=False)
    version.status, version.is_current = VersionStatus.PUBLISHED, True
    version.reviewer, version.published_at = actor, timezone.now()
    version.checked_on = today
    version.check_by = check_by or _months_later(today, version.sheet.review_months)
    version.save()
    audit.record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=version,
        fields=["status", "reviewer", "published_at", "check_by"],
    )
    return version


@transaction.atomic
def return_to_draft(*, actor, version, note):
    """Send a version in review back to its author with the reviewer's note."""
    version = SheetVersion.objects.select_for_update().get(pk=version.pk)
    _check_reviewer(actor, version)
    if version.status != VersionStatus.IN_REVIEW:
        raise WorkflowError(_("Only a version in review can be sent back."))
    if not note.strip():
        raise WorkflowError(_("Write what has to change, so the author knows."))
    version.status, version.review_note = VersionStatus.DRAFT, note.strip()
    version.save(update_fields=["status", "review_note", "updated_at"])
    audit.record(
        actor=actor, action=AuditAction.UPDATE, obj=version, fields=["status", "review_note"]
    )
    return version


@transaction.atomic
def confirm_checked(*, actor, version, check_by=None):
    """Record that a reviewer checked the published text and it is still correct."""
    version = SheetVersion.objects.select_for_update().select_related("sheet").get(pk=version.pk)
    if not actor.has_perm(REVIEW_PERMISSION):
        raise WorkflowError(_("Only a reviewer can do this. Ask a manager to review the sheet."))
    if not version.is_current:
        raise WorkflowError(_("Only the published version can be confirmed."))
    today = timezone.localdate()
    version.checked_on = today
    version.check_by = check_by or _months_later(today, version.sheet.review_months)
    version.save(update_fields=["checked_on", "check_by", "updated_at"])
    audit.record(
        actor=actor, action=AuditAction.UPDATE, obj=version, fields=["checked_on", "check_by"]
    )
    return version


@transaction.atomic
def withdraw(*, actor, version, reason):
    """Take a published version off the public site (wrong or outdated information)."""
    version = SheetVersion.objects.select_for_update().get(pk=version.pk)
    if not actor.has_perm(REVIEW_PERMISSION):
        raise WorkflowError(_("Only a reviewer can do this. Ask a manager to review the sheet."))
    if version.status != VersionStatus.PUBLISHED:
        raise WorkflowError(_("Only a published version can be withdrawn."))
    if not reason.strip():
        raise WorkflowError(_("Write why the version is withdrawn."))
    version.status, version.is_current = VersionStatus.WITHDRAWN, False
    version.withdrawn_at, version.review_note = timezone.now(), reason.strip()
    version.save(
        update_fields=["status", "is_current", "withdrawn_at", "review_note", "updated_at"]
    )
    audit.record(actor=actor, action=AuditAction.UPDATE, obj=version, fields=["status"])
    return version


@transaction.atomic
def record_distribution(
    *, actor, office, sheets, language, kind, quantity, date, place_type="", district=None, note=""
):
    """Record that ``office`` printed or handed out ``quantity`` copies of each of ``sheets``."""
    if quantity <= 0:
        raise ValidationError(_("The number of copies must be at least 1."))
    rows = []
    for sheet in sheets:
        row = Distribution(
            office=office, created_by=actor, kind=kind, sheet=sheet, language=language,
            quantity=quantity, date=date, place_type=place_type, district=district, note=note,
        )  # fmt: skip
        row.full_clean()
        row.save()
        audit.record(actor=actor, action=AuditAction.CREATE, obj=row)
        rows.append(row)
    return rows


def _months_later(day, months):
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
