"""Demo counselling work: fifteen months of consultations in every office, visitors (two of them
the same person, to show the duplicate suggestion), and outreach events.

Generated with a fixed seed so every demo shows the same figures. Loading twice adds nothing.
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from rohnamo.core.models import Country, Language, Office
from rohnamo.counselling.choices import AgeGroup, Channel, EventKind, Sex, VisitorStage
from rohnamo.counselling.models import Consultation
from rohnamo.counselling.services.consultations import record_consultation
from rohnamo.counselling.services.events import record_event
from rohnamo.counselling.services.visitors import record_visitor
from rohnamo.knowledge.models import Sheet, Topic

MONTHS = 15
PER_MONTH = 6
# Most Tajik migrants go to Russia, then Kazakhstan; a few elsewhere.
DESTINATIONS = ["RU"] * 8 + ["KZ"] * 3 + ["TR", "AE", "KR"]


def _actor_for(office, users):
    """The demo counsellor writes for Khujand, the partner for its NGO, the admin elsewhere."""
    if office.code == "khujand":
        return users["counsellor"]
    if office.code == "ngo-huquq":
        return users["partner"]
    return users["admin"]


def _moments(rng, today):
    for months_ago in range(MONTHS - 1, -1, -1):
        index = today.year * 12 + today.month - 1 - months_ago
        year, month = divmod(index, 12)
        for _n in range(PER_MONTH):
            day = datetime.date(year, month + 1, rng.randint(1, 28))
            if day <= today - datetime.timedelta(days=1):
                yield timezone.make_aware(
                    datetime.datetime.combine(day, datetime.time(rng.randint(8, 16), 0))
                )


@transaction.atomic
def load_demo_counselling(users):
    if Consultation.objects.exists():
        return
    rng = random.Random(2026)
    today = timezone.localdate()
    topics = list(Topic.objects.all())
    countries = {country.code: country for country in Country.objects.filter(code__in=DESTINATIONS)}
    sheets = list(Sheet.objects.all()[:6])
    tajik = Language.objects.get(code="tg")
    for office in Office.objects.filter(is_active=True).order_by("code"):
        actor = _actor_for(office, users)
        for started_at in _moments(rng, today):
            record_consultation(
                actor=actor,
                office=office,
                channel=rng.choice(Channel.values),
                started_at=started_at,
                topics=rng.sample(topics, rng.randint(1, 3)),
                sheets=rng.sample(sheets, rng.randint(0, 1)) if sheets else [],
                destination=countries.get(rng.choice(DESTINATIONS)),
                sex=rng.choice(Sex.values + [""]),
                age_group=rng.choice(AgeGroup.values),
                stage=rng.choice(VisitorStage.values),
                language=tajik,
                duration_minutes=rng.randint(5, 30),
            )
        female = rng.randint(10, 30)
        record_event(
            actor=actor,
            office=office,
            kind=rng.choice(EventKind.values),
            title=f"Ҷаласаи иттилоотӣ – {office.name_tg}",
            date=today - datetime.timedelta(days=rng.randint(1, 80)),
            participants_female=female,
            participants_male=40 - female,
            place="Ҷамоат",
            materials=[(sheets[0], tajik, 40)] if sheets else [],
        )
    khujand = Office.objects.get(code="khujand")
    for name, phone in [
        ("Ҷамила Раҳимова", "+992 92 700 00 01"),
        ("Джамила Рахимова", "927000001"),
    ]:
        record_visitor(
            actor=users["counsellor"],
            office=khujand,
            name=name,
            phone=phone,
            consent_given=True,
            sex=Sex.FEMALE,
            birth_year=1994,
            stage=VisitorStage.INTENDING,
        )
