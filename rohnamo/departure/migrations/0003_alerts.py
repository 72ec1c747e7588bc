"""Alerts of the public check: subscriptions (hashes only, phone encrypted), the lists each was
told about, and the outbox. Administrators and statisticians read the outbox."""

import django.db.models.deletion
from django.db import migrations, models

import rohnamo.departure.models.alerts
import rohnamo.lib.encryption
from rohnamo.core.migration_roles import grant

OFFICERS = ["administrator", "statistician"]
PERMISSIONS = {"view_outgoingmessage": OFFICERS, "view_subscription": OFFICERS}


def forwards(apps, schema_editor):
    grant(apps, "departure", PERMISSIONS)


CHANNELS = [("sms", "SMS"), ("messenger", "Messenger")]
LANGUAGES = [("tg", "Tajik"), ("ru", "Russian"), ("en", "English")]


class Migration(migrations.Migration):
    dependencies = [("departure", "0002_roles"), ("core", "0002_roles")]

    operations = [
        migrations.CreateModel(
            name="Subscription",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "passport_hash",
                    models.CharField(
                        blank=True,
                        db_index=True,
                        max_length=64,
                        verbose_name="passport and date of birth (keyed hash)",
                    ),
                ),
                (
                    "name_hash",
                    models.CharField(
                        blank=True,
                        db_index=True,
                        max_length=64,
                        verbose_name="full name and date of birth (keyed hash)",
                    ),
                ),
                (
                    "surname_hash",
                    models.CharField(
                        blank=True,
                        db_index=True,
                        max_length=64,
                        verbose_name="surname and date of birth (keyed hash)",
                    ),
                ),
                (
                    "phone",
                    rohnamo.lib.encryption.EncryptedTextField(
                        blank=True, verbose_name="phone number"
                    ),
                ),
                (
                    "phone_hash",
                    models.CharField(
                        db_index=True, max_length=64, verbose_name="phone number (keyed hash)"
                    ),
                ),
                (
                    "channel",
                    models.CharField(choices=CHANNELS, max_length=10, verbose_name="channel"),
                ),
                (
                    "language",
                    models.CharField(choices=LANGUAGES, max_length=2, verbose_name="language"),
                ),
                (
                    "consent_version",
                    models.CharField(max_length=20, verbose_name="version of the consent text"),
                ),
                ("consented_at", models.DateTimeField(verbose_name="consent given at")),
                (
                    "token",
                    models.CharField(
                        default=rohnamo.departure.models.alerts.new_token,
                        editable=False,
                        max_length=64,
                        unique=True,
                        verbose_name="unsubscribe token",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created at")),
                (
                    "ended_at",
                    models.DateTimeField(
                        blank=True, db_index=True, null=True, verbose_name="ended at"
                    ),
                ),
                (
                    "end_reason",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("link", "Stopped by the link"),
                            ("reply", "Stopped by a reply"),
                            ("staff", "Stopped by staff"),
                        ],
                        max_length=10,
                        verbose_name="why it ended",
                    ),
                ),
            ],
            options={
                "verbose_name": "alert subscription",
                "verbose_name_plural": "alert subscriptions",
                "ordering": ["-created_at", "-id"],
            },
        ),
        migrations.CreateModel(
            name="OutgoingMessage",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "channel",
                    models.CharField(choices=CHANNELS, max_length=10, verbose_name="channel"),
                ),
                (
                    "language",
                    models.CharField(choices=LANGUAGES, max_length=2, verbose_name="language"),
                ),
                (
                    "recipient",
                    rohnamo.lib.encryption.EncryptedTextField(blank=True, verbose_name="recipient"),
                ),
                (
                    "body",
                    rohnamo.lib.encryption.EncryptedTextField(blank=True, verbose_name="text"),
                ),
                (
                    "reason",
                    models.CharField(
                        choices=[
                            ("alert", "Alert: a newer list names the person"),
                            ("confirmation", "Confirmation of the subscription"),
                            ("unsubscribed", "Confirmation of the unsubscription"),
                        ],
                        max_length=12,
                        verbose_name="reason",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("queued", "Queued"),
                            ("sent", "Sent"),
                            ("delivered", "Delivered"),
                            ("failed", "Failed"),
                        ],
                        default="queued",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                ("attempts", models.PositiveSmallIntegerField(default=0, verbose_name="attempts")),
                (
                    "last_error",
                    models.CharField(blank=True, max_length=500, verbose_name="last error"),
                ),
                (
                    "gateway_id",
                    models.CharField(blank=True, max_length=100, verbose_name="gateway message id"),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created at")),
                ("sent_at", models.DateTimeField(blank=True, null=True, verbose_name="sent at")),
                (
                    "delivered_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="delivered at"),
                ),
                (
                    "anonymised_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="anonymised at"),
                ),
                (
                    "subscription",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="messages",
                        to="departure.subscription",
                        verbose_name="subscription",
                    ),
                ),
            ],
            options={
                "verbose_name": "outgoing message",
                "verbose_name_plural": "outgoing messages",
                "ordering": ["-created_at", "-id"],
                "indexes": [
                    models.Index(fields=["status", "created_at"], name="outgoing_status_created"),
                    models.Index(fields=["gateway_id"], name="outgoing_gateway_id"),
                ],
            },
        ),
        migrations.CreateModel(
            name="AlertedList",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("kind", models.CharField(max_length=12, verbose_name="kind of list")),
                (
                    "list_name",
                    models.CharField(max_length=200, verbose_name="name of the list (folded)"),
                ),
                ("received_on", models.DateField(verbose_name="received on")),
                (
                    "ban_list",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="departure.banlist",
                        verbose_name="list version",
                    ),
                ),
                (
                    "country",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="core.country",
                        verbose_name="country of the list",
                    ),
                ),
                (
                    "subscription",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="alerted",
                        to="departure.subscription",
                        verbose_name="subscription",
                    ),
                ),
            ],
            options={
                "verbose_name": "list a subscription was told about",
                "verbose_name_plural": "lists subscriptions were told about",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("subscription", "country", "kind", "list_name"),
                        name="alerted_list_once_per_subscription",
                    ),
                ],
            },
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
