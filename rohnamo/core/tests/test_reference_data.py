"""Regions, districts, countries and languages are there after migrating, in three languages."""

from django.core.management import call_command

from rohnamo.core.models import Country, District, Language, Region


def test_the_five_regions_of_tajikistan_are_loaded(db):
    assert set(Region.objects.values_list("code", flat=True)) == {
        "sughd",
        "khatlon",
        "gbao",
        "drs",
        "dushanbe",
    }


def test_every_region_has_districts_and_every_name_exists_in_three_languages(db):
    for region in Region.objects.all():
        assert region.districts.exists(), region.code
    for place in [*Region.objects.all(), *District.objects.all()]:
        assert place.name_tg and place.name_ru and place.name_en, place.code


def test_well_known_places_are_where_they_belong(db):
    assert District.objects.get(code="sughd-khujand").region.code == "sughd"
    assert District.objects.get(code="khatlon-kulob").region.code == "khatlon"
    assert District.objects.get(code="gbao-khorog").region.code == "gbao"


def test_every_iso_country_has_a_tajik_russian_and_english_name(db):
    assert Country.objects.count() == 249
    russia = Country.objects.get(code="RU")
    assert (russia.alpha3, russia.numeric) == ("RUS", "643")
    assert Country.objects.get(code="KZ").name_tg == "Қазоқистон"
    assert not Country.objects.filter(name_tg="").exists()


def test_interface_languages_are_content_languages(db):
    assert set(
        Language.objects.filter(is_content_language=True).values_list("code", flat=True)
    ) == {
        "tg",
        "ru",
        "en",
    }


def test_reloading_reference_data_changes_nothing(db):
    before = (Region.objects.count(), District.objects.count(), Country.objects.count())
    call_command("load_reference_data")
    assert (Region.objects.count(), District.objects.count(), Country.objects.count()) == before
