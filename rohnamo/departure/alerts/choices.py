"""Choices of alert subscriptions and outgoing messages."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MessageChannel(models.TextChoices):
    SMS = "sms", _("SMS")
    MESSENGER = "messenger", _("Messenger")


class AlertLanguage(models.TextChoices):
    TAJIK = "tg", _("Tajik")
    RUSSIAN = "ru", _("Russian")
    ENGLISH = "en", _("English")


class EndReason(models.TextChoices):
    LINK = "link", _("Stopped by the link")
    REPLY = "reply", _("Stopped by a reply")
    STAFF = "staff", _("Stopped by staff")


class MessageStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed")


class MessageReason(models.TextChoices):
    ALERT = "alert", _("Alert: a newer list names the person")
    CONFIRMATION = "confirmation", _("Confirmation of the subscription")
    UNSUBSCRIBED = "unsubscribed", _("Confirmation of the unsubscription")
