"""Administering partner systems: creating one (its token shown once) and revoking it."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rohnamo.core.audit import record
from rohnamo.core.choices import AuditAction
from rohnamo.departure.models import PartnerClient
from rohnamo.departure.models.partners import DEFAULT_PER_DAY, DEFAULT_PER_HOUR
from rohnamo.departure.partners.tokens import new_token, token_hash, visible_prefix


def _check_limits(per_hour, per_day):
    errors = {}
    if per_hour < 1:
        errors["per_hour"] = _("Allow at least one check an hour.")
    if per_day < per_hour:
        errors["per_day"] = _("The daily limit cannot be lower than the hourly limit.")
    if errors:
        raise ValidationError(errors)


def create_partner_client(
    *,
    actor,
    name,
    organisation,
    contact="",
    per_hour=DEFAULT_PER_HOUR,
    per_day=DEFAULT_PER_DAY,
    sees_reason=False,
):
    """Register a partner system and make its token.

    Returns ``(client, token)``: the token exists only in this return value, to be shown once.
    The audit entry names the system, never the token.
    """
    _check_limits(per_hour, per_day)
    token = new_token()
    with transaction.atomic():
        client = PartnerClient.objects.create(
            name=name.strip(),
            organisation=organisation.strip(),
            contact=contact.strip(),
            token_prefix=visible_prefix(token),
            token_hash=token_hash(token),
            per_hour=per_hour,
            per_day=per_day,
            sees_reason=sees_reason,
            created_by=actor,
        )
        record(actor=actor, action=AuditAction.CREATE, obj=client, label=client.name)
    return client, token


def revoke_partner_client(*, actor, client):
    """Close ``client``'s token for good; its past checks stay in the log under its name."""
    with transaction.atomic():
        client = PartnerClient.objects.select_for_update().get(pk=client.pk)
        if client.revoked_at is not None:
            raise ValidationError(_("This partner token was already revoked."))
        client.active = False
        client.revoked_at = timezone.now()
        client.revoked_by = actor
        client.save(update_fields=["active", "revoked_at", "revoked_by"])
        record(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=client,
            fields=["active", "revoked_at", "revoked_by"],
            label=client.name,
        )
    return client
