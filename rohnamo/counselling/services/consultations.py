"""Recording consultations: one call, one transaction, one audit entry, leaflets logged."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rohnamo.core import audit
from rohnamo.core.choices import AuditAction
from rohnamo.core.models import Language
from rohnamo.counselling.ages import age_group_for
from rohnamo.counselling.choices import Channel
from rohnamo.counselling.models import Consultation
from rohnamo.counselling.services.offices import check_can_write
from rohnamo.knowledge.choices import DistributionKind, PlaceType
from rohnamo.knowledge.services import record_distribution

# A clock a few minutes fast on a phone must not make "now" a date in the future.
CLOCK_TOLERANCE = datetime.timedelta(minutes=5)

_PLACE_OF_CHANNEL = {Channel.IN_PERSON: PlaceType.OFFICE, Channel.MOBILE: PlaceType.MOBILE}


def _check_times(started_at, follow_up_on):
    if started_at > timezone.now() + CLOCK_TOLERANCE:
        raise ValidationError({"started_at": _("A consultation cannot be dated in the future.")})
    if follow_up_on and follow_up_on < timezone.localdate(started_at):
        raise ValidationError(
            {"follow_up_on": _("The follow-up date cannot be before the consultation.")}
        )


def _from_visitor(consultation, visitor):
    """Fill what the report counts from the visitor when the counsellor left it out."""
    consultation.sex = consultation.sex or visitor.sex
    consultation.stage = consultation.stage or visitor.stage
    if not consultation.age_group:
        consultation.age_group = visitor.age_group
        if visitor.birth_year:
            day = timezone.localdate(consultation.started_at)
            consultation.age_group = age_group_for(visitor.birth_year, on=day)


@transaction.atomic
def record_consultation(
    *, actor, office, channel, started_at=None, topics=(), sheets=(), visitor=None, **fields
):
    """Record one consultation given by ``actor`` at ``office``.

    ``fields`` are the other model fields (destination, sex, age_group, question, advice, ...).
    Sheets handed over are also written to the leaflet distribution log, one copy each.
    """
    check_can_write(actor, office)
    started_at = started_at or timezone.now()
    _check_times(started_at, fields.get("follow_up_on"))
    if visitor is not None and (visitor.merged_into_id or visitor.office_id != office.pk):
        raise ValidationError({"visitor": _("This visitor is not a visitor of this office.")})
    consultation = Consultation(
        office=office,
        created_by=actor,
        counsellor=actor,
        channel=channel,
        started_at=started_at,
        visitor=visitor,
        **fields,
    )
    if visitor is not None:
        _from_visitor(consultation, visitor)
    consultation.full_clean()
    consultation.save()
    consultation.topics.set(topics)
    consultation.sheets.set(sheets)
    if sheets:
        record_distribution(
            actor=actor,
            office=office,
            sheets=sheets,
            language=consultation.language or Language.objects.get(code="tg"),
            kind=DistributionKind.DISTRIBUTED,
            quantity=1,
            date=timezone.localdate(started_at),
            place_type=_PLACE_OF_CHANNEL.get(channel, ""),
            note=_("Consultation %(number)s") % {"number": consultation.pk},
        )
    audit.record(actor=actor, action=AuditAction.CREATE, obj=consultation)
    return consultation
