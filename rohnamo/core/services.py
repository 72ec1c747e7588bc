"""Writes to core records. Each call is one transaction with its audit entry inside it."""

from django.db import transaction
from rest_framework.authtoken.models import Token

from rohnamo.core import audit
from rohnamo.core.choices import AuditAction
from rohnamo.core.models import Office

OFFICE_CONTACT_FIELDS = (
    "address_tg",
    "address_ru",
    "address_en",
    "hours_tg",
    "hours_ru",
    "hours_en",
    "phone",
    "hotline",
    "email",
)


@transaction.atomic
def save_record(*, actor, obj, fields=()):
    """Save ``obj`` (new or changed) and log which ``fields`` changed."""
    created = obj._state.adding
    obj.save()
    audit.record(
        actor=actor,
        action=AuditAction.CREATE if created else AuditAction.UPDATE,
        obj=obj,
        fields=fields,
    )
    return obj


@transaction.atomic
def delete_record(*, actor, obj):
    """Delete ``obj``, logging the deletion first so the entry can still name it."""
    audit.record(actor=actor, action=AuditAction.DELETE, obj=obj)
    obj.delete()


@transaction.atomic
def update_office_contacts(*, actor, office, **changes):
    """Change an office's public contact details (address, hours, phones, email)."""
    unknown = set(changes) - set(OFFICE_CONTACT_FIELDS)
    if unknown:
        raise ValueError(f"Not contact fields: {sorted(unknown)}")
    # Work on the stored row, locked: the caller's instance may already carry the new values
    # (a bound ModelForm writes them onto its instance while validating).
    office = Office.objects.select_for_update().get(pk=office.pk)
    before = audit.snapshot(office)
    for name, value in changes.items():
        setattr(office, name, value)
    office.full_clean()
    changed = audit.changed_fields(before, office)
    if changed:
        office.save(update_fields=changed)
        audit.record(actor=actor, action=AuditAction.UPDATE, obj=office, fields=changed)
    return office


@transaction.atomic
def anonymise_user(*, actor, user):
    """Remove a former staff member's personal data while keeping their records' history.

    The account is deactivated and can no longer log in; names, e-mail, phone and API tokens go.
    Audit entries keep the old user name, because who did what must stay accountable.
    """
    if user.pk == actor.pk:
        raise ValueError("People cannot anonymise their own account.")
    user.username = f"former-{user.pk}"
    user.first_name = user.last_name = user.email = user.phone = ""
    user.is_active = user.is_staff = user.is_superuser = False
    user.set_unusable_password()
    user.save()
    Token.objects.filter(user=user).delete()
    audit.record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=user,
        fields=["username", "first_name", "last_name", "email", "phone", "password", "is_active"],
    )
    return user
