"""Shared fixtures: the offices and the people of the test stories.

Two branches under the Dushanbe centre. Nigora counsels in Khujand; Umed counsels in Kulob and must
never see Khujand's records; Bahrom manages the centre and so oversees both; Farida administers.
"""

import pytest
from django.contrib.contenttypes.models import ContentType

from rohnamo.core.choices import OfficeKind, Role
from rohnamo.core.models import District
from rohnamo.core.tests.factories import make_office, make_user


@pytest.fixture(autouse=True)
def fresh_content_type_cache():
    """Transactional tests flush and recreate content types; a stale cache would point at rows
    that no longer exist."""
    ContentType.objects.clear_cache()


@pytest.fixture
def centre(db):
    return make_office(
        "dushanbe",
        kind=OfficeKind.CENTRE,
        name_tg="Маркази Душанбе",
        district=District.objects.get(code="dushanbe-ismoili-somoni"),
    )


@pytest.fixture
def khujand(centre):
    return make_office(
        "khujand",
        parent=centre,
        name_tg="Филиали Хуҷанд",
        hotline="+992 34 111 22 33",
        district=District.objects.get(code="sughd-khujand"),
    )


@pytest.fixture
def kulob(centre):
    return make_office(
        "kulob",
        parent=centre,
        name_tg="Филиали Кӯлоб",
        hotline="+992 33 444 55 66",
        district=District.objects.get(code="khatlon-kulob"),
    )


@pytest.fixture
def nigora(khujand):
    """A counsellor at the Khujand branch."""
    return make_user("nigora", Role.COUNSELLOR, khujand)


@pytest.fixture
def umed(kulob):
    """A counsellor at the Kulob branch: the outsider to everything in Khujand."""
    return make_user("umed", Role.COUNSELLOR, kulob)


@pytest.fixture
def bahrom(centre, khujand, kulob):
    """The national manager at the centre, who oversees every branch."""
    return make_user("bahrom", Role.MANAGER, centre)


@pytest.fixture
def farida(centre):
    """An administrator."""
    return make_user("farida", Role.ADMINISTRATOR, centre, is_staff=True)
