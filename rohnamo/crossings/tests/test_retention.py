"""Retention: a traveller not seen at the border for over ten years keeps being counted, but
nobody can read their name or passport any more; a recent traveller is left alone."""

import datetime

import pytest
from django.core.management import call_command

from rohnamo.core.choices import Role
from rohnamo.core.models import District
from rohnamo.core.tests.factories import make_user
from rohnamo.crossings.models import Crossing, CrossingPoint, ImportBatch, PairDecision, Person
from rohnamo.crossings.retention import anonymise_inactive_persons
from rohnamo.crossings.services.linkage import run_linkage
from rohnamo.crossings.statistics.periods import Period
from rohnamo.crossings.statistics.tables import count_table

D = datetime.date
TODAY = D(2026, 11, 25)


@pytest.fixture
def register(db):
    statistician = make_user("jamshed_retention", Role.STATISTICIAN)
    batch = ImportBatch.objects.create(file_name="old.csv", uploaded_by=statistician)
    point = CrossingPoint.objects.get(code="DYU")
    district = District.objects.get(code="sughd-khujand")

    def card(number, direction, day, surname, passport, birth):
        return Crossing.objects.create(
            batch=batch, crossing_point=point, card_number=number, direction=direction,
            crossing_date=day, surname=surname, given_name="Фаррух", patronymic="Ҷӯраевич",
            sex="M", birth_date=birth, passport_number=passport, residence_district=district,
            occupation="бинокор",
        )  # fmt: skip

    old = [
        card("O1", "exit", D(2014, 3, 1), "Ҳамидов", "300111", D(1980, 5, 5)),
        card("O2", "entry", D(2015, 2, 1), "Хамидов", "300111", D(1980, 5, 5)),
    ]
    recent = [card("R1", "exit", D(2026, 3, 1), "Раҳимов", "400222", D(1992, 1, 2))]
    run_linkage(actor=statistician)
    return statistician, old, recent


def test_a_traveller_unseen_for_over_ten_years_loses_names_and_passport_but_still_counts(register):
    statistician, old, recent = register
    period = Period(kind="year", year=2014)
    before = count_table(key="age", period=period)

    assert anonymise_inactive_persons(older_than_years=10, today=TODAY) == 1

    for card in Crossing.objects.filter(pk__in=[c.pk for c in old]):
        assert (card.surname, card.given_name, card.patronymic) == ("", "", "")
        assert (card.passport_number, card.occupation) == ("", "")
        assert (card.sex, card.birth_date) == ("M", D(1980, 5, 5)), "the statistics need these"
    person = Person.objects.get(pk=Crossing.objects.get(pk=old[0].pk).person_id)
    assert person.anonymised_at is not None and person.surname == ""
    assert Crossing.objects.get(pk=recent[0].pk).surname == "Раҳимов"
    assert count_table(key="age", period=period) == before


def test_linkage_leaves_anonymised_persons_and_their_cards_together(register):
    statistician, old, _recent = register
    anonymise_inactive_persons(older_than_years=10, today=TODAY)
    person = Crossing.objects.get(pk=old[0].pk).person_id

    run_linkage(actor=statistician)

    old_cards = Crossing.objects.filter(pk__in=[c.pk for c in old])
    assert set(old_cards.values_list("person_id", flat=True)) == {person}
    assert Person.objects.count() == 2


def test_decisions_about_anonymised_cards_go_with_their_names(register):
    statistician, old, recent = register
    PairDecision.objects.create(card_a=old[0], card_b=recent[0], same_person=False)

    anonymise_inactive_persons(older_than_years=10, today=TODAY)

    assert not PairDecision.objects.exists()


def test_the_command_counts_first_with_a_dry_run(register, capsys):
    call_command("anonymise_crossings", "--years", "10", "--dry-run")
    assert "1 persons not seen for over 10 years would be anonymised." in capsys.readouterr().out
    assert not Person.objects.filter(anonymised_at__isnull=False).exists()

    call_command("anonymise_crossings", "--years", "10")

    assert "1 persons not seen for over 10 years anonymised." in capsys.readouterr().out
    assert Person.objects.filter(anonymised_at__isnull=False).count() == 1
