"""Writing a checked import plan: everything in one transaction, each change in the audit log."""

from django.db import transaction

from rohnamo.core import audit
from rohnamo.core.choices import AuditAction
from rohnamo.directory.models import ServiceAtLocation

_RELATIONS = ("categories", "languages")


@transaction.atomic
def save_plan(plan, *, actor, publish, report, progress=None):
    """Create or update every record of ``plan``; organisations new to the directory are shown on
    the public site only when ``publish`` is set."""
    for group in (plan.terms, plan.organizations, plan.locations, plan.services, plan.phones):
        if not group:
            continue
        model = next(iter(group.values())).model
        stored = model.objects.in_bulk([entry.id for entry in group.values()])
        for entry in group.values():
            defaults = {"is_public": publish} if model._meta.model_name == "organization" else {}
            _save_entry(entry, stored.get(entry.id), defaults, actor=actor, report=report)
            if progress is not None:
                progress.advance()


def _save_entry(entry, obj, defaults, *, actor, report):
    created = obj is None
    if created:
        obj = entry.model(pk=entry.id, **defaults)
    before = audit.snapshot(obj)
    for name, value in entry.fields.items():
        setattr(obj, name, value)
    changed = audit.changed_fields(before, obj)
    if created:
        obj.save(force_insert=True)
    elif changed:
        obj.save()
    changed += _save_links(entry, obj)
    outcome = "created" if created else "updated" if changed else "unchanged"
    report.count(entry.model._meta.model_name, outcome)
    if outcome != "unchanged":
        audit.record(
            actor=actor,
            action=AuditAction.CREATE if created else AuditAction.UPDATE,
            obj=obj,
            fields=changed,
        )


def _save_links(entry, obj):
    """Set the many-to-many parts the file gave; the names of those that changed."""
    changed = []
    for name in _RELATIONS:
        if name in entry.links:
            wanted = set(entry.links[name])
            manager = getattr(obj, name)
            if set(manager.values_list("pk", flat=True)) != wanted:
                manager.set(wanted)
                changed.append(name)
    if "locations" in entry.links and _save_service_locations(obj, entry.links["locations"]):
        changed.append("locations")
    return changed


def _save_service_locations(service, links):
    """Make the service's places exactly ``links`` [(service_at_location id, location id)]."""
    current = {link.location_id: link for link in ServiceAtLocation.objects.filter(service=service)}
    wanted = {location_id: link_id for link_id, location_id in links}
    stale = [link.pk for location, link in current.items() if location not in wanted]
    ServiceAtLocation.objects.filter(pk__in=stale).delete()
    added = [
        ServiceAtLocation(pk=link_id, service=service, location_id=location_id)
        for location_id, link_id in wanted.items()
        if location_id not in current
    ]
    ServiceAtLocation.objects.bulk_create(added)
    return bool(stale or added)
