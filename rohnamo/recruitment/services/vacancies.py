"""Vacancies: recorded as drafts, verified by a licensing officer, then public until they close
or their agency's licence stops being active."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rohnamo.core import audit
from rohnamo.core.choices import AuditAction
from rohnamo.recruitment.choices import VacancyStatus
from rohnamo.recruitment.models import FeeLimit, Vacancy
from rohnamo.recruitment.queries import agency_is_licensed

VERIFY_PERMISSION = "recruitment.verify_vacancy"


def fee_limit(today=None):
    today = today or timezone.localdate()
    return FeeLimit.objects.filter(valid_from__lte=today).first()


def vacancy_problems(vacancy, today=None):
    """The reasons ``vacancy`` cannot be published, keyed by field (empty when it can)."""
    today = today or timezone.localdate()
    problems = {}
    if not agency_is_licensed(vacancy.agency, today):
        problems["agency"] = _("The agency holds no active licence.")
    if vacancy.closes_on < today:
        problems["closes_on"] = _("The closing date has passed.")
    limit = fee_limit(today)
    if vacancy.worker_fee and (
        limit is None or vacancy.fee_currency != limit.currency or vacancy.worker_fee > limit.amount
    ):
        problems["worker_fee"] = (
            _("The fee is above the legal limit of %(amount)s %(currency)s.")
            % {"amount": limit.amount, "currency": limit.currency}
            if limit
            else _("No legal fee limit is set, so the worker may not be charged.")
        )
    return problems


@transaction.atomic
def record_vacancy(*, actor, **fields):
    """A vacancy waiting for verification. Refused when it could never be published."""
    vacancy = Vacancy(created_by=actor, status=VacancyStatus.DRAFT, **fields)
    vacancy.full_clean(exclude=["import_key"])
    problems = vacancy_problems(vacancy)
    if problems:
        raise ValidationError(problems)
    vacancy.save()
    audit.record(actor=actor, action=AuditAction.CREATE, obj=vacancy)
    return vacancy


@transaction.atomic
def verify_vacancy(*, actor, vacancy, publish=True, reason=""):
    """A licensing officer publishes a checked vacancy, or rejects it with a reason."""
    if not actor.has_perm(VERIFY_PERMISSION):
        raise ValidationError(_("Only a licensing officer verifies vacancies."))
    vacancy = Vacancy.objects.select_for_update().select_related("agency").get(pk=vacancy.pk)
    if publish:
        problems = vacancy_problems(vacancy)
        if problems:
            raise ValidationError(problems)
        vacancy.status = VacancyStatus.PUBLISHED
    else:
        if not reason.strip():
            raise ValidationError({"reason": _("Give the reason.")})
        vacancy.status = VacancyStatus.REJECTED
    vacancy.status_reason = reason.strip()
    vacancy.verified_by, vacancy.verified_at = actor, timezone.now()
    vacancy.save()
    audit.record(actor=actor, action=AuditAction.UPDATE, obj=vacancy, fields=["status"])
    return vacancy


@transaction.atomic
def close_finished_vacancies(*, today=None):
    """Mark published vacancies whose closing date passed, or whose agency lost its licence, as
    closed. The public search already hides them; this keeps the register's own lists true."""
    from rohnamo.recruitment.queries import public_vacancies

    today = today or timezone.localdate()
    still_public = public_vacancies(today).values("pk")
    finished = Vacancy.objects.filter(status=VacancyStatus.PUBLISHED).exclude(pk__in=still_public)
    count = 0
    for vacancy in finished.select_for_update():
        vacancy.status = VacancyStatus.CLOSED
        vacancy.status_reason = _("Closed automatically: closing date passed or licence inactive.")
        vacancy.save(update_fields=["status", "status_reason", "updated_at"])
        audit.record(actor=None, action=AuditAction.UPDATE, obj=vacancy, fields=["status"])
        count += 1
    return count
