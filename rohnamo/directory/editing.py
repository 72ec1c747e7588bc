"""Changing the directory by hand: organisations, their services, places and phones.

Each function checks the actor's permission, validates, saves and writes the audit entry in one
transaction, and raises ValidationError (keyed by field) for input it refuses.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from rohnamo.core import audit
from rohnamo.core.choices import AuditAction, OfficeKind
from rohnamo.directory.models import Location, Organization, Phone, Service

TAJIKISTAN = "TJ"


def _require(actor, permission):
    if not actor.has_perm(permission):
        raise PermissionDenied


def _save(actor, obj, fields, links=None):
    """Apply ``fields`` (and many-to-many ``links``) to ``obj``, save it and audit the change."""
    created = obj._state.adding
    before = audit.snapshot(obj)
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.full_clean()
    changed = audit.changed_fields(before, obj)
    if created or changed:
        obj.save()
    for name, values in (links or {}).items():
        manager = getattr(obj, name)
        wanted = {value.pk for value in values}
        if created or set(manager.values_list("pk", flat=True)) != wanted:
            manager.set(wanted)
            changed.append(name)
    if created or changed:
        audit.record(
            actor=actor,
            action=AuditAction.CREATE if created else AuditAction.UPDATE,
            obj=obj,
            fields=changed,
        )
    return obj


@transaction.atomic
def save_organization(*, actor, organization=None, **fields):
    """Create an organisation (``organization`` None) or change one. ``office`` links it to the
    partner office whose staff answer its referrals."""
    _require(
        actor, "directory.change_organization" if organization else "directory.add_organization"
    )
    office = fields.get("office")
    if office is not None and office.kind != OfficeKind.PARTNER:
        raise ValidationError({"office": _("Only a partner organisation's office can be linked.")})
    return _save(actor, organization or Organization(), fields)


@transaction.atomic
def save_service(
    *, actor, organization, service=None, categories=(), languages=(), locations=(), **fields
):
    """Create a service of ``organization`` or change ``service``; ``locations`` must be places
    of the same organisation."""
    _require(actor, "directory.change_service" if service else "directory.add_service")
    if service is not None and service.organization_id != organization.pk:
        raise ValidationError(_("This service belongs to another organisation."))
    strangers = [place for place in locations if place.organization_id != organization.pk]
    if strangers:
        raise ValidationError({"locations": _("Choose places of this organisation only.")})
    fields["organization"] = organization
    links = {"categories": categories, "languages": languages, "locations": locations}
    return _save(actor, service or Service(), fields, links)


def _check_place(country, district, city):
    errors = {}
    if country is not None and country.code == TAJIKISTAN:
        if district is None:
            errors["district"] = _("Choose the district or city in Tajikistan.")
    elif district is not None:
        errors["district"] = _("A district of Tajikistan cannot be in another country.")
    elif not city:
        errors["city"] = _("Give the city abroad.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def save_location(*, actor, organization, location=None, **fields):
    """Create a place of ``organization`` or change ``location``: a district in Tajikistan, a
    city abroad."""
    _require(actor, "directory.change_location" if location else "directory.add_location")
    if location is not None and location.organization_id not in (None, organization.pk):
        raise ValidationError(_("This place belongs to another organisation."))
    _check_place(fields.get("country"), fields.get("district"), fields.get("city", ""))
    fields["organization"] = organization
    return _save(actor, location or Location(), fields)


def _owner_fields(organization, owner):
    """The phone's links for ``owner``: the organisation itself, or one of its services or
    places."""
    if owner == organization:
        return {"organization": organization, "service": None, "location": None}
    if getattr(owner, "organization_id", None) != organization.pk:
        raise ValidationError({"owner": _("Choose this organisation, its service or its place.")})
    if isinstance(owner, Service):
        return {"organization": None, "service": owner, "location": None}
    return {"organization": None, "service": None, "location": owner}


@transaction.atomic
def save_phone(*, actor, organization, owner, phone=None, **fields):
    """Add a phone or messenger to ``owner`` (the organisation, one of its services or places),
    or change ``phone``. Phones are part of the organisation's contact details."""
    _require(actor, "directory.change_organization")
    fields.update(_owner_fields(organization, owner))
    return _save(actor, phone or Phone(), fields)


@transaction.atomic
def delete_phone(*, actor, phone):
    _require(actor, "directory.change_organization")
    audit.record(actor=actor, action=AuditAction.DELETE, obj=phone, label=phone.number)
    phone.delete()


def phone_organization(phone):
    """The organisation a phone is part of, whichever record it hangs on."""
    if phone.organization_id:
        return phone.organization
    return (phone.service or phone.location).organization
