"""`manage.py load_demo` gives a newcomer a working set of offices and one login per role."""

import pytest
from django.core.management import CommandError, call_command

from rohnamo.core.choices import Role
from rohnamo.core.demo import DEMO_PASSWORD
from rohnamo.core.models import Membership, Office, User


def test_the_demo_has_the_centre_six_branches_and_two_partners(db, settings):
    settings.DEBUG = True
    call_command("load_demo")
    kinds = list(Office.objects.values_list("kind", flat=True))
    assert (kinds.count("centre"), kinds.count("branch"), kinds.count("partner")) == (1, 6, 2)
    for role in Role.values:
        user = User.objects.get(groups__name=role)
        assert user.check_password(DEMO_PASSWORD)
        assert user.memberships.exists()


def test_loading_the_demo_twice_changes_nothing(db, settings):
    settings.DEBUG = True
    call_command("load_demo")
    before = (Office.objects.count(), User.objects.count(), Membership.objects.count())
    call_command("load_demo")
    assert (Office.objects.count(), User.objects.count(), Membership.objects.count()) == before


def test_the_demo_is_refused_on_a_production_server(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("load_demo")
    assert not User.objects.exists()
