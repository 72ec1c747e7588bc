"""Record linkage as the statisticians run it: cards in the database become persons and trips.

The engine (``rohnamo.crossings.linkage``) only sees Arrow tables; this module reads the cards,
hands them over with every review decision taken so far, and writes back the persons, the
pairs to review and the trips, all in one transaction: a failed run changes nothing.
"""

from collections import Counter

import pyarrow as pa
from django.db import connection, transaction
from django.utils import timezone

from rohnamo.core.choices import JobStatus
from rohnamo.crossings import trips
from rohnamo.crossings.linkage import link_cards, link_new_cards
from rohnamo.crossings.models import Crossing, LinkageRun, Person, ReviewPair
from rohnamo.crossings.retention import linkable_cards
from rohnamo.crossings.services.linkage_data import cards_table, decisions
from rohnamo.crossings.services.person_profiles import PROFILE_FIELDS, profiles, with_person_ids

WRITE_CHUNK = 5_000
# SQLite refuses statements with more than 32,766 parameters; lists of ids go in slices.
ID_CHUNK = 10_000


class NothingToLink(ValueError):
    """There are no cards (or, for an incremental run, no unlinked cards)."""


def run_linkage(*, actor, engine="duckdb", incremental=False, progress=None, job=None):
    """Link the cards into persons and return the finished ``LinkageRun``.

    A full run re-links every card, keeping each existing person's id for the group holding
    most of its cards; an incremental run places only the cards no person holds yet. Comparing
    only reads, so it runs outside the transaction and its progress shows while it works; the
    results are written in one transaction.
    """
    say = progress or (lambda step, fraction: None)
    run = LinkageRun.objects.create(
        started_by=actor, engine=engine, incremental=incremental, job=job,
        status=JobStatus.RUNNING,
    )  # fmt: skip
    try:
        if incremental:
            write = _compare_new(progress=say)
        else:
            write = _compare_all(engine=engine, progress=say)
        say("persons", 0.8)
        with transaction.atomic():
            person_of_card, affected, result = write()
            _store_review_pairs(run=run, pairs=result.review_pairs)
            say("trips", 0.9)
            trips.rebuild_trips(person_ids=None if affected is None else sorted(affected))
            run.cards = len(person_of_card)
            run.persons = Person.objects.count()
            run.review_pairs = run.pairs.count()
            run.metrics = _plain(result.metrics)
            run.status = JobStatus.SUCCEEDED
            run.finished_at = timezone.now()
            run.save()
    except BaseException:
        LinkageRun.objects.filter(pk=run.pk).update(
            status=JobStatus.FAILED, finished_at=timezone.now()
        )
        raise
    say("done", 1.0)
    return run


def _compare_all(*, engine, progress):
    """Compare every linkable card; returns the function that writes the result."""
    cards = cards_table(linkable_cards(), with_person=True)
    if cards.num_rows == 0:
        raise NothingToLink
    progress("linkage", 0.1)
    result = link_cards(cards, decisions=decisions(), engine=engine, progress=progress)

    def write():
        clusters = _clusters(result)
        old = dict(
            zip(
                cards.column("card_id").to_pylist(),
                cards.column("person_id").to_pylist(),
                strict=True,
            )
        )
        person_of_cluster = _keep_old_persons(clusters=clusters, old=old)
        person_of_card = _place_cards(clusters=clusters, person_of_cluster=person_of_cluster)
        _write_persons(cards=cards, person_of_card=person_of_card)
        _write_card_persons(person_of_card=person_of_card, old=old)
        Person.objects.filter(crossings__isnull=True).delete()
        return person_of_card, None, result

    return write


def _compare_new(*, progress):
    """Compare the unlinked cards with the linked ones; returns the function that writes."""
    existing = cards_table(linkable_cards().filter(person__isnull=False), with_person=True)
    new = cards_table(Crossing.objects.filter(person__isnull=True))
    if new.num_rows == 0:
        raise NothingToLink
    progress("linkage", 0.1)
    result = link_new_cards(existing, new, decisions=decisions(), progress=progress)

    def write():
        clusters = _clusters(result)
        person_of_cluster = {cluster: cluster for cluster in clusters.values() if cluster > 0}
        person_of_card = _place_cards(clusters=clusters, person_of_cluster=person_of_cluster)
        _write_card_persons(person_of_card=person_of_card, old={})
        affected = set(person_of_card.values())
        refresh_persons(affected)
        return person_of_card, affected, result

    return write


