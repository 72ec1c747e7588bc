"""Partner systems that check the lists by API, and who administers them (administrators)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from rohnamo.core.migration_roles import grant

PERMISSIONS = {
    "view_partnerclient": ["administrator"],
    "add_partnerclient": ["administrator"],
    "change_partnerclient": ["administrator"],
}


def forwards(apps, schema_editor):
    grant(apps, "departure", PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("departure", "0005_courses"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="PartnerClient",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=200, verbose_name="partner system")),
                ("organisation", models.CharField(max_length=200, verbose_name="organisation")),
                (
                    "contact",
                    models.CharField(
                        blank=True,
                        help_text="Who to call when the system misbehaves: name, phone or e-mail.",
                        max_length=300,
                        verbose_name="contact",
                    ),
                ),
                ("token_prefix", models.CharField(max_length=16, verbose_name="token prefix")),
                (
                    "token_hash",
                    models.CharField(max_length=64, unique=True, verbose_name="token (SHA-256)"),
                ),
                (
                    "per_hour",
                    models.PositiveIntegerField(default=600, verbose_name="checks per hour"),
                ),
                (
                    "per_day",
                    models.PositiveIntegerField(default=5000, verbose_name="checks per day"),
                ),
                (
                    "sees_reason",
                    models.BooleanField(
                        default=False, verbose_name="receives the reason of a listing"
                    ),
                ),
                ("active", models.BooleanField(default=True, verbose_name="active")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created at")),
                (
                    "revoked_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="revoked at"),
                ),
                (
                    "last_used_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="last used at"),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="created by",
                    ),
                ),
                (
                    "revoked_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="revoked by",
                    ),
                ),
            ],
            options={
                "verbose_name": "partner system",
                "verbose_name_plural": "partner systems",
                "ordering": ["name", "id"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("per_day__gte", models.F("per_hour")), ("per_hour__gte", 1)
                        ),
                        name="partner_limits_sensible",
                        violation_error_message="Allow at least one check an hour, and no fewer a day than an hour.",
                    )
                ],
            },
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
