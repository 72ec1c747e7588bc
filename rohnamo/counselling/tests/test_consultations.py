"""A counsellor records a consultation in the quick form; it stays within their office."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from rohnamo.core.choices import AuditAction
from rohnamo.core.models import AuditEntry, Country
from rohnamo.counselling.models import Consultation
from rohnamo.counselling.tests.factories import make_consultation
from rohnamo.counselling.tests.questionnaire_factories import published_questionnaire
from rohnamo.knowledge.models import Distribution, Topic
from rohnamo.knowledge.tests.factories import draft_sheet

pytestmark = pytest.mark.django_db


def quick_form(**overrides):
    data = {
        "channel": "in_person",
        "topics": [Topic.objects.get(code="registration").pk],
        "destination": Country.objects.get(code="RU").pk,
        "sex": "female",
        "age_group": "25-34",
        "stage": "intending",
        "question": "Чӣ тавр дар Маскав қайд шавам?",
        "advice": "Дар 7 рӯз ба қайд гиред.",
    }
    data.update(overrides)
    return data


def test_a_counsellor_records_an_anonymous_walk_in_for_her_own_branch(client, nigora, khujand):
    client.force_login(nigora)

    response = client.post(reverse("counselling:consultation_new"), quick_form(), follow=True)

    consultation = Consultation.objects.get()
    assert consultation.office == khujand and consultation.counsellor == nigora
    assert consultation.visitor is None
    assert (consultation.sex, consultation.age_group, consultation.destination.code) == (
        "female",
        "25-34",
        "RU",
    )
    assert [topic.code for topic in consultation.topics.all()] == ["registration"]
    assert AuditEntry.objects.filter(action=AuditAction.CREATE, object_id=consultation.pk).exists()
    # The form comes back empty for the next visitor.
    assert response.request["PATH_INFO"] == reverse("counselling:consultation_new")


def test_sheets_handed_over_are_counted_in_the_leaflet_log(client, nigora, khujand):
    sheet = draft_sheet(nigora).sheet
    client.force_login(nigora)

    client.post(reverse("counselling:consultation_new"), quick_form(sheets=[sheet.pk]))

    handed = Distribution.objects.get()
    assert (handed.sheet, handed.office, handed.quantity, handed.kind) == (
        sheet,
        khujand,
        1,
        "distributed",
    )


def test_a_consultation_dated_in_the_future_is_refused_and_nothing_is_saved(client, nigora):
    client.force_login(nigora)
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)

    client.cookies["django_language"] = "en"
    response = client.post(
        reverse("counselling:consultation_new"),
        quick_form(started_at=tomorrow.strftime("%Y-%m-%dT%H:%M")),
    )

    assert "cannot be dated in the future" in response.content.decode()
    assert not Consultation.objects.exists()


def test_a_consultation_needs_at_least_one_topic(client, nigora):
    client.force_login(nigora)

    response = client.post(reverse("counselling:consultation_new"), quick_form(topics=[]))

    assert response.context["form"].errors["topics"]
    assert not Consultation.objects.exists()


def test_a_counsellor_cannot_write_into_another_branch(client, umed, khujand):
    client.force_login(umed)

    response = client.post(reverse("counselling:consultation_new"), quick_form(office=khujand.pk))

    assert response.context["form"].errors["office"]
    assert not Consultation.objects.exists()


def test_another_branch_sees_none_of_khujands_consultations(client, nigora, umed, khujand, kulob):
    secret = make_consultation(
        nigora, khujand, topics=["trafficking"], question="Паспортамро гирифтанд"
    )
    own = make_consultation(umed, kulob, topics=["health"])
    client.force_login(umed)

    listing = client.get(reverse("counselling:consultations"))
    detail = client.get(reverse("counselling:consultation", args=[secret.pk]))

    assert list(listing.context["page"]) == [own]
    assert "Паспортамро" not in listing.content.decode()
    assert detail.status_code == 404


def test_the_national_manager_sees_every_branch(client, nigora, umed, bahrom, khujand, kulob):
    first = make_consultation(nigora, khujand)
    second = make_consultation(umed, kulob)
    client.force_login(bahrom)

    listing = client.get(reverse("counselling:consultations"))

    assert set(listing.context["page"]) == {first, second}


def test_a_consultation_for_a_known_visitor_takes_their_sex_and_age(client, nigora, khujand):
    from rohnamo.counselling.services.visitors import record_visitor

    visitor = record_visitor(actor=nigora, office=khujand, sex="male", birth_year=2000)
    client.force_login(nigora)

    client.post(
        reverse("counselling:consultation_new") + f"?visitor={visitor.pk}",
        quick_form(sex="", age_group=""),
    )

    consultation = Consultation.objects.get()
    assert consultation.visitor == visitor
    assert consultation.sex == "male"
    assert consultation.age_group == "25-34"  # born 2000, consulted in 2026


def test_a_questionnaire_filled_in_from_a_consultation_is_linked_to_it(
    client, nigora, bahrom, khujand
):
    version = published_questionnaire(bahrom)
    consultation = make_consultation(nigora, khujand)
    client.force_login(nigora)

    detail = client.get(reverse("counselling:consultation", args=[consultation.pk]))
    link = reverse("counselling:response_new", args=[version.questionnaire.code, version.number])
    assert f"{link}?consultation={consultation.pk}" in detail.content.decode()
    client.post(
        f"{link}?consultation={consultation.pk}",
        {"answered_on": timezone.localdate().isoformat(), "q_destination": "russia"},
    )

    assert consultation.responses.get().office == khujand
