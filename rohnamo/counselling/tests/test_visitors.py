"""Visitors: personal data only with consent; duplicates suggested, never merged by themselves."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from rohnamo.core.choices import AuditAction
from rohnamo.core.models import AuditEntry
from rohnamo.counselling.models import Consultation, Visitor
from rohnamo.counselling.services.visitors import (
    anonymise_visitor,
    merge_visitors,
    record_visitor,
)
from rohnamo.counselling.tests.factories import make_consultation

pytestmark = pytest.mark.django_db


def named(actor, office, name, phone="", **fields):
    return record_visitor(
        actor=actor, office=office, name=name, phone=phone, consent_given=True, **fields
    )


def test_a_name_without_consent_is_refused_and_nothing_is_saved(nigora, khujand):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        record_visitor(actor=nigora, office=khujand, name="Фарҳод")

    assert "consent" in refused.value.message_dict["consent_given"][0]
    assert not Visitor.objects.exists()


def test_an_anonymous_visitor_needs_no_consent_and_gets_an_age_group(nigora, khujand):
    visitor = record_visitor(actor=nigora, office=khujand, sex="male", birth_year=1960)

    assert visitor.age_group == "55+"


def test_the_same_phone_written_differently_is_suggested_as_a_duplicate(client, nigora, khujand):
    first = named(nigora, khujand, "Ҷамила Раҳимова", "+992 92 700 00 01")
    second = named(nigora, khujand, "Мадина", "92-700-00-01")
    client.force_login(nigora)

    page = client.get(reverse("counselling:visitor", args=[second.pk]))

    assert page.context["duplicates"] == [first]


def test_a_name_spelled_the_russian_way_is_suggested_as_a_duplicate(client, nigora, khujand):
    tajik = named(nigora, khujand, "Ҷамила Раҳимова")
    russian = named(nigora, khujand, "Джамила Рахимова")
    named(nigora, khujand, "Зарина Каримова")
    client.force_login(nigora)

    page = client.get(reverse("counselling:visitor", args=[russian.pk]))

    assert page.context["duplicates"] == [tajik]


def test_duplicates_in_another_branch_are_not_shown(client, nigora, umed, khujand, kulob):
    named(nigora, khujand, "Ҷамила Раҳимова", "+992 92 700 00 01")
    own = named(umed, kulob, "Ҷамила Раҳимова", "+992 92 700 00 01")
    client.force_login(umed)

    page = client.get(reverse("counselling:visitor", args=[own.pk]))

    assert page.context["duplicates"] == []


def test_merging_moves_consultations_fills_gaps_and_is_audited(client, nigora, khujand):
    keep = named(nigora, khujand, "Ҷамила Раҳимова")
    duplicate = named(nigora, khujand, "Джамила", "+992 92 700 00 01", birth_year=1994)
    consultation = make_consultation(nigora, khujand, visitor=duplicate)
    client.force_login(nigora)

    client.post(reverse("counselling:visitor_merge", args=[keep.pk]), {"duplicate": duplicate.pk})

    keep.refresh_from_db()
    duplicate.refresh_from_db()
    assert Consultation.objects.get(pk=consultation.pk).visitor == keep
    assert (keep.name, keep.phone, keep.birth_year) == (
        "Ҷамила Раҳимова",
        "+992 92 700 00 01",
        1994,
    )
    assert duplicate.merged_into == keep
    merges = AuditEntry.objects.filter(action=AuditAction.MERGE, actor=nigora)
    assert {entry.object_id for entry in merges} == {str(keep.pk), str(duplicate.pk)}
    listing = client.get(reverse("counselling:visitors"))
    assert list(listing.context["page"]) == [keep]


def test_nobody_merges_a_visitor_of_an_office_they_cannot_see(client, nigora, umed, khujand, kulob):
    theirs = named(nigora, khujand, "Ҷамила")
    own = named(umed, kulob, "Ҷамила")
    client.force_login(umed)

    response = client.post(
        reverse("counselling:visitor_merge", args=[own.pk]), {"duplicate": theirs.pk}
    )

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.merged_into is None


def test_merging_a_visitor_into_itself_is_refused(nigora, khujand):
    visitor = named(nigora, khujand, "Ҷамила")

    with pytest.raises(ValidationError):
        merge_visitors(actor=nigora, keep=visitor, duplicate=visitor)


def test_anonymising_removes_what_identifies_and_keeps_the_counts(nigora, khujand):
    visitor = named(nigora, khujand, "Ҷамила", "+992 92 700 00 01", birth_year=1994, sex="female")
    make_consultation(nigora, khujand, visitor=visitor)

    anonymise_visitor(actor=nigora, visitor=visitor)

    visitor.refresh_from_db()
    assert (visitor.name, visitor.phone, visitor.birth_year) == ("", "", None)
    assert (visitor.sex, visitor.age_group) == ("female", "25-34")
    assert visitor.consultations.count() == 1
    change = AuditEntry.objects.filter(action=AuditAction.UPDATE, object_id=str(visitor.pk)).get()
    assert {"name", "phone", "birth_year"} <= set(change.fields)


def test_another_branch_cannot_find_or_open_khujands_visitors(client, nigora, umed, khujand):
    visitor = named(nigora, khujand, "Ҷамила Раҳимова", "+992 92 700 00 01")
    client.force_login(umed)

    found = client.get(reverse("counselling:visitors"), {"q": "Ҷамила"})
    by_phone = client.get(reverse("counselling:visitors"), {"q": "700 00 01"})
    detail = client.get(reverse("counselling:visitor", args=[visitor.pk]))

    assert list(found.context["page"]) == list(by_phone.context["page"]) == []
    assert detail.status_code == 404


def test_a_counsellor_finds_a_visitor_by_any_spelling_or_phone(client, nigora, khujand):
    visitor = named(nigora, khujand, "Ҷамила Раҳимова", "+992 92 700 00 01")
    client.force_login(nigora)

    for text in ["рахимова", "Rahimova", "700 00 01"]:
        found = client.get(reverse("counselling:visitors"), {"q": text})
        assert list(found.context["page"]) == [visitor], text


def test_retention_anonymises_only_visitors_unseen_for_years(nigora, khujand):
    old = named(nigora, khujand, "Ҷамила", "+992 92 700 00 01")
    recent = named(nigora, khujand, "Мадина", "+992 92 700 00 02")
    Visitor.objects.filter(pk__in=[old.pk, recent.pk]).update(
        created_at=timezone.now() - datetime.timedelta(days=365 * 6)
    )
    make_consultation(nigora, khujand, visitor=recent)

    call_command("anonymise_visitors", "--years", "5", stdout=io.StringIO())

    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.name, old.phone) == ("", "")
    assert (recent.name, recent.phone) == ("Мадина", "+992 92 700 00 02")
