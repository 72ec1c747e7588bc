"""Keeping the register of work permits issued to foreign citizens, against the yearly quota.

A permit counts against the quota of the year it was issued in (``issued_on``): the decree sets
how many permits may be issued in a year. Registering a permit beyond that year's quota is
refused; when no quota is set for the year the permit is registered with a warning, so that the
register can be kept before the decree is published.

Each function takes the acting statistician, runs in one transaction and writes its audit entry in
it. Reading the register (names!) is for those who keep it: ``REGISTER_PERMISSION``; managers
read forms T-2 and 3-T (counts) only.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from rohnamo.core import audit
from rohnamo.core.choices import AuditAction
from rohnamo.core.roles import may
from rohnamo.crossings.models import WorkPermit, WorkPermitQuota
from rohnamo.lib.search_text import fold, words

# The register names foreign workers: only those who keep it read it. Managers hold
# view_workpermit too, which opens the forms T-2 and 3-T (counts) but not this list.
REGISTER_PERMISSION = "crossings.add_workpermit"
TAJIKISTAN = "TJ"

# The fields a permit is registered with; the service takes exactly these.
FIELDS = (
    "permit_number",
    "surname",
    "given_name",
    "sex",
    "birth_date",
    "citizenship",
    "passport_number",
    "employer",
    "sector",
    "occupation",
    "work_district",
    "issued_on",
    "valid_from",
    "valid_until",
)


@dataclass
class Saved:
    """The permit saved and what the statistician should still know about it."""

    permit: WorkPermit
    warnings: list = field(default_factory=list)


def _clean_text(value):
    return value.strip() if isinstance(value, str) else value


def _check(permit):
    """Every rule a permit breaks, as ``{field: [messages]}``."""
    errors = {}

    def add(name, message):
        errors.setdefault(name, []).append(message)

    try:
        permit.clean_fields()
    except ValidationError as error:
        errors.update(error.message_dict)
    if permit.valid_from and permit.valid_until and permit.valid_until < permit.valid_from:
        add("valid_until", _("The end of the period cannot be before its start."))
    if permit.issued_on and permit.valid_from and permit.issued_on > permit.valid_from:
        add("issued_on", _("A permit cannot be valid before the day it was issued."))
    if permit.citizenship_id and permit.citizenship.code == TAJIKISTAN:
        add("citizenship", _("Citizens of Tajikistan need no work permit: choose a foreign one."))
    if permit.permit_number:
        taken = WorkPermit.objects.filter(permit_number__iexact=permit.permit_number)
        if permit.pk:
            taken = taken.exclude(pk=permit.pk)
        if taken.exists():
            add(
                "permit_number",
                _("Permit %(number)s is registered already.") % {"number": permit.permit_number},
            )
    return errors


def _check_quota(permit):
    """Warnings about the quota of the permit's year; ValidationError when it is used up.

    The quota row is locked so that two statisticians cannot both take the last permit."""
    year = permit.issued_on.year
    quota = WorkPermitQuota.objects.select_for_update().filter(year=year).first()
    if quota is None:
        return [
            _(
                "No quota is set for %(year)s: the permit is registered, but check it against "
                "the decree when the quota is known."
            )
            % {"year": year}
        ]
    issued = WorkPermit.objects.filter(issued_on__year=year)
    if permit.pk:
        issued = issued.exclude(pk=permit.pk)
    count = issued.count()
    if count >= quota.quota:
        raise ValidationError(
            _(
                "The quota for %(year)s is used up: %(issued)s of %(quota)s permits have been "
                "issued. A permit beyond the quota cannot be registered."
            )
            % {"year": year, "issued": count, "quota": quota.quota},
            code="quota",
        )
    return []


def _save(permit, *, quota_needed):
    errors = _check(permit)
    if errors:
        raise ValidationError(errors)
    warnings = _check_quota(permit) if quota_needed else []
    permit.save()
    return warnings


@transaction.atomic
def register_permit(*, actor, **fields):
    """A new permit in the register (``fields`` as in ``FIELDS``), counted against the quota of
    the year it was issued in. Returns ``Saved`` with any warning to show."""
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise TypeError(f"register_permit() got unexpected fields: {sorted(unknown)}")
    permit = WorkPermit(
        created_by=actor, **{name: _clean_text(value) for name, value in fields.items()}
    )
    warnings = _save(permit, quota_needed=True)
    audit.record(actor=actor, action=AuditAction.CREATE, obj=permit, label=permit.permit_number)
    return Saved(permit, warnings)


@transaction.atomic
def change_permit(*, actor, permit, **fields):
    """Correct a registered permit. Moving it into another year of issue counts it against
    that year's quota; the audit entry names the fields changed, never their values."""
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise TypeError(f"change_permit() got unexpected fields: {sorted(unknown)}")
    permit = WorkPermit.objects.select_for_update().get(pk=permit.pk)
    before = audit.snapshot(permit)
    year_before = permit.issued_on.year
    for name, value in fields.items():
        setattr(permit, name, _clean_text(value))
    warnings = _save(permit, quota_needed=permit.issued_on.year != year_before)
    changed = audit.changed_fields(before, permit)
    if changed:
        audit.record(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=permit,
            fields=changed,
            label=permit.permit_number,
        )
    return Saved(permit, warnings)


# --- reading the register -------------------------------------------------------------------


def permit_register(user):
    """Every permit, for those who keep the register; PermissionDenied for anyone else (a
    manager reads forms T-2 and 3-T instead)."""
    if not may(user, REGISTER_PERMISSION):
        raise PermissionDenied
    return WorkPermit.objects.select_related("citizenship", "occupation", "work_district")


def search_permits(permits, text):
    """The ``permits`` whose name, permit number or employer holds every word of ``text`` in
    any spelling: Tajik and Russian letters and Latin transliteration are folded alike, so
    "хасанов" and "Hasanov" find "Ҳасанов".

    The folding happens in Python over the few text columns of the permits already narrowed by
    the other filters (a register of tens of thousands), then one query fetches the matches."""
    terms = words(text)
    if not terms:
        return permits
    rows = permits.order_by().values_list(
        "pk", "surname", "given_name", "permit_number", "employer"
    )
    matches = []
    for pk, *texts in rows:
        folded = fold(" ".join(texts))
        if all(term in folded for term in terms):
            matches.append(pk)
    return permits.filter(pk__in=matches)


def valid_on(day):
    """The condition of a permit valid on ``day``."""
    return Q(valid_from__lte=day, valid_until__gte=day)
