"""The demo's lists answer the public check as the README promises."""

import datetime

import pytest

from rohnamo.departure.demo.lists import load_demo_lists
from rohnamo.departure.matching import check
from rohnamo.departure.models import BanList

pytestmark = pytest.mark.django_db


def test_the_demo_traveller_is_found_by_passport_and_by_latin_name_and_loads_once():
    load_demo_lists({})
    load_demo_lists({})
    assert BanList.objects.count() == 2
    born = datetime.date(1990, 4, 2)
    by_passport = check(birth_date=born, passport="401234567")
    by_name = check(birth_date=born, surname="Khamidov", given_name="Farrukh")
    assert by_passport.found and by_name.found
    assert by_passport.newest_list_on == datetime.date(2026, 10, 1)
    assert not check(birth_date=born, surname="Khamidov", given_name="Rustam").found
