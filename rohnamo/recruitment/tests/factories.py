"""Agencies, licences and vacancies for tests, made through the services."""

import datetime

from django.utils import timezone

from rohnamo.core.models import Country
from rohnamo.recruitment.models import FeeLimit, Occupation
from rohnamo.recruitment.services.agencies import issue_licence, register_agency
from rohnamo.recruitment.services.vacancies import record_vacancy, verify_vacancy


def licensed_agency(officer, legal_name="ООО «Шарқ Кор»", *, number="LIC-001", other_names=()):
    """An agency holding a licence from a year ago until a year from now."""
    agency = register_agency(actor=officer, legal_name=legal_name, other_names=other_names)
    today = timezone.localdate()
    issue_licence(
        actor=officer,
        agency=agency,
        number=number,
        issued_on=today - datetime.timedelta(days=365),
        expires_on=today + datetime.timedelta(days=365),
    )
    return agency


def occupation(code="7112", title="Bricklayers and related workers"):
    """The ISCO-08 unit group ``code`` (loaded by migration; ``title`` only names codes that are
    not in the classification)."""
    return Occupation.objects.get_or_create(
        code=code, defaults={"title_en": title, "title_ru": title, "title_tg": title}
    )[0]


def set_fee_limit(amount, currency="TJS"):
    return FeeLimit.objects.create(
        amount=amount, currency=currency, valid_from=timezone.localdate() - datetime.timedelta(1)
    )


def published_vacancy(officer, agency, **fields):
    fields.setdefault("employer", "СтройМонтаж")
    fields.setdefault("country", Country.objects.get(code="RU"))
    fields.setdefault("city", "Ростов-на-Дону")
    fields.setdefault("occupation", occupation())
    fields.setdefault("title", "Каменщик")
    fields.setdefault("wage", 90000)
    fields.setdefault("currency", "RUB")
    fields.setdefault("contract_months", 12)
    fields.setdefault("closes_on", timezone.localdate() + datetime.timedelta(days=30))
    vacancy = record_vacancy(actor=officer, agency=agency, **fields)
    return verify_vacancy(actor=officer, vacancy=vacancy)
