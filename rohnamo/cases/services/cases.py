"""Opening and working cases. Each function takes the acting person, runs in one transaction
and writes its audit entry and its timeline entry inside it."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rohnamo.cases import sla, tracking
from rohnamo.cases.choices import (
    RESTRICTED_CATEGORIES,
    TRANSITIONS,
    CaseSource,
    CaseStatus,
    ClientRole,
    EntryKind,
)
from rohnamo.cases.models import Case, CaseClient, CaseEntry, CaseTask
from rohnamo.cases.offices import office_for_district
from rohnamo.core import audit
from rohnamo.core.choices import AuditAction
from rohnamo.counselling.services.offices import check_can_write

MAX_NARRATIVE = 20_000


def _unique_code():
    while True:
        code = tracking.new_tracking_code()
        if not Case.objects.filter(tracking_code=code).exists():
            return code


def _entry(case, *, actor, kind, text="", from_status="", to_status=""):
    return CaseEntry.objects.create(
        case=case,
        kind=kind,
        author=actor if actor is not None and actor.is_authenticated else None,
        text=text,
        from_status=from_status,
        to_status=to_status,
    )


def _new_case(*, actor, office, kind, category, priority=None, source, narrative="", **fields):
    if len(narrative) > MAX_NARRATIVE:
        raise ValidationError(
            {"narrative": _("Please shorten the text to %(limit)d characters.")
             % {"limit": MAX_NARRATIVE}}
        )  # fmt: skip
    now = timezone.now()
    priority = priority or sla.default_priority(category)
    case = Case(
        office=office,
        created_by=actor if actor is not None and actor.is_authenticated else None,
        tracking_code=_unique_code(),
        kind=kind,
        category=category,
        priority=priority,
        source=source,
        narrative=narrative,
        is_restricted=category in RESTRICTED_CATEGORIES,
        first_response_due=sla.first_response_due(category, priority, now),
        **fields,
    )
    case.full_clean(exclude=["created_at"])
    case.save()
    return case


@transaction.atomic
def open_case(*, actor, office, kind, category, clients=(), filed_by=None, **fields):
    """A case a staff member records. ``clients`` are visitors it is about; ``filed_by`` a
    visitor who asked on their behalf (a relative), recorded as such."""
    check_can_write(actor, office)
    case = _new_case(
        actor=actor, office=office, kind=kind, category=category, source=CaseSource.STAFF, **fields
    )
    for visitor in clients:
        CaseClient.objects.create(case=case, visitor=visitor, role=ClientRole.CLIENT)
    if filed_by is not None:
        CaseClient.objects.create(case=case, visitor=filed_by, role=ClientRole.FILED_BY)
    audit.record(actor=actor, action=AuditAction.CREATE, obj=case, label=case.tracking_code)
    _entry(case, actor=actor, kind=EntryKind.STATUS, to_status=CaseStatus.NEW)
    return case


@transaction.atomic
def open_case_from_public(
    *, kind, category, district, narrative, contact_name, contact_phone, **fields
):
    """A request someone sent from the public site without an account.

    Returns ``(case, pin)``: the PIN is shown once and only its hash is kept.
    """
    office = office_for_district(district)
    case = _new_case(
        actor=None,
        office=office,
        kind=kind,
        category=category,
        source=CaseSource.PUBLIC,
        narrative=narrative,
        district=district,
        contact_name=contact_name,
        contact_phone=contact_phone,
        **fields,
    )
    pin = tracking.new_pin()
    case.pin = tracking.hash_pin(pin)
    case.save(update_fields=["pin"])
    audit.record(actor=None, action=AuditAction.CREATE, obj=case, label=case.tracking_code)
    _entry(case, actor=None, kind=EntryKind.STATUS, to_status=CaseStatus.NEW)
    return case, pin


def _locked(case):
    return Case.objects.select_for_update().get(pk=case.pk)


@transaction.atomic
def change_status(*, actor, case, status, reason, public_message=None):
    """Move a case along the workflow; ``reason`` is required and goes on the timeline.

    ``public_message`` (optional) replaces what the person who asked sees with the status.
    """
    case = _locked(case)
    if status not in TRANSITIONS[case.status]:
        raise ValidationError(
            {"status": _("A case that is “%(current)s” cannot become “%(new)s”.")
             % {"current": case.get_status_display(), "new": CaseStatus(status).label}}
        )  # fmt: skip
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the change.")})
    now = timezone.now()
    before, case.status = case.status, status
    fields = ["status"]
    if case.first_responded_at is None:
        case.first_responded_at = now
        fields.append("first_responded_at")
    if status == CaseStatus.RESOLVED:
        case.resolved_at = now
        fields.append("resolved_at")
    if status == CaseStatus.CLOSED:
        case.closed_at = now
        fields.append("closed_at")
    if status == CaseStatus.REOPENED:
        case.resolved_at = case.closed_at = None
        fields += ["resolved_at", "closed_at"]
    if public_message is not None:
        case.public_message = public_message.strip()
        fields.append("public_message")
    case.save(update_fields=[*set(fields), "updated_at"])
    audit.record(actor=actor, action=AuditAction.UPDATE, obj=case, fields=fields)
    _entry(case, actor=actor, kind=EntryKind.STATUS, text=reason.strip(), from_status=before,
           to_status=status)  # fmt: skip
    return case


@transaction.atomic
def assign(*, actor, case, worker):
    """Give the case to ``worker``, who must work in its office."""
    case = _locked(case)
    if worker is not None and not worker.memberships.filter(office=case.office).exists():
        raise ValidationError({"worker": _("Assign the case to someone of its office.")})
    case.assigned_to = worker
    case.save(update_fields=["assigned_to", "updated_at"])
    audit.record(actor=actor, action=AuditAction.UPDATE, obj=case, fields=["assigned_to"])
    _entry(case, actor=actor, kind=EntryKind.ASSIGNMENT, text=str(worker or ""))
    return case


@transaction.atomic
def set_restricted(*, actor, case, restricted, reason):
    """Restrict a case to its worker, its managers and administrators, or lift that."""
    case = _locked(case)
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the change.")})
    case.is_restricted = restricted
    case.save(update_fields=["is_restricted", "updated_at"])
    audit.record(actor=actor, action=AuditAction.UPDATE, obj=case, fields=["is_restricted"])
    _entry(case, actor=actor, kind=EntryKind.NOTE, text=reason.strip())
    return case


@transaction.atomic
def add_note(*, actor, case, text):
    if not text.strip():
        raise ValidationError({"text": _("Write the note.")})
    if len(text) > MAX_NARRATIVE:
        raise ValidationError(
            {
                "text": _("Please shorten the text to %(limit)d characters.")
                % {"limit": MAX_NARRATIVE}
            }
        )
    entry = _entry(case, actor=actor, kind=EntryKind.NOTE, text=text.strip())
    audit.record(actor=actor, action=AuditAction.CREATE, obj=entry, office=case.office)
    return entry


@transaction.atomic
def add_task(*, actor, case, title, due_on, assigned_to=None):
    task = CaseTask(case=case, title=title.strip(), due_on=due_on, assigned_to=assigned_to)
    task.full_clean()
    task.save()
    audit.record(actor=actor, action=AuditAction.CREATE, obj=task, office=case.office)
    _entry(case, actor=actor, kind=EntryKind.TASK, text=task.title)
    return task


@transaction.atomic
def complete_task(*, actor, task):
    task = CaseTask.objects.select_for_update().get(pk=task.pk)
    if task.done_at is None:
        task.done_at = timezone.now()
        task.save(update_fields=["done_at"])
        audit.record(actor=actor, action=AuditAction.UPDATE, obj=task, fields=["done_at"],
                     office=task.case.office)  # fmt: skip
    return task
