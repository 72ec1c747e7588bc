"""The counselling list pages cost the same number of queries with one row or three."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from rohnamo.counselling.services.events import record_event
from rohnamo.counselling.services.visitors import record_visitor
from rohnamo.counselling.tests.factories import make_consultation


def consultation(nigora, khujand, index):
    make_consultation(nigora, khujand, topics=["registration", "health"])


def visitor(nigora, khujand, index):
    record_visitor(actor=nigora, office=khujand, sex="female", birth_year=1990 + index)


def event(nigora, khujand, index):
    record_event(
        actor=nigora,
        office=khujand,
        kind="information",
        title=f"Ҷаласа {index}",
        date=timezone.localdate() - datetime.timedelta(days=index),
        participants_female=5,
        participants_male=5,
    )


@pytest.mark.parametrize("rows", [1, 3])
@pytest.mark.parametrize(
    ("url_name", "make"),
    [("consultations", consultation), ("visitors", visitor), ("events", event)],
)
def test_list_pages_have_no_n_plus_one(
    client, nigora, khujand, rows, url_name, make, django_assert_max_num_queries
):
    for index in range(rows):
        make(nigora, khujand, index)
    client.force_login(nigora)

    with django_assert_max_num_queries(12):
        response = client.get(reverse(f"counselling:{url_name}"))

    assert len(response.context["page"]) == rows
