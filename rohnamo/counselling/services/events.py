"""Recording outreach events with their participants and the leaflets handed out."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rohnamo.core import audit
from rohnamo.core.choices import AuditAction
from rohnamo.counselling.choices import EventKind
from rohnamo.counselling.models import EventMaterial, OutreachEvent
from rohnamo.counselling.services.offices import check_can_write
from rohnamo.knowledge.choices import DistributionKind, PlaceType
from rohnamo.knowledge.services import record_distribution

_PLACE_OF_KIND = {
    EventKind.MOBILE_TRIP: PlaceType.MOBILE,
    EventKind.SCHOOL_LECTURE: PlaceType.SCHOOL,
}


def _check_participants(female, male, total):
    if total is None:
        return female + male
    if female + male != total:
        raise ValidationError(
            {
                "participants_total": _(
                    "The participants do not add up: %(female)d women and %(male)d men "
                    "make %(sum)d, not %(total)d."
                )
                % {"female": female, "male": male, "sum": female + male, "total": total}
            }
        )
    return total


@transaction.atomic
def record_event(
    *,
    actor,
    office,
    date,
    participants_female=0,
    participants_male=0,
    participants_total=None,
    materials=(),
    **fields,
):
    """Record an event ``office`` held. ``materials`` is ``[(sheet, language, copies)]``; each
    is also written to the leaflet distribution log."""
    check_can_write(actor, office)
    if date > timezone.localdate():
        raise ValidationError({"date": _("An event cannot be recorded before it happens.")})
    total = _check_participants(participants_female, participants_male, participants_total)
    event = OutreachEvent(
        office=office,
        created_by=actor,
        date=date,
        participants_female=participants_female,
        participants_male=participants_male,
        participants_total=total,
        **fields,
    )
    event.full_clean()
    event.save()
    for sheet, language, copies in materials:
        material = EventMaterial(event=event, sheet=sheet, language=language, quantity=copies)
        material.full_clean()
        material.save()
        record_distribution(
            actor=actor,
            office=office,
            sheets=[sheet],
            language=language,
            kind=DistributionKind.DISTRIBUTED,
            quantity=copies,
            date=date,
            place_type=_PLACE_OF_KIND.get(event.kind, ""),
            district=event.district,
            note=event.title[:200],
        )
    audit.record(actor=actor, action=AuditAction.CREATE, obj=event)
    return event
