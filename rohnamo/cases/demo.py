"""Demo cases: a public request from Kulob referred to the demo partner NGO, a trafficking case
(restricted) in Khujand, an overdue one and a closed one, so the worklist shows every colour.

Invented people and events. Loading twice adds nothing.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from rohnamo.cases.choices import CaseKind
from rohnamo.cases.models import Case
from rohnamo.cases.services import cases as services
from rohnamo.cases.services.referrals import answer_referral, refer_case
from rohnamo.core.models import Country, District, Office
from rohnamo.directory.models import Service


@transaction.atomic
def load_demo_cases(users):
    if Case.objects.exists():
        return
    admin, counsellor, partner = users["admin"], users["counsellor"], users["partner"]
    russia = Country.objects.get(code="RU")
    request, _pin = services.open_case_from_public(
        kind=CaseKind.REQUEST,
        category="wages",
        district=District.objects.get(code="khatlon-kulob"),
        narrative="Шавҳарам се моҳ боз дар Екатеринбург музд нагирифтааст. (намоишӣ)",
        contact_name="Мадина (намоишӣ)",
        contact_phone="+992 00 000 00 00",
        on_behalf_of="Шавҳари ман (намоишӣ)",
        relationship="зан",
        country=russia,
        city="Екатеринбург",
    )
    request = services.change_status(
        actor=admin, case=request, status="assessed", reason="Бо оила гап задем (намоишӣ)"
    )
    service = Service.objects.filter(organization__office__code="ngo-huquq").first()
    if service is not None:
        referral = refer_case(
            actor=admin,
            case=request,
            service=service,
            consent_given=True,
            consent_note="Бо телефон (намоишӣ)",
            message="Музди се моҳ пардохт нашудааст. (намоишӣ)",
            public_message="Ба ташкилоти ёрии ҳуқуқӣ дар Екатеринбург фиристода шуд.",
        )
        answer_referral(actor=partner, referral=referral, accept=True)
    khujand = Office.objects.get(code="khujand")
    services.open_case(
        actor=counsellor,
        office=khujand,
        kind=CaseKind.REQUEST,
        category="trafficking",
        narrative="Ҳуҷҷатҳояшро гирифтаанд, ба кор маҷбур мекунанд. (намоишӣ)",
        country=russia,
        city="Москва",
    )
    late = services.open_case(
        actor=counsellor,
        office=khujand,
        kind=CaseKind.COMPLAINT,
        category="recruitment",
        narrative="Агентӣ пул гирифт ва кор наёфт. (намоишӣ)",
    )
    Case.objects.filter(pk=late.pk).update(
        first_response_due=timezone.now() - datetime.timedelta(days=2)
    )
    done = services.open_case(
        actor=counsellor,
        office=khujand,
        kind=CaseKind.REQUEST,
        category="documents",
        narrative="Шиносномаашро гум кард. (намоишӣ)",
        country=russia,
        city="Новосибирск",
    )
    for status in ("in_progress", "resolved", "closed"):
        done = services.change_status(
            actor=counsellor, case=done, status=status, reason="(намоишӣ)"
        )
