"""Linking the cards in the database into persons: runs, re-runs, review decisions, commands.

Jamshed, a statistician, links the cards; Bahrom, a manager, reads statistics but never a card;
Umed, a counsellor, sees nothing of this module.
"""

import csv
import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse

from rohnamo.core.choices import AuditAction, JobStatus, Role
from rohnamo.core.jobs import run_job
from rohnamo.core.models import AuditEntry, Job
from rohnamo.core.tests.factories import make_user
from rohnamo.crossings.models import (
    Crossing,
    CrossingPoint,
    ImportBatch,
    LinkageRun,
    PairDecision,
    Person,
    ReviewPair,
    Trip,
)
from rohnamo.crossings.services.decisions import decide_pair
from rohnamo.crossings.services.linkage import run_linkage

D = datetime.date


@pytest.fixture
def statistician(db):
    return make_user("jamshed_linker", Role.STATISTICIAN)


@pytest.fixture
def batch(statistician):
    return ImportBatch.objects.create(file_name="cards.csv", uploaded_by=statistician)


def card(batch, number, direction, date, surname, given_name, birth_date, passport, sex="M",
         point="DYU"):  # fmt: skip
    return Crossing.objects.create(
        batch=batch,
        crossing_point=CrossingPoint.objects.get(code=point),
        card_number=number,
        direction=direction,
        crossing_date=date,
        surname=surname,
        given_name=given_name,
        sex=sex,
        birth_date=birth_date,
        passport_number=passport,
    )


@pytest.fixture
def three_travellers(batch):
    """Two trips of Ҳамидов in three scripts, one of Раҳимова, one of Ҷӯраев."""
    hamidov = [
        card(batch, "A1", "exit", D(2026, 1, 10), "Ҳамидов", "Фаррух", D(1990, 3, 4), "400111"),
        card(batch, "A2", "entry", D(2026, 5, 2), "Хамидов", "Фаррух", D(1990, 3, 4), "400111"),
        card(batch, "A3", "exit", D(2026, 6, 1), "Khamidov", "Farrukh", D(1990, 3, 4), "400111"),
    ]
    rahimova = [
        card(
            batch, "B1", "exit", D(2026, 2, 3), "Раҳимова", "Нигина", D(1995, 7, 9), "400222", "F"
        ),
        card(
            batch, "B2", "entry", D(2026, 8, 3), "Рахимова", "Нигина", D(1995, 7, 9), "400222", "F"
        ),
    ]
    juraev = [card(batch, "C1", "exit", D(2026, 3, 3), "Ҷӯраев", "Алишер", D(1988, 1, 1), "400333")]
    return hamidov, rahimova, juraev


def persons_of(cards):
    return {Crossing.objects.get(pk=c.pk).person_id for c in cards}


def test_linkage_turns_cards_in_three_scripts_into_three_persons_with_trips(
    statistician, three_travellers
):
    hamidov, rahimova, juraev = three_travellers

    run = run_linkage(actor=statistician)

    assert (run.cards, run.persons, run.status) == (6, 3, JobStatus.SUCCEEDED)
    assert len(persons_of(hamidov)) == len(persons_of(rahimova)) == len(persons_of(juraev)) == 1
    person = Person.objects.get(pk=persons_of(hamidov).pop())
    assert person.surname in {"Ҳамидов", "Хамидов", "Khamidov"}
    assert (person.cards, person.birth_date, person.sex) == (3, D(1990, 3, 4), "M")
    assert (person.first_crossing, person.last_crossing) == (D(2026, 1, 10), D(2026, 6, 1))
    trips = Trip.objects.filter(person=person).order_by("left_on")
    assert [(t.left_on, t.returned_on) for t in trips][0] == (D(2026, 1, 10), D(2026, 5, 2))
    assert trips.count() == 2, "the second departure has no return yet"


def test_a_second_run_keeps_every_person_id(statistician, three_travellers):
    run_linkage(actor=statistician)
    before = dict(Crossing.objects.values_list("pk", "person_id"))

    run_linkage(actor=statistician)

    assert dict(Crossing.objects.values_list("pk", "person_id")) == before
    assert LinkageRun.objects.count() == 2


def test_a_different_persons_decision_splits_them_on_the_next_run_and_for_good(
    statistician, three_travellers
):
    hamidov, _rahimova, _juraev = three_travellers
    run_linkage(actor=statistician)
    assert len(persons_of(hamidov)) == 1

    decide_pair(actor=statistician, card_a=hamidov[0], card_b=hamidov[2], same_person=False)
    run_linkage(actor=statistician)
    run_linkage(actor=statistician)

    first, third = (Crossing.objects.get(pk=c.pk).person_id for c in (hamidov[0], hamidov[2]))
    assert first != third
    assert Person.objects.count() == 4


