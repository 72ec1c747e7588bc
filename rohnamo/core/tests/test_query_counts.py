"""Staff list pages cost the same number of queries with 3 rows or 30."""

import pytest
from django.urls import reverse

from rohnamo.core.choices import Role
from rohnamo.core.services import update_office_contacts
from rohnamo.core.tests.factories import make_office, make_user


def queries_for(client, url, django_assert_max_num_queries, limit):
    with django_assert_max_num_queries(limit):
        response = client.get(url)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("extra", [0, 30])
def test_the_dashboard_team_list_has_no_n_plus_one(
    client, khujand, nigora, extra, django_assert_max_num_queries
):
    for index in range(extra):
        make_user(f"colleague{index}", Role.COUNSELLOR, khujand, first_name=f"Ҳамкор {index}")
    client.force_login(nigora)
    response = queries_for(
        client, reverse("staff:office", args=["khujand"]), django_assert_max_num_queries, 14
    )
    assert len(response.context["team"]) == extra + 1


@pytest.mark.parametrize("extra", [0, 30])
def test_the_office_list_has_no_n_plus_one(
    client, bahrom, centre, extra, django_assert_max_num_queries
):
    for index in range(extra):
        make_office(f"extra-{index}", parent=centre)
    client.force_login(bahrom)
    queries_for(client, reverse("staff:offices"), django_assert_max_num_queries, 12)


@pytest.mark.parametrize("extra", [0, 30])
def test_the_audit_log_has_no_n_plus_one(
    client, farida, bahrom, kulob, extra, django_assert_max_num_queries
):
    for index in range(extra):
        update_office_contacts(actor=bahrom, office=kulob, phone=f"+992 33 000 00 {index:02d}")
    client.force_login(farida)
    queries_for(client, reverse("staff:audit"), django_assert_max_num_queries, 14)
