"""Referrals close the loop: a case goes to a directory service with the client's consent, the
organisation accepts or declines with a reason, then records whether the service was given."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rohnamo.cases.choices import (
    REFERRAL_ANSWERS,
    TRANSITIONS,
    CaseStatus,
    EntryKind,
    ReferralStatus,
)
from rohnamo.cases.models import Case, Referral
from rohnamo.cases.queries import referrals_to_answer
from rohnamo.cases.services.cases import _entry, change_status
from rohnamo.core import audit
from rohnamo.core.choices import AuditAction
from rohnamo.directory.choices import ServiceStatus


@transaction.atomic
def refer_case(
    *, actor, case, service, consent_given, consent_note="", message="", public_message=None
):
    """Send ``case`` to ``service``. Without the client's consent nothing is sent.

    The case moves to "referred" when its workflow allows it.
    """
    if not consent_given:
        raise ValidationError(
            {"consent_given": _("A case is referred only with the client's consent.")}
        )
    if service.status != ServiceStatus.ACTIVE:
        raise ValidationError({"service": _("This service is not active.")})
    referral = Referral.objects.create(
        case=case,
        service=service,
        organization=service.organization,
        consent_given=True,
        consent_note=consent_note.strip(),
        message=message.strip(),
        sent_by=actor,
    )
    audit.record(actor=actor, action=AuditAction.CREATE, obj=referral, office=case.office)
    _entry(case, actor=actor, kind=EntryKind.REFERRAL, text=str(service.organization))
    case = Case.objects.get(pk=case.pk)
    if CaseStatus.REFERRED in TRANSITIONS[case.status]:
        change_status(
            actor=actor,
            case=case,
            status=CaseStatus.REFERRED,
            reason=_("Referred to %(organization)s") % {"organization": service.organization},
            public_message=public_message,
        )
    return referral


def _answer(*, actor, referral, status, note):
    referral = (
        referrals_to_answer(actor).select_for_update(of=("self",)).filter(pk=referral.pk).first()
    )
    if referral is None:
        raise ValidationError(_("This referral was not sent to your organisation."))
    if status not in REFERRAL_ANSWERS.get(referral.status, set()):
        raise ValidationError(
            _("A referral that is “%(current)s” cannot become “%(new)s”.")
            % {"current": referral.get_status_display(), "new": ReferralStatus(status).label}
        )
    if status in (ReferralStatus.DECLINED, ReferralStatus.NOT_PROVIDED) and not note.strip():
        raise ValidationError({"note": _("Give the reason.")})
    referral.status = status
    referral.answer_note = note.strip()
    referral.answered_by = actor
    now = timezone.now()
    if status in (ReferralStatus.ACCEPTED, ReferralStatus.DECLINED):
        referral.answered_at = now
    else:
        referral.outcome_at = now
    referral.save()
    audit.record(
        actor=actor, action=AuditAction.UPDATE, obj=referral, fields=["status"],
        office=referral.case.office,
    )  # fmt: skip
    summary = f"{referral.organization}: {referral.get_status_display()}. {referral.answer_note}"
    _entry(referral.case, actor=actor, kind=EntryKind.REFERRAL, text=summary.strip())
    return referral


@transaction.atomic
def answer_referral(*, actor, referral, accept, note=""):
    """The organisation accepts the referral, or declines it with a reason."""
    status = ReferralStatus.ACCEPTED if accept else ReferralStatus.DECLINED
    return _answer(actor=actor, referral=referral, status=status, note=note)


@transaction.atomic
def record_outcome(*, actor, referral, provided, note=""):
    """After accepting: whether the service was provided (a reason when it was not)."""
    status = ReferralStatus.PROVIDED if provided else ReferralStatus.NOT_PROVIDED
    return _answer(actor=actor, referral=referral, status=status, note=note)
