"""The ISCO-08 classification shipped with the app, and choosing or finding an occupation in it."""

import importlib
import re

import pytest
from django.apps import apps as django_apps
from django.db.models.functions import Length
from django.utils import translation

from rohnamo.recruitment.models import Occupation
from rohnamo.recruitment.occupations import OccupationFinder, find_occupation, unit_group_choices

pytestmark = pytest.mark.django_db

TAJIK_LETTERS = re.compile("[ғӣқӯҳҷ]", re.IGNORECASE)


def groups_of_length(digits):
    return Occupation.objects.annotate(code_length=Length("code")).filter(code_length=digits)


def test_the_migrated_classification_has_every_group_of_each_level():
    assert [groups_of_length(digits).count() for digits in (1, 2, 3, 4)] == [10, 43, 130, 436]


@pytest.mark.parametrize(
    ("code", "english", "russian", "tajik"),
    [
        ("7", "Craft and related trades workers", "Квалифицированные рабочие промышленности, "
         "строительства, транспорта и рабочие родственных занятий", "Коргарони ихтисосманди "
         "саноат, сохтмон, нақлиёт ва коргарони касбҳои ба онҳо наздик"),
        ("71", "Building and related trades workers, excluding electricians", None, None),
        ("711", "Building frame and related trades workers", None, None),
        ("7112", "Bricklayers and related workers", "Каменщики и рабочие родственных занятий",
         "Хиштчинҳо ва коргарони касбҳои ба онҳо наздик"),
        ("9313", "Building construction labourers",
         "Неквалифицированные рабочие, занятые на строительстве зданий",
         "Коргарони бетахассус дар сохтмони биноҳо"),
        ("5120", "Cooks", "Повара", "Ошпазҳо"),
        ("8322", "Car, taxi and van drivers", "Водители легковых автомобилей, такси и фургонов",
         "Ронандагони автомобилҳои сабукрав, таксӣ ва фургонҳо"),
        ("9211", "Crop farm labourers", "Неквалифицированные рабочие, занятые в растениеводстве",
         "Коргарони бетахассуси зироаткорӣ"),
        ("0110", "Commissioned armed forces officers", None, None),
    ],
)  # fmt: skip
def test_known_groups_carry_their_titles_in_all_three_languages(code, english, russian, tajik):
    occupation = Occupation.objects.get(code=code)
    assert occupation.title_en == english
    if russian:
        assert occupation.title_ru == russian
    if tajik:
        assert occupation.title_tg == tajik


def test_every_unit_group_climbs_through_its_minor_and_sub_major_group_to_a_major_group():
    for unit in groups_of_length(4).select_related("parent__parent__parent"):
        chain = [unit.parent, unit.parent.parent, unit.parent.parent.parent]
        assert [group.code for group in chain] == [unit.code[:3], unit.code[:2], unit.code[0]]
        assert chain[-1].parent is None


def test_every_group_has_a_title_in_each_language():
    assert not Occupation.objects.filter(title_tg="").exists()
    assert not Occupation.objects.filter(title_ru="").exists()
    assert not Occupation.objects.filter(title_en="").exists()


def test_tajik_titles_are_written_in_tajik_cyrillic():
    titles = list(Occupation.objects.values_list("title_tg", flat=True))
    assert not [title for title in titles if re.search("[A-Za-z]", title)]
    # Russian-only letters would mean a Russian word or spelling slipped in.
    assert not [title for title in titles if re.search("[цщыь]", title, re.IGNORECASE)]
    assert sum(bool(TAJIK_LETTERS.search(title)) for title in titles) >= 100


def test_russian_titles_use_no_tajik_letters_and_english_titles_no_cyrillic():
    assert not [
        title
        for title in Occupation.objects.values_list("title_ru", flat=True)
        if TAJIK_LETTERS.search(title) or re.search("[A-Za-z]", title)
    ]
    assert not [
        title
        for title in Occupation.objects.values_list("title_en", flat=True)
        if re.search("[А-Яа-яЁё]", title)
    ]


def test_loading_the_classification_again_changes_nothing_and_restores_edited_titles():
    migration = importlib.import_module("rohnamo.recruitment.migrations.0003_isco08")
    Occupation.objects.filter(code="7112").update(title_en="Brickies")
    migration.load_isco08(django_apps, None)
    assert Occupation.objects.count() == 10 + 43 + 130 + 436
    bricklayers = Occupation.objects.get(code="7112")
    assert bricklayers.title_en == "Bricklayers and related workers"
    assert bricklayers.parent.code == "711"


def test_unit_group_choices_list_the_436_unit_groups_under_their_major_groups():
    with translation.override("en"):
        choices = unit_group_choices()
    assert [group for group, _options in choices][:2] == [
        "0 — Armed forces occupations",
        "1 — Managers",
    ]
    options = [option for _group, group_options in choices for option in group_options]
    assert len(options) == 436
    labels = [text for _value, text in options]
    assert labels == sorted(labels)
    crafts = dict(choices)["7 — Craft and related trades workers"]
    bricklayers = Occupation.objects.get(code="7112")
    assert (bricklayers.pk, "7112 — Bricklayers and related workers") in crafts
    assert all(text.startswith("7") for _value, text in crafts)


def test_unit_group_choices_speak_the_active_language_and_can_submit_codes():
    with translation.override("tg"):
        choices = dict(unit_group_choices(value="code"))
    builders = choices["9 — Коргарони бетахассус"]
    assert ("9313", "9313 — Коргарони бетахассус дар сохтмони биноҳо") in builders


def test_unit_group_choices_take_one_query(django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        unit_group_choices()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("7112", "7112"),
        ("7112 — Bricklayers and related workers", "7112"),
        ("bricklayer", "7112"),
        ("Каменщик", "7112"),
        ("хиштчин", "7112"),
        ("kamenshik", "7112"),
        ("Водитель такси", "8322"),
        ("ронандаи таксӣ", "8322"),
        ("ronandai taksi", "8322"),
        ("taxi drivers", "8322"),
        ("повар", "5120"),
        ("ошпаз", "5120"),
        ("welder", "7212"),
        ("сварщик", "7212"),
        ("кафшергар", "7212"),
        ("грузчик", "9333"),
        ("mardikor", "9622"),
    ],
)
def test_find_occupation_reads_a_code_or_a_title_in_any_language_and_script(text, code):
    assert find_occupation(text).code == code


def test_find_occupation_forgives_a_small_typo():
    assert find_occupation("brciklayers").code == "7112"


def test_find_occupation_prefers_a_whole_word_to_the_start_of_a_longer_one():
    assert find_occupation("cooks").code == "5120"  # not "Bakers, pastry-cooks and …"


def test_find_occupation_gives_nothing_for_unknown_text_or_a_code_that_is_not_a_unit_group():
    assert find_occupation("astronaut on mars") is None
    assert find_occupation("") is None
    assert find_occupation("9999") is None
    assert find_occupation("71") is None


def test_a_finder_lists_the_unit_groups_under_a_shorter_code():
    finder = OccupationFinder()
    assert [unit.code for unit in finder.search("712", limit=20)] == [
        "7121", "7122", "7123", "7124", "7125", "7126", "7127",
    ]  # fmt: skip


def test_a_finder_ranks_titles_matching_every_word_before_partial_ones():
    found = OccupationFinder().search("truck drivers")
    assert found[0].code == "8332"
    assert all("driver" in unit.title_en.lower() for unit in found)
