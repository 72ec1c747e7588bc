"""Who changed or viewed what is written down, in the same transaction, and stays written."""

import pytest
from django.db import transaction
from django.urls import reverse

from rohnamo.core import audit
from rohnamo.core.choices import AuditAction
from rohnamo.core.models import AuditEntry
from rohnamo.core.request_context import current_ip
from rohnamo.core.services import update_office_contacts
from rohnamo.core.tests.factories import PASSWORD
from rohnamo.core.tests.testapp.models import Dossier


def test_a_change_is_logged_with_field_names_but_not_values(bahrom, kulob):
    token = current_ip.set("10.20.30.40")
    try:
        update_office_contacts(actor=bahrom, office=kulob, hotline="+992 33 777 88 99")
    finally:
        current_ip.reset(token)
    entry = AuditEntry.objects.get(action=AuditAction.UPDATE)
    assert (entry.actor, entry.actor_name, entry.office, entry.fields) == (
        bahrom,
        "bahrom",
        kulob,
        ["hotline"],
    )
    assert entry.ip_address == "10.20.30.40"
    assert entry.object_id == str(kulob.pk)
    assert "777" not in str(entry)


def test_saving_without_a_change_writes_nothing(bahrom, kulob):
    update_office_contacts(actor=bahrom, office=kulob, hotline=kulob.hotline)
    assert not AuditEntry.objects.exists()


def test_a_rolled_back_change_leaves_neither_the_change_nor_its_entry(bahrom, kulob):
    with pytest.raises(RuntimeError), transaction.atomic():
        update_office_contacts(actor=bahrom, office=kulob, hotline="+992 33 777 88 99")
        raise RuntimeError("the request failed after the service call")
    kulob.refresh_from_db()
    assert kulob.hotline == "+992 33 444 55 66"
    assert not AuditEntry.objects.exists()


def test_an_invalid_change_is_refused_and_not_logged(bahrom, kulob):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        update_office_contacts(actor=bahrom, office=kulob, email="nonsense")
    assert not AuditEntry.objects.exists()


def test_viewing_a_restricted_record_is_logged(nigora, khujand):
    secret = Dossier.objects.create(office=khujand, title="Trafficking victim", is_restricted=True)
    audit.record_view(actor=nigora, obj=secret)
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.actor, entry.object_id, entry.office) == (
        AuditAction.VIEW,
        nigora,
        str(secret.pk),
        khujand,
    )
    assert "Trafficking" not in str(entry)


def test_viewing_an_ordinary_record_is_not_logged(nigora, khujand):
    audit.record_view(actor=nigora, obj=Dossier.objects.create(office=khujand, title="Routine"))
    assert not AuditEntry.objects.exists()


def test_entries_cannot_be_changed_or_deleted(bahrom, kulob):
    update_office_contacts(actor=bahrom, office=kulob, hotline="+992 33 777 88 99")
    entry = AuditEntry.objects.get()
    entry.fields = []
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.update(fields=[])
    assert AuditEntry.objects.get().fields == ["hotline"]


def test_not_even_an_administrator_can_delete_entries_in_the_admin(client, farida, bahrom, kulob):
    update_office_contacts(actor=bahrom, office=kulob, hotline="+992 33 777 88 99")
    entry = AuditEntry.objects.get()
    client.force_login(farida)
    response = client.post(
        reverse("admin:core_auditentry_delete", args=[entry.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_changing_a_user_in_the_admin_is_logged(client, farida, nigora, khujand):
    client.force_login(farida)
    url = reverse("admin:core_user_change", args=[nigora.pk])
    form = {
        "username": "nigora",
        "first_name": "Nigora",
        "last_name": "Karimova",
        "email": "",
        "phone": "+992 92 000 00 00",
        "is_active": "on",
        "groups": [group.pk for group in nigora.groups.all()],
        "memberships-TOTAL_FORMS": "1",
        "memberships-INITIAL_FORMS": "1",
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
        "memberships-0-id": nigora.memberships.get().pk,
        "memberships-0-user": nigora.pk,
        "memberships-0-office": khujand.pk,
    }
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = AuditEntry.objects.get(action=AuditAction.UPDATE)
    assert entry.actor == farida
    assert set(entry.fields) == {"first_name", "last_name", "phone"}
    assert "+992 92" not in str(entry.fields)


def test_a_login_is_logged_with_the_address(client, nigora):
    client.post(
        reverse("staff:login"),
        {"username": "nigora", "password": PASSWORD},
        REMOTE_ADDR="192.0.2.7",
    )
    entry = AuditEntry.objects.get(action=AuditAction.LOGIN)
    assert (entry.actor, entry.ip_address) == (nigora, "192.0.2.7")


class TestAuditLogPage:
    @pytest.fixture
    def entries(self, bahrom, nigora, kulob, khujand):
        update_office_contacts(actor=bahrom, office=kulob, hotline="+992 33 777 88 99")
        update_office_contacts(actor=bahrom, office=khujand, email="khujand@example.org")
        secret = Dossier.objects.create(office=khujand, title="x", is_restricted=True)
        audit.record_view(actor=nigora, obj=secret)

    def test_an_administrator_filters_by_action(self, client, farida, entries):
        client.force_login(farida)
        page = client.get(reverse("staff:audit"), {"action": "view"}).content.decode()
        assert "nigora" in page
        assert "bahrom" not in page

    def test_an_administrator_filters_by_office(self, client, farida, entries, kulob):
        client.force_login(farida)
        response = client.get(reverse("staff:audit"), {"office": kulob.pk})
        assert [entry.office for entry in response.context["page"]] == [kulob]

    def test_a_reversed_date_range_is_explained(self, client, farida, entries):
        client.force_login(farida)
        client.cookies["django_language"] = "en"
        page = client.get(
            reverse("staff:audit"), {"date_from": "2026-05-02", "date_to": "2026-05-01"}
        ).content.decode()
        assert "The start date is after the end date." in page

    def test_a_manager_cannot_open_the_audit_log(self, client, bahrom, entries):
        client.force_login(bahrom)
        assert client.get(reverse("staff:audit")).status_code == 404
