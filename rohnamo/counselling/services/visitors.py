"""Recording visitors, merging duplicates and removing their personal data.

Each function takes the acting user, runs in one transaction and writes its audit entry in it.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rohnamo.core import audit
from rohnamo.core.choices import AuditAction
from rohnamo.counselling.ages import age_group_for
from rohnamo.counselling.models import Consultation, Response, Visitor
from rohnamo.counselling.services.offices import check_can_write
from rohnamo.lib.phones import phone_digits
from rohnamo.lib.search_text import fold

# Fields a later record may fill on the visitor kept in a merge when it has none.
MERGED_FIELDS = ("name", "sex", "birth_year", "age_group", "district", "phone", "stage")


def _prepare(visitor):
    """Derived fields and the rules that need more than one field, before full_clean."""
    visitor.name = visitor.name.strip()
    visitor.phone = visitor.phone.strip()
    visitor.name_folded = fold(visitor.name)
    visitor.phone_digits = phone_digits(visitor.phone)
    today = timezone.localdate()
    if visitor.birth_year is not None:
        if not 1900 <= visitor.birth_year <= today.year:
            raise ValidationError(
                {"birth_year": _("Enter a year between 1900 and %(year)d.") % {"year": today.year}}
            )
        visitor.age_group = age_group_for(visitor.birth_year, on=today)
    if (visitor.name or visitor.phone) and not visitor.consent_given:
        raise ValidationError(
            {
                "consent_given": _(
                    "A name or phone number can only be kept with the visitor's consent."
                )
            }
        )
    visitor.full_clean()


@transaction.atomic
def record_visitor(*, actor, office, consent_given=False, **fields):
    """A new visitor of ``office``; anonymous when neither name nor phone is given."""
    check_can_write(actor, office)
    visitor = Visitor(office=office, created_by=actor, consent_given=consent_given, **fields)
    if consent_given:
        visitor.consent_recorded_at, visitor.consent_recorded_by = timezone.now(), actor
    _prepare(visitor)
    visitor.save()
    audit.record(actor=actor, action=AuditAction.CREATE, obj=visitor)
    return visitor


@transaction.atomic
def update_visitor(*, actor, visitor, **changes):
    """Change a visitor's details; giving consent now records who took it and when."""
    visitor = Visitor.objects.select_for_update().get(pk=visitor.pk)
    before = audit.snapshot(visitor)
    for name, value in changes.items():
        setattr(visitor, name, value)
    if visitor.consent_given and not before["consent_given"]:
        visitor.consent_recorded_at, visitor.consent_recorded_by = timezone.now(), actor
    _prepare(visitor)
    changed = audit.changed_fields(before, visitor)
    if changed:
        visitor.save()
        audit.record(actor=actor, action=AuditAction.UPDATE, obj=visitor, fields=changed)
    return visitor


@transaction.atomic
def merge_visitors(*, actor, keep, duplicate):
    """Make ``duplicate`` part of ``keep``: its consultations and responses move over, details
    ``keep`` lacks are taken from it, and it stays only as a pointer to ``keep``."""
    if keep.pk == duplicate.pk:
        raise ValidationError(_("A visitor cannot be merged with itself."))
    keep, duplicate = (
        Visitor.objects.select_for_update().get(pk=visitor.pk) for visitor in (keep, duplicate)
    )
    if keep.merged_into_id or duplicate.merged_into_id:
        raise ValidationError(_("One of these visitors has already been merged."))
    before = audit.snapshot(keep)
    for name in MERGED_FIELDS:
        if getattr(keep, name) in ("", None) and getattr(duplicate, name) not in ("", None):
            setattr(keep, name, getattr(duplicate, name))
    if duplicate.consent_given and not keep.consent_given:
        keep.consent_given = True
        keep.consent_recorded_at = duplicate.consent_recorded_at
        keep.consent_recorded_by_id = duplicate.consent_recorded_by_id
    _prepare(keep)
    keep.save()
    Consultation.objects.filter(visitor=duplicate).update(visitor=keep)
    Response.objects.filter(visitor=duplicate).update(visitor=keep)
    duplicate.merged_into = keep
    duplicate.save(update_fields=["merged_into", "updated_at"])
    audit.record(
        actor=actor,
        action=AuditAction.MERGE,
        obj=keep,
        fields=audit.changed_fields(before, keep),
        label=_("kept visitor %(number)s") % {"number": keep.pk},
    )
    audit.record(
        actor=actor,
        action=AuditAction.MERGE,
        obj=duplicate,
        fields=["merged_into"],
        label=_("merged into visitor %(number)s") % {"number": keep.pk},
    )
    return keep


@transaction.atomic
def anonymise_visitor(*, actor, visitor):
    """Remove what identifies a visitor (name, phone, year of birth), keeping the counts."""
    visitor = Visitor.objects.select_for_update().get(pk=visitor.pk)
    before = audit.snapshot(visitor)
    visitor.name = visitor.phone = ""
    visitor.birth_year = None
    visitor.consent_given = False
    visitor.anonymised_at = timezone.now()
    _prepare(visitor)
    visitor.save()
    audit.record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=visitor,
        fields=audit.changed_fields(before, visitor),
    )
    return visitor
