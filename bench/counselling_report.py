"""Time the counselling report for a year with 200,000 consultations in one branch (issue #4:
under 1 s on PostgreSQL).

Usage, on PostgreSQL (production) and on SQLite (the demo):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rohnamo_bench_counselling \\
        .venv/bin/python bench/counselling_report.py
    .venv/bin/python bench/counselling_report.py [--consultations 200000] [--rounds 10]

It builds a throwaway test database (test_<name>, dropped afterwards) and fills it with bulk
inserts: the branch's year (2025) of consultations with topics, destinations, sex and age groups,
four other branches with a tenth as many each, the branch's previous year at a quarter, outreach
events and questionnaire responses. Then it requests the pages through the Django test client,
middleware, permission checks, templates and all: the branch report as the branch's counsellor,
the national report as the national manager, and the year-on-year comparison of each.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
import zoneinfo
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

YEAR = 2025
OTHER_BRANCHES = 4
DESTINATIONS = ["RU", "RU", "RU", "RU", "KZ", "KZ", "TR", "AE", "KR", "DE", None]
TOPICS_PER_CONSULTATION = [0, 1, 1, 1, 2, 2, 3]


def _moments(rng, year, count):
    """``count`` random moments of ``year`` during office hours in Dushanbe."""
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    first = datetime.datetime(year, 1, 1, 8, tzinfo=zone)
    days = (datetime.date(year + 1, 1, 1) - datetime.date(year, 1, 1)).days
    for _index in range(count):
        yield first + datetime.timedelta(days=rng.randrange(days), minutes=rng.randrange(10 * 60))


def _consultations(rng, office, counsellor, year, count, countries, topics):
    from rohnamo.counselling.choices import AgeGroup, Channel, Sex, VisitorStage
    from rohnamo.counselling.models import Consultation

    Through = Consultation.topics.through
    sexes = [*Sex.values, ""]
    ages = [*AgeGroup.values, ""]
    batch = []
    for started_at in _moments(rng, year, count):
        batch.append(
            Consultation(
                office=office,
                counsellor=counsellor,
                created_by=counsellor,
                channel=rng.choice(Channel.values),
                started_at=started_at,
                destination=countries[rng.choice(DESTINATIONS)],
                sex=rng.choice(sexes),
                age_group=rng.choice(ages),
                stage=rng.choice(VisitorStage.values),
            )
        )
        if len(batch) == 5000:
            _save(rng, batch, topics, Through)
            batch = []
    _save(rng, batch, topics, Through)


def _save(rng, batch, topics, through):
    from rohnamo.counselling.models import Consultation

    saved = Consultation.objects.bulk_create(batch)
    links = [
        through(consultation_id=consultation.pk, topic_id=topic.pk)
        for consultation in saved
        for topic in rng.sample(topics, rng.choice(TOPICS_PER_CONSULTATION))
    ]
    through.objects.bulk_create(links, batch_size=10000)


def _events_and_responses(rng, office, user, count):
    from rohnamo.counselling.choices import EventKind
    from rohnamo.counselling.models import OutreachEvent, QuestionnaireVersion, Response

    events = []
    for _index in range(count):
        female, male = rng.randrange(60), rng.randrange(60)
        events.append(
            OutreachEvent(
                office=office,
                created_by=user,
                kind=rng.choice(EventKind.values),
                title="Вохӯрӣ",
                date=datetime.date(YEAR, 1, 1) + datetime.timedelta(days=rng.randrange(365)),
                participants_female=female,
                participants_male=male,
                participants_total=female + male,
            )
        )
    OutreachEvent.objects.bulk_create(events, batch_size=5000)
    versions = list(QuestionnaireVersion.objects.all())
    Response.objects.bulk_create(
        (
            Response(
                office=office,
                created_by=user,
                version=rng.choice(versions),
                answered_on=datetime.date(YEAR, 1, 1) + datetime.timedelta(days=rng.randrange(365)),
            )
            for _index in range(count * 5)
        ),
        batch_size=5000,
    )


def fill(count, rng):
    """The data; returns the branch counsellor and the national manager."""
    from django.contrib.auth.models import Group

    from rohnamo.core.choices import OfficeKind, Role
    from rohnamo.core.models import Country, Membership, Office, User
    from rohnamo.counselling.models import Questionnaire, QuestionnaireVersion
    from rohnamo.knowledge.models import Topic

    def office(code, kind, parent=None):
        return Office.objects.create(
            code=code, kind=kind, parent=parent, name_tg=code.title(), name_en=code.title()
        )

    def person(username, role, office):
        user = User.objects.create(username=username)
        user.groups.add(Group.objects.get(name=role))
        Membership.objects.create(user=user, office=office)
        return user

    centre = office("dushanbe", OfficeKind.CENTRE)
    branch = office("khujand", OfficeKind.BRANCH, centre)
    others = [office(f"branch-{n}", OfficeKind.BRANCH, centre) for n in range(OTHER_BRANCHES)]
    counsellor = person("bench-counsellor", Role.COUNSELLOR, branch)
    manager = person("bench-manager", Role.MANAGER, centre)

    for number, title in enumerate(["Ниёзҳои муҳоҷир", "Пас аз бозгашт"], start=1):
        questionnaire = Questionnaire.objects.create(code=f"q{number}")
        QuestionnaireVersion.objects.create(
            questionnaire=questionnaire, number=1, title_tg=title, status="published"
        )
    countries = {None: None} | {
        country.code: country
        for country in Country.objects.filter(code__in=[c for c in DESTINATIONS if c])
    }
    topics = list(Topic.objects.all())

    _consultations(rng, branch, counsellor, YEAR, count, countries, topics)
    _consultations(rng, branch, counsellor, YEAR - 1, count // 4, countries, topics)
    _events_and_responses(rng, branch, counsellor, 1000)
    for other in others:
        colleague = person(f"bench-{other.code}", Role.COUNSELLOR, other)
        _consultations(rng, other, colleague, YEAR, count // 10, countries, topics)
        _events_and_responses(rng, other, colleague, 200)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return counsellor, manager


def measure(pages, rounds):
    from django.test import Client

    timings, queries = {}, {}
    for name, (user, url) in pages.items():
        client = Client()
        client.force_login(user)
        client.get(url)  # warm caches and the connection
        timings[name] = []
        for _round in range(rounds):
            reset_queries()
            started = time.perf_counter()
            response = client.get(url)
            timings[name].append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (name, response.status_code)
            queries[name] = len(connection.queries)
    return timings, queries


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--consultations", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()

    setup_test_environment()
    settings.DEBUG = True  # count the queries each page makes
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        started = time.perf_counter()
        counsellor, manager = fill(args.consultations, random.Random(42))
        filled = time.perf_counter() - started
        from rohnamo.counselling.models import Consultation

        total = Consultation.objects.count()
        report, comparison = "/staff/counselling/reports/", "/staff/counselling/reports/comparison/"
        pages = {
            "branch report": (counsellor, f"{report}?period={YEAR}"),
            "national report": (manager, f"{report}?period={YEAR}"),
            "branch comparison": (counsellor, f"{comparison}?period={YEAR}"),
            "national comparison": (manager, f"{comparison}?period={YEAR}"),
            "branch report XLSX": (counsellor, f"{report}?period={YEAR}&format=xlsx"),
        }
        timings, queries = measure(pages, args.rounds)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)

    print(
        f"database: {connection.vendor}, {args.consultations} consultations in the branch's "
        f"{YEAR}, {total} in all (filled in {filled:.0f} s), {args.rounds} rounds"
    )
    print(f"{'page':22} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8}")
    worst = 0
    for name, values in timings.items():
        p50, p95 = statistics.median(values), percentile(values, 0.95)
        worst = max(worst, p95)
        print(f"{name:22} {queries[name]:7d} {p50:8.1f} {p95:8.1f}")
    print("target: every page under 1000 ms:", "met" if worst < 1000 else "NOT met")
    return 0 if worst < 1000 else 1


if __name__ == "__main__":
    sys.exit(main())
