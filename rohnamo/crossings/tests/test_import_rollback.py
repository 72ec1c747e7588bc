"""Rolling back an import removes exactly the cards it added and says who did it."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from rohnamo.core.choices import AuditAction
from rohnamo.core.models import AuditEntry
from rohnamo.crossings.choices import BatchStatus
from rohnamo.crossings.imports.importer import import_cards
from rohnamo.crossings.models import Crossing, PairDecision, Person, Trip
from rohnamo.crossings.services.batches import roll_back_batch
from rohnamo.crossings.tests.conftest import cards, write_cards


@pytest.fixture(autouse=True)
def in_english(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    with translation.override("en"):
        yield


@pytest.fixture
def two_imports(jamshed, tmp_path):
    """January (cards 1-30) then an overlapping file (cards 21-45): 30 and 15 cards."""
    january = write_cards(tmp_path / "january.csv", cards(30))
    later = write_cards(tmp_path / "later.csv", cards(45)[20:])
    first = import_cards(path=january, file_name="january.csv", actor=jamshed)
    second = import_cards(path=later, file_name="later.csv", actor=jamshed)
    return first, second


def test_rolling_back_a_batch_removes_only_its_cards(jamshed, two_imports):
    first, second = two_imports

    roll_back_batch(batch=second, actor=jamshed)

    second.refresh_from_db()
    assert Crossing.objects.count() == 30
    assert set(Crossing.objects.values_list("batch", flat=True)) == {first.pk}
    assert second.status == BatchStatus.ROLLED_BACK
    assert second.rolled_back_by == jamshed
    assert second.rolled_back_at is not None
    entry = AuditEntry.objects.get(action=AuditAction.DELETE, object_id=str(second.pk))
    assert entry.actor == jamshed


def test_the_overlap_stays_when_the_first_import_is_rolled_back_and_the_second_is_kept(
    jamshed, two_imports
):
    first, second = two_imports

    roll_back_batch(batch=first, actor=jamshed)

    # The ten overlapping cards belonged to January: they go with it (the second file only
    # counted them as duplicates); importing the second file again would bring them back.
    assert Crossing.objects.count() == 15
    assert set(Crossing.objects.values_list("batch", flat=True)) == {second.pk}


def test_linked_persons_outlive_a_rolled_back_batch_and_trips_lose_the_card(jamshed, two_imports):
    first, second = two_imports
    person = Person.objects.create(surname="Раҳимов", cards=2)
    january_card = Crossing.objects.filter(batch=first).first()
    later_card = Crossing.objects.filter(batch=second).first()
    Crossing.objects.filter(pk__in=[january_card.pk, later_card.pk]).update(person=person)
    trip = Trip.objects.create(person=person, exit_crossing=january_card, entry_crossing=later_card)
    low, high = sorted([january_card.pk, later_card.pk])
    PairDecision.objects.create(card_a_id=low, card_b_id=high, same_person=True)

    roll_back_batch(batch=second, actor=jamshed)

    trip.refresh_from_db()
    assert Person.objects.filter(pk=person.pk).exists()
    assert list(person.crossings.all()) == [january_card]
    assert (trip.exit_crossing, trip.entry_crossing) == (january_card, None)
    assert not PairDecision.objects.exists()


def test_a_batch_cannot_be_rolled_back_twice(jamshed, two_imports):
    _first, second = two_imports
    roll_back_batch(batch=second, actor=jamshed)

    with pytest.raises(ValidationError, match="Only an imported batch can be rolled back."):
        roll_back_batch(batch=second, actor=jamshed)


def test_a_manager_may_not_roll_back(bahrom, two_imports):
    with pytest.raises(PermissionDenied):
        roll_back_batch(batch=two_imports[0], actor=bahrom)
    assert Crossing.objects.count() == 45
