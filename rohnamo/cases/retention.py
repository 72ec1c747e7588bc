"""Retention: a closed case keeps what the reports count and loses what tells who it was about.

After ``settings.CASE_RETENTION_DAYS`` (five years by default) from its closing, a case keeps its
office, category, kind, priority, status, country, city, home district, dates and its referrals'
organisations and statuses, so every figure of the case report stays the same. The narrative,
the contact, who it was filed for, the employer, the messages, the text of the timeline, task
titles and referral notes are blanked; documents are deleted with their files; the links to
counselling visitors are removed (the visitors have their own retention). A case reopened before
its turn is no longer closed and is left alone.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rohnamo.cases.attachments import _storage_dir
from rohnamo.cases.choices import CaseStatus
from rohnamo.cases.models import Case
from rohnamo.core import audit
from rohnamo.core.choices import AuditAction
from rohnamo.core.jobs import job_kind

DEFAULT_RETENTION_DAYS = 5 * 365

# The case's own fields that may identify someone, and what they become.
BLANKED = {
    "narrative": "",
    "contact_name": "",
    "contact_phone": "",
    "on_behalf_of": "",
    "relationship": "",
    "employer": "",
    "public_message": "",
    "pin": "",
}


def retention_days():
    return getattr(settings, "CASE_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)


def cases_due(older_than_days=None, *, now=None):
    """Closed cases, not yet anonymised, closed more than ``older_than_days`` days ago."""
    days = retention_days() if older_than_days is None else older_than_days
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    return Case.objects.filter(
        status=CaseStatus.CLOSED, closed_at__lt=cutoff, anonymised_at__isnull=True
    ).order_by("closed_at", "pk")


def _delete_files_after_commit(names):
    # Only once the rows are gone for good: a rollback keeps both the rows and their files.
    directory = _storage_dir()

    def delete():
        for name in names:
            (directory / name).unlink(missing_ok=True)

    transaction.on_commit(delete)


@transaction.atomic
def anonymise_case(*, actor, case):
    """Anonymise one closed case (see the module's docstring), with its audit entry.

    Returns the case, or None when it was reopened or anonymised in the meantime.
    """
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.status != CaseStatus.CLOSED or case.anonymised_at is not None:
        return None
    for name, blank in BLANKED.items():
        setattr(case, name, blank)
    case.anonymised_at = timezone.now()
    case.save(update_fields=[*BLANKED, "anonymised_at", "updated_at"])
    case.entries.update(text="")
    case.tasks.update(title="")
    case.referrals.update(message="", answer_note="", consent_note="")
    attachments = case.attachments.all()
    _delete_files_after_commit([attachment.path for attachment in attachments])
    attachments.delete()
    case.clients.all().delete()
    audit.record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=case,
        fields=[*BLANKED, "anonymised_at", "attachments", "clients", "entries", "referrals"],
        label=case.tracking_code,
    )
    return case


def anonymise_closed_cases(*, actor=None, older_than_days=None, progress=None):
    """Anonymise every case closed more than ``older_than_days`` days ago (by default
    ``settings.CASE_RETENTION_DAYS``, five years). Each case in its own transaction, so a
    failure keeps the cases already done. Returns how many were anonymised."""
    ids = list(cases_due(older_than_days).values_list("pk", flat=True))
    if progress is not None:
        progress.set_total(len(ids))
    done = 0
    for case in Case.objects.filter(pk__in=ids).order_by("closed_at", "pk").iterator():
        if anonymise_case(actor=actor, case=case) is not None:
            done += 1
        if progress is not None:
            progress.advance()
    return done


@job_kind("anonymise_cases", label=gettext_lazy("Anonymising closed cases"))
def anonymise_cases_job(job, progress, *, older_than_days=None):
    count = anonymise_closed_cases(
        actor=job.started_by, older_than_days=older_than_days, progress=progress
    )
    progress.log(_("%(count)d closed cases anonymised.") % {"count": count})
