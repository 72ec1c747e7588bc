"""Time sheet search with 5,000 sheet versions (issue #3: p95 under 100 ms).

Usage, on PostgreSQL (production) and on SQLite (the demo):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rohnamo .venv/bin/python bench/search_sheets.py
    .venv/bin/python bench/search_sheets.py [--versions 5000] [--rounds 20]

It builds a throwaway test database (test_<name>, dropped afterwards), fills it with sheets in
Tajik, Russian and English made from a fixed vocabulary, then times ``search_versions`` as the
public search page calls it (ranking and snippets included) for queries in Cyrillic, Latin, with
Tajik letters typed as Russian ones and with typos.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

VOCABULARY = {
    "tg": "бақайдгирӣ муҳоҷир ҳуҷҷат шиноснома иҷозатнома патент корфармо шартнома музди меҳнат "
    "саломатӣ суғурта сарҳад гумрук полис ҳуқуқ роҳ қатора ҳавопаймо чипта хона манзил кор "
    "консулгарӣ сафорат бозгашт оила пул интиқол хатар фиреб қарз забон имтиҳон ваколатхона "
    "дар бо ва аз то барои рӯз моҳ сол муддат ҳатман пеш баъд шумо мо онҳо",
    "ru": "регистрация мигрант документ паспорт разрешение патент работодатель договор зарплата "
    "здоровье страховка граница таможня полиция права дорога поезд самолёт билет жильё работа "
    "консульство посольство возвращение семья деньги перевод опасность обман долг язык экзамен "
    "в с и из до для день месяц год срок обязательно перед после вы мы они",
    "en": "registration migrant document passport permit patent employer contract wage health "
    "insurance border customs police rights road train plane ticket housing work consulate "
    "embassy return family money transfer danger fraud debt language exam in with and from to "
    "for day month year term always before after you we they",
}
QUERIES = [
    "регистрация",  # Russian word
    "бақайдгирӣ",  # Tajik word
    "бакайдгири",  # Tajik typed with Russian letters
    "patent",  # Latin
    "registratsiya",  # Russian typed in Latin letters
    "регистрацыя",  # typo
    "трудовой договор",
    "ҳуҷҷат шиноснома",
    "tamojnya granitsa",
    "консульство",
    "нет такого слова",
]


def fill(count, rng):
    from rohnamo.core.models import Language, User
    from rohnamo.knowledge.choices import Stage, VersionStatus
    from rohnamo.knowledge.markup import plain_text, render
    from rohnamo.knowledge.models import SearchWord, Sheet, SheetVersion, Topic
    from rohnamo.lib.search_text import words

    author = User.objects.create(username="bench-author")
    topics = list(Topic.objects.all())
    languages = {
        language.code: language for language in Language.objects.filter(code__in=VOCABULARY)
    }
    codes = list(VOCABULARY)
    sheets = Sheet.objects.bulk_create(
        Sheet(code=f"sheet-{number}", topic=rng.choice(topics), stage=rng.choice(Stage.values))
        for number in range(count // len(codes) + 1)
    )
    versions = []
    for number in range(count):
        sheet, code = sheets[number // len(codes)], codes[number % len(codes)]
        vocabulary = VOCABULARY[code].split()
        title = " ".join(rng.choices(vocabulary, k=4)).capitalize()
        paragraphs = [" ".join(rng.choices(vocabulary, k=60)) + "." for _ in range(5)]
        body = "## " + title + "\n\n" + "\n\n".join(paragraphs)
        body_html, _cleaned = render(body)
        versions.append(
            SheetVersion(
                sheet=sheet,
                language=languages[code],
                number=1,
                title=title,
                body=body,
                body_html=body_html,
                search_title=" ".join(words(title)),
                search_text=" ".join(words(title + " " + plain_text(body_html))),
                status=VersionStatus.PUBLISHED,
                is_current=True,
                author=author,
            )
        )
    SheetVersion.objects.bulk_create(versions, batch_size=500)
    # What rohnamo.knowledge.search.index does per version, in bulk.
    vocabulary = set().union(*(version.search_text.split() for version in versions))
    SearchWord.objects.bulk_create([SearchWord(word=word) for word in vocabulary])
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchVector

        SheetVersion.objects.update(search_vector=SearchVector("search_text", config="simple"))
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE knowledge_sheetversion")
            cursor.execute("ANALYZE knowledge_searchword")


def measure(rounds):
    from rohnamo.knowledge.queries import public_versions
    from rohnamo.knowledge.search import search_versions

    timings = {query: [] for query in QUERIES}
    hits = {}
    for _round in range(rounds):
        for query in QUERIES:
            started = time.perf_counter()
            found = search_versions(query, public_versions(), limit=20)
            timings[query].append((time.perf_counter() - started) * 1000)
            hits[query] = len(found)
    return timings, hits


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--versions", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        fill(args.versions, random.Random(42))
        measure(1)  # warm caches and connections
        timings, hits = measure(args.rounds)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)

    print(f"database: {connection.vendor}, {args.versions} versions, {args.rounds} rounds")
    print(f"{'query':24} {'hits':>5} {'p50 ms':>8} {'p95 ms':>8}")
    for query, values in timings.items():
        p50, p95 = statistics.median(values), percentile(values, 0.95)
        print(f"{query:24} {hits[query]:5d} {p50:8.1f} {p95:8.1f}")
    every = [value for values in timings.values() for value in values]
    p50, p95 = statistics.median(every), percentile(every, 0.95)
    print(f"{'all queries':24} {'':5} {p50:8.1f} {p95:8.1f}")
    print("target: p95 under 100 ms:", "met" if p95 < 100 else "NOT met")
    return 0 if p95 < 100 else 1


if __name__ == "__main__":
    sys.exit(main())