def _clusters(result):
    return dict(
        zip(
            result.clusters.column("card_id").to_pylist(),
            result.clusters.column("cluster_id").to_pylist(),
            strict=True,
        )
    )


def refresh_persons(person_ids):
    """Recompute the named persons' profiles from the cards they hold now."""
    if not person_ids:
        return
    cards = pa.concat_tables(
        [
            cards_table(Crossing.objects.filter(person_id__in=chunk), with_person=True)
            for chunk in chunks(sorted(person_ids))
        ]
    )
    person_of_card = dict(
        zip(cards.column("card_id").to_pylist(), cards.column("person_id").to_pylist(), strict=True)
    )
    _write_persons(cards=cards, person_of_card=person_of_card)


def _keep_old_persons(*, clusters, old):
    """Each existing person stays with the group holding most of its cards, so that ids
    (and what people wrote down about them) survive a re-run."""
    votes = Counter(
        (cluster, old[card]) for card, cluster in clusters.items() if old.get(card) is not None
    )
    best_cluster_of_person = {}
    for (cluster, person), _count in votes.most_common():
        best_cluster_of_person.setdefault(person, cluster)
    person_of_cluster = {}
    for person, cluster in sorted(best_cluster_of_person.items()):
        if cluster not in person_of_cluster:
            person_of_cluster[cluster] = person
    return person_of_cluster


def _place_cards(*, clusters, person_of_cluster):
    """Give each group without a person a new ``Person`` row and return card -> person id."""
    orphans = sorted({cluster for cluster in clusters.values() if cluster not in person_of_cluster})
    created = Person.objects.bulk_create([Person() for _cluster in orphans], batch_size=WRITE_CHUNK)
    person_of_cluster.update(zip(orphans, (person.pk for person in created), strict=True))
    return {card: person_of_cluster[cluster] for card, cluster in clusters.items()}


def _write_card_persons(*, person_of_card, old):
    changed = [(person, card) for card, person in person_of_card.items() if old.get(card) != person]
    table = connection.ops.quote_name(Crossing._meta.db_table)
    sql = f"UPDATE {table} SET person_id = %s WHERE id = %s"  # noqa: S608 - our own table name
    with connection.cursor() as cursor:
        for start in range(0, len(changed), WRITE_CHUNK):
            cursor.executemany(sql, changed[start : start + WRITE_CHUNK])


def _write_persons(*, cards, person_of_card):
    """Refresh each person's name, sex, birth date and district from their cards."""
    wanted = profiles(with_person_ids(cards, person_of_card))
    current = {
        row[0]: tuple(row[1:])
        for chunk in chunks(sorted(wanted))
        for row in Person.objects.filter(pk__in=chunk).values_list("pk", *PROFILE_FIELDS)
    }
    changed = []
    for pk, values in wanted.items():
        if current.get(pk) != values:
            person = Person(pk=pk)
            for field, value in zip(PROFILE_FIELDS, values, strict=True):
                setattr(person, field, value)
            changed.append(person)
    Person.objects.bulk_update(changed, PROFILE_FIELDS, batch_size=WRITE_CHUNK // 5)


def _store_review_pairs(*, run, pairs):
    ReviewPair.objects.all().delete()
    cards = sorted({card for pair in pairs for card in pair[:2]})
    existing = {
        pk
        for chunk in chunks(cards)
        for pk in Crossing.objects.filter(pk__in=chunk).values_list("pk", flat=True)
    }
    ReviewPair.objects.bulk_create(
        [
            ReviewPair(run=run, card_a_id=a, card_b_id=b, probability=probability)
            for a, b, probability in pairs
            if a in existing and b in existing
        ],
        batch_size=WRITE_CHUNK,
    )


def chunks(ids, size=ID_CHUNK):
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _plain(metrics):
    """The engine's measurements, reduced to what JSON can hold."""
    plain = {}
    for key, value in (metrics or {}).items():
        if isinstance(value, (int, float, str, bool)) or value is None:
            plain[str(key)] = value
        else:
            plain[str(key)] = str(value)
    return plain
