"""The worklist: urgent cases first, coloured, each office seeing only its own."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from rohnamo.cases.models import Case
from rohnamo.cases.tests.factories import make_case
from rohnamo.core.choices import Role
from rohnamo.core.tests.factories import make_user
from rohnamo.counselling.services.visitors import record_visitor
from rohnamo.recruitment.services.agencies import register_agency

pytestmark = pytest.mark.django_db


def test_a_case_worker_sees_the_overdue_case_first_marked_red(client, nigora, khujand):
    fresh = make_case(nigora, khujand, category="wages")
    late = make_case(nigora, khujand, category="documents")
    Case.objects.filter(pk=late.pk).update(
        first_response_due=timezone.now() - datetime.timedelta(hours=3)
    )
    client.force_login(nigora)

    listing = client.get(reverse("cases:cases"))

    rows = list(listing.context["page"])
    assert [case.pk for case in rows] == [late.pk, fresh.pk]
    assert [case.sla for case in rows] == ["red", "green"]
    assert 'class="sla-red"' in listing.content.decode()


def test_another_branch_sees_no_case_of_khujand(client, nigora, umed, khujand, kulob):
    theirs = make_case(nigora, khujand)
    own = make_case(umed, kulob)
    client.force_login(umed)

    listing = client.get(reverse("cases:cases"))

    assert list(listing.context["page"]) == [own]
    assert client.get(reverse("cases:case", args=[theirs.pk])).status_code == 404


def test_a_counsellor_opens_a_case_from_the_staff_form(client, nigora, khujand):
    client.force_login(nigora)

    response = client.post(
        reverse("cases:case_new"),
        {"kind": "complaint", "category": "recruitment", "narrative": "Агентство взяло деньги."},
        follow=True,
    )

    case = Case.objects.get()
    assert (case.office, case.category, case.narrative) == (
        khujand,
        "recruitment",
        "Агентство взяло деньги.",
    )
    assert case.tracking_code in response.content.decode()


@pytest.mark.parametrize("rows", [1, 3])
def test_the_worklist_has_no_n_plus_one(
    client, nigora, khujand, rows, django_assert_max_num_queries
):
    for _index in range(rows):
        make_case(nigora, khujand)
    client.force_login(nigora)

    with django_assert_max_num_queries(14):
        listing = client.get(reverse("cases:cases"))

    assert len(listing.context["page"]) == rows


def test_a_case_opened_from_a_visitors_page_has_the_visitor_as_client(client, nigora, khujand):
    visitor = record_visitor(
        actor=nigora, office=khujand, name="Фарҳод", phone="+992 90 111 22 33", consent_given=True
    )
    client.force_login(nigora)

    client.post(
        reverse("cases:case_new") + f"?visitor={visitor.pk}",
        {"kind": "request", "category": "documents", "narrative": "Паспорт потерян."},
    )

    assert Case.objects.get().clients.get().visitor == visitor


def test_a_complaint_about_an_agency_is_linked_to_it(client, nigora, khujand, centre):
    officer = make_user("rustam", Role.LICENSING_OFFICER, centre)
    agency = register_agency(actor=officer, legal_name="ООО «Шарқ Кор»")
    client.force_login(nigora)

    client.post(
        reverse("cases:case_new"),
        {
            "kind": "complaint",
            "category": "recruitment",
            "agency": agency.pk,
            "narrative": "Взяли 5000 сомони и пропали.",
        },
    )

    assert list(agency.cases.values_list("category", flat=True)) == ["recruitment"]
