"""Alerts of the public check: who asked to be told about a newer list, and what was sent.

A subscription never holds the identity it watches: only the keyed hashes the log of checks
uses (``rohnamo.departure.privacy``). The phone number is encrypted at rest; a keyed hash of its
last nine digits finds the subscriptions of a number that replies "STOP".
"""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from rohnamo.departure.alerts.choices import (
    AlertLanguage,
    EndReason,
    MessageChannel,
    MessageReason,
    MessageStatus,
)
from rohnamo.lib.encryption import EncryptedTextField


def new_token():
    """An unguessable token for the unsubscribe link (256 bits)."""
    return secrets.token_urlsafe(32)


class Subscription(models.Model):
    """A person's request to be told when a newer list names them, with their consent."""

    passport_hash = models.CharField(
        _("passport and date of birth (keyed hash)"), max_length=64, blank=True, db_index=True
    )
    name_hash = models.CharField(
        _("full name and date of birth (keyed hash)"), max_length=64, blank=True, db_index=True
    )
    # A list that gives only a surname names the person on surname and birth date, as the check.
    surname_hash = models.CharField(
        _("surname and date of birth (keyed hash)"), max_length=64, blank=True, db_index=True
    )
    phone = EncryptedTextField(_("phone number"), blank=True)
    phone_hash = models.CharField(_("phone number (keyed hash)"), max_length=64, db_index=True)
    channel = models.CharField(_("channel"), max_length=10, choices=MessageChannel.choices)
    language = models.CharField(_("language"), max_length=2, choices=AlertLanguage.choices)
    consent_version = models.CharField(_("version of the consent text"), max_length=20)
    consented_at = models.DateTimeField(_("consent given at"))
    token = models.CharField(
        _("unsubscribe token"), max_length=64, unique=True, default=new_token, editable=False
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True, db_index=True)
    end_reason = models.CharField(
        _("why it ended"), max_length=10, choices=EndReason.choices, blank=True
    )

    class Meta:
        verbose_name = _("alert subscription")
        verbose_name_plural = _("alert subscriptions")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"#{self.pk} {self.get_channel_display()}"

    @property
    def is_active(self):
        return self.ended_at is None


class AlertedList(models.Model):
    """The newest version of a list a subscription has been told about (or saw on the page).

    One row per subscription and list (country, kind and name): a re-import of that version or
    an older one never alerts again; only a newer version can.
    """

    subscription = models.ForeignKey(
        Subscription, models.CASCADE, related_name="alerted", verbose_name=_("subscription")
    )
    country = models.ForeignKey(
        "core.Country", models.PROTECT, related_name="+", verbose_name=_("country of the list")
    )
    kind = models.CharField(_("kind of list"), max_length=12)
    list_name = models.CharField(_("name of the list (folded)"), max_length=200)
    received_on = models.DateField(_("received on"))
    ban_list = models.ForeignKey(
        "departure.BanList",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("list version"),
    )

    class Meta:
        verbose_name = _("list a subscription was told about")
        verbose_name_plural = _("lists subscriptions were told about")
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "country", "kind", "list_name"],
                name="alerted_list_once_per_subscription",
            )
        ]

    def __str__(self):
        return f"{self.list_name} ({self.received_on:%Y-%m-%d})"


class OutgoingMessage(models.Model):
    """One message to a subscriber (the outbox): queued, then sent (or failed), then delivered."""

    subscription = models.ForeignKey(
        Subscription,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="messages",
        verbose_name=_("subscription"),
    )
    channel = models.CharField(_("channel"), max_length=10, choices=MessageChannel.choices)
    language = models.CharField(_("language"), max_length=2, choices=AlertLanguage.choices)
    recipient = EncryptedTextField(_("recipient"), blank=True)
    body = EncryptedTextField(_("text"), blank=True)
    reason = models.CharField(_("reason"), max_length=12, choices=MessageReason.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=MessageStatus.choices, default=MessageStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    gateway_id = models.CharField(_("gateway message id"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing message")
        verbose_name_plural = _("outgoing messages")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "created_at"], name="outgoing_status_created"),
            models.Index(fields=["gateway_id"], name="outgoing_gateway_id"),
        ]

    def __str__(self):
        return f"#{self.pk} {self.get_reason_display()} ({self.get_status_display()})"
