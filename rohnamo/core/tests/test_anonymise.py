"""A former staff member's personal data can be removed without losing the history."""

import pytest
from rest_framework.authtoken.models import Token

from rohnamo.core.choices import AuditAction
from rohnamo.core.models import AuditEntry
from rohnamo.core.services import anonymise_user, update_office_contacts
from rohnamo.core.tests.factories import PASSWORD


def test_anonymising_removes_personal_data_and_access(farida, bahrom, kulob):
    bahrom.first_name, bahrom.phone, bahrom.email = "Bahrom", "+992 90 123 45 67", "b@example.org"
    bahrom.save()
    Token.objects.create(user=bahrom)
    update_office_contacts(actor=bahrom, office=kulob, hotline="+992 33 000 00 01")

    anonymise_user(actor=farida, user=bahrom)

    bahrom.refresh_from_db()
    assert (bahrom.first_name, bahrom.phone, bahrom.email) == ("", "", "")
    assert bahrom.username == f"former-{bahrom.pk}"
    assert not bahrom.is_active
    assert not bahrom.check_password(PASSWORD)
    assert not Token.objects.filter(user=bahrom).exists()
    change = AuditEntry.objects.get(action=AuditAction.UPDATE, object_id=str(kulob.pk))
    assert change.actor_name == "bahrom"
    assert AuditEntry.objects.filter(actor=farida, object_id=str(bahrom.pk)).exists()


def test_nobody_anonymises_their_own_account(farida):
    with pytest.raises(ValueError):
        anonymise_user(actor=farida, user=farida)
    farida.refresh_from_db()
    assert farida.is_active
