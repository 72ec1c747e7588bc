"""Keeping the agency register: agencies, their names, licences and inspections.

Each function takes the acting officer, runs in one transaction and writes its audit entry in it.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rohnamo.core import audit
from rohnamo.core.choices import AuditAction
from rohnamo.lib.search_text import fold
from rohnamo.recruitment.choices import LICENCE_TRANSITIONS, LicenceStatus, Sanction
from rohnamo.recruitment.models import (
    Agency,
    AgencyBranch,
    AgencyName,
    Inspection,
    Licence,
    LicenceEvent,
)


@transaction.atomic
def register_agency(*, actor, legal_name, other_names=(), countries=(), **fields):
    """A new agency in the register; ``other_names`` are names it uses in adverts."""
    agency = Agency(legal_name=legal_name.strip(), created_by=actor, **fields)
    agency.full_clean()
    agency.save()
    agency.countries.set(countries)
    for name in [agency.legal_name, *other_names]:
        add_name(actor=actor, agency=agency, name=name)
    audit.record(actor=actor, action=AuditAction.CREATE, obj=agency)
    return agency


@transaction.atomic
def edit_agency(*, actor, agency, countries=None, **fields):
    """Change the agency's own facts; the legal name, when changed, is also kept as a name the
    public check finds (the old one stays: adverts may still use it)."""
    agency = Agency.objects.select_for_update().get(pk=agency.pk)
    before = audit.snapshot(agency)
    for name, value in fields.items():
        setattr(agency, name, value.strip() if isinstance(value, str) else value)
    agency.full_clean()
    agency.save()
    changed = audit.changed_fields(before, agency)
    if countries is not None and set(agency.countries.all()) != set(countries):
        agency.countries.set(countries)
        changed.append("countries")
    if "legal_name" in changed:
        add_name(actor=actor, agency=agency, name=agency.legal_name)
    if changed:
        audit.record(actor=actor, action=AuditAction.UPDATE, obj=agency, fields=changed)
    return agency


@transaction.atomic
def add_branch(*, actor, agency, address, district=None, phone=""):
    """Another office of the agency."""
    branch = AgencyBranch(
        agency=agency, address=address.strip(), district=district, phone=phone.strip()
    )
    branch.full_clean()
    branch.save()
    audit.record(actor=actor, action=AuditAction.CREATE, obj=branch, label=agency.legal_name[:200])
    return branch


@transaction.atomic
def add_name(*, actor, agency, name):
    """Another name the agency uses; every name is searched by the public check."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Write the name.")})
    folded = fold(name)
    existing = agency.names.filter(folded=folded).first()
    if existing:
        return existing
    return AgencyName.objects.create(agency=agency, name=name, folded=folded)


def _overlapping(agency, issued_on, expires_on, exclude=None):
    licences = agency.licences.exclude(status=LicenceStatus.REVOKED).filter(
        issued_on__lt=expires_on, expires_on__gt=issued_on
    )
    return licences.exclude(pk=exclude.pk) if exclude else licences


@transaction.atomic
def issue_licence(*, actor, agency, number, issued_on, expires_on):
    """A licence for ``agency``; it may not overlap another of its licences in time."""
    if expires_on <= issued_on:
        raise ValidationError({"expires_on": _("The licence must expire after it is issued.")})
    clash = _overlapping(agency, issued_on, expires_on).first()
    if clash:
        raise ValidationError(
            {"issued_on": _("The agency already holds licence %(number)s for part of this time.")
             % {"number": clash.number}}
        )  # fmt: skip
    licence = Licence(
        agency=agency,
        number=number.strip(),
        issued_on=issued_on,
        expires_on=expires_on,
        status=LicenceStatus.ACTIVE,
        status_since=issued_on,
    )
    licence.full_clean()
    licence.save()
    LicenceEvent.objects.create(
        licence=licence, status=LicenceStatus.ACTIVE, changed_on=issued_on, changed_by=actor
    )
    audit.record(actor=actor, action=AuditAction.CREATE, obj=licence, label=licence.number)
    return licence


@transaction.atomic
def change_licence_status(*, actor, licence, status, reason, on=None):
    """Suspend, reinstate or revoke a licence, with the reason, kept in its history."""
    licence = Licence.objects.select_for_update().get(pk=licence.pk)
    if status not in LICENCE_TRANSITIONS[licence.status]:
        raise ValidationError(
            {"status": _("A licence that is “%(current)s” cannot become “%(new)s”.")
             % {"current": licence.get_status_display(), "new": LicenceStatus(status).label}}
        )  # fmt: skip
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason.")})
    on = on or timezone.localdate()
    licence.status, licence.status_since, licence.status_reason = status, on, reason.strip()
    licence.save(update_fields=["status", "status_since", "status_reason"])
    LicenceEvent.objects.create(
        licence=licence, status=status, reason=reason.strip(), changed_on=on, changed_by=actor
    )
    audit.record(actor=actor, action=AuditAction.UPDATE, obj=licence, fields=["status"],
                 label=licence.number)  # fmt: skip
    return licence


_SANCTION_STATUS = {
    Sanction.SUSPENSION: LicenceStatus.SUSPENDED,
    Sanction.REVOCATION: LicenceStatus.REVOKED,
}


@transaction.atomic
def record_inspection(*, actor, agency, date, findings, sanction=Sanction.NONE):
    """An inspection; a suspension or revocation applies at once to the current licence."""
    if date > timezone.localdate():
        raise ValidationError({"date": _("An inspection cannot be recorded before it happens.")})
    inspection = Inspection(
        agency=agency, date=date, inspector=actor, findings=findings.strip(), sanction=sanction
    )
    inspection.full_clean()
    inspection.save()
    audit.record(actor=actor, action=AuditAction.CREATE, obj=inspection)
    status = _SANCTION_STATUS.get(sanction)
    if status:
        from rohnamo.recruitment.queries import current_licence

        licence = current_licence(agency)
        if licence is None or status not in LICENCE_TRANSITIONS[licence.status]:
            raise ValidationError(
                {"sanction": _("The agency holds no licence this sanction could apply to.")}
            )
        change_licence_status(
            actor=actor,
            licence=licence,
            status=status,
            reason=_("Inspection of %(date)s: %(findings)s")
            % {"date": date.isoformat(), "findings": findings.strip()[:400]},
            on=date,
        )
    return inspection
