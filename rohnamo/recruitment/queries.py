"""Reading the register: licence status now, public vacancies, an agency's plain-language status.

Vacancies are public only while verified, open and backed by an active, unexpired licence; the
rule is applied when reading, so a suspension hides them at the moment it is recorded.
"""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.utils import timezone

from rohnamo.recruitment.choices import LicenceStatus, VacancyStatus
from rohnamo.recruitment.models import Licence, Vacancy


def active_licences(today=None):
    today = today or timezone.localdate()
    return Licence.objects.filter(
        status=LicenceStatus.ACTIVE, issued_on__lte=today, expires_on__gte=today
    )


def current_licence(agency, today=None):
    """The licence that speaks for the agency today: the active one, else the most recent."""
    today = today or timezone.localdate()
    licences = list(agency.licences.all())
    active = [
        licence
        for licence in licences
        if licence.status == LicenceStatus.ACTIVE
        and licence.issued_on <= today <= licence.expires_on
    ]
    if active:
        return active[0]
    started = [licence for licence in licences if licence.issued_on <= today]
    return max(started, key=lambda licence: licence.issued_on, default=None)


@dataclass(frozen=True)
class AgencyStatus:
    """What the public check says of an agency: a status code, the licence and since when."""

    code: str  # licensed, suspended, revoked, expired, unlicensed
    licence: Licence | None
    since: object = None
    reason: str = ""


def agency_status(agency, today=None):
    today = today or timezone.localdate()
    licence = current_licence(agency, today)
    if licence is None:
        return AgencyStatus("unlicensed", None)
    if licence.status == LicenceStatus.ACTIVE and licence.expires_on < today:
        return AgencyStatus("expired", licence, licence.expires_on)
    code = {LicenceStatus.ACTIVE: "licensed"}.get(licence.status, licence.status)
    return AgencyStatus(code, licence, licence.status_since, licence.status_reason)


def public_vacancies(today=None):
    today = today or timezone.localdate()
    licensed = active_licences(today).filter(agency=OuterRef("agency"))
    return (
        Vacancy.objects.filter(status=VacancyStatus.PUBLISHED, closes_on__gte=today)
        .filter(Exists(licensed))
        .select_related("agency", "country", "occupation")
    )


def agency_is_licensed(agency, today=None):
    return active_licences(today).filter(agency=agency).exists()