def test_a_same_person_decision_joins_two_persons_at_once_and_survives_re_runs(statistician, batch):
    first = card(batch, "X1", "exit", D(2026, 1, 5), "Саидов", "Бахтиёр", D(1985, 2, 2), "500001")
    other = card(batch, "X2", "entry", D(2026, 4, 5), "Qodirov", "Zafar", D(1979, 9, 9), "600002")
    run_linkage(actor=statistician)
    assert len(persons_of([first, other])) == 2

    decide_pair(actor=statistician, card_a=other, card_b=first, same_person=True)

    assert len(persons_of([first, other])) == 1
    assert Person.objects.count() == 1
    decision = PairDecision.objects.get()
    assert (decision.card_a_id, decision.card_b_id) == (first.pk, other.pk), "stored in order"
    run_linkage(actor=statistician)
    assert len(persons_of([first, other])) == 1
    assert AuditEntry.objects.filter(action=AuditAction.MERGE).count() == 1


def test_an_incremental_run_adds_a_new_card_to_its_known_person(statistician, three_travellers):
    hamidov, _rahimova, _juraev = three_travellers
    run_linkage(actor=statistician)
    known = persons_of(hamidov).pop()
    batch = ImportBatch.objects.create(file_name="more.csv")
    returned = card(
        batch, "A4", "entry", D(2026, 10, 1), "Hamidov", "Farruh", D(1990, 3, 4), "400111"
    )
    stranger = card(batch, "Z1", "exit", D(2026, 10, 2), "Носиров", "Умед", D(2000, 5, 5), "700777")

    run = run_linkage(actor=statistician, incremental=True)

    assert run.incremental and run.cards == 2
    assert Crossing.objects.get(pk=returned.pk).person_id == known
    newcomer = Crossing.objects.get(pk=stranger.pk).person_id
    assert newcomer not in (None, known)
    assert Person.objects.get(pk=known).cards == 4
    assert Trip.objects.filter(person_id=known, returned_on=D(2026, 10, 1)).exists()


def test_the_commands_link_the_cards_and_export_the_person_of_each(
    statistician, three_travellers, tmp_path, capsys
):
    call_command("link_crossings")
    assert "6 cards belong to 3 persons" in capsys.readouterr().out

    output = tmp_path / "persons.csv"
    call_command("export_persons", output=str(output))

    with output.open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    assert list(rows[0]) == ["card_number", "crossing_point", "crossing_date", "person_id"]
    by_card = {row["card_number"]: row for row in rows}
    assert by_card["A1"]["person_id"] == by_card["A3"]["person_id"] != by_card["B1"]["person_id"]
    assert by_card["A1"]["crossing_point"] == "DYU"
    assert by_card["A1"]["crossing_date"] == "2026-01-10"


def test_a_statistician_starts_linkage_from_the_page_and_watches_the_job(
    client, statistician, three_travellers
):
    client.cookies["django_language"] = "en"
    client.force_login(statistician)
    page = client.get(reverse("crossings:linkage")).content.decode()
    assert "No linkage has run yet." in page

    response = client.post(reverse("crossings:linkage"), {"engine": "duckdb"})

    job = Job.objects.get(kind="crossing_linkage")
    assert response.url == reverse("staff:job", args=[job.pk])
    run_job(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED, job.log
    assert "6 cards belong to 3 persons" in job.log
    assert job.done == job.total == 100
    assert LinkageRun.objects.get().job == job


def test_the_review_screen_shows_both_cards_logs_the_view_and_takes_a_decision(
    client, statistician, three_travellers
):
    hamidov, rahimova, _juraev = three_travellers
    run = LinkageRun.objects.create(started_by=statistician)
    pair = ReviewPair.objects.create(
        run=run, card_a=hamidov[0], card_b=rahimova[0], probability=0.62
    )
    client.cookies["django_language"] = "en"
    client.force_login(statistician)

    page = client.get(reverse("crossings:review")).content.decode()

    assert "Ҳамидов" in page and "Раҳимова" in page and "62 % likely the same person" in page
    assert AuditEntry.objects.filter(action=AuditAction.VIEW, object_id=str(pair.pk)).exists()
    response = client.post(
        reverse("crossings:review_decide", args=[pair.pk]), {"decision": "different", "page": "1"}
    )
    assert response.url == reverse("crossings:review") + "?page=1"
    assert not ReviewPair.objects.exists()
    assert PairDecision.objects.get().same_person is False
    assert "Nothing waits for review." in client.get(reverse("crossings:review")).content.decode()


@pytest.mark.parametrize("role", [Role.MANAGER, Role.COUNSELLOR])
def test_nobody_but_statisticians_sees_the_pairs_or_starts_linkage(client, role, three_travellers):
    statistician = ImportBatch.objects.get().uploaded_by
    run = LinkageRun.objects.create(started_by=statistician)
    pair = ReviewPair.objects.create(
        run=run, card_a=three_travellers[0][0], card_b=three_travellers[1][0], probability=0.7
    )
    client.force_login(make_user("outsider", role))

    assert client.get(reverse("crossings:review")).status_code == 404
    assert client.get(reverse("crossings:linkage")).status_code == 404
    response = client.post(reverse("crossings:review_decide", args=[pair.pk]), {"decision": "same"})
    assert response.status_code == 404
    assert not PairDecision.objects.exists()
    assert not Job.objects.exists()
