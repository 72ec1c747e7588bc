"""Orientation courses, their sessions, enrolments, attendance and certificates; the
permissions of counsellors (run their centre's courses), managers (also delete courses and
revoke certificates) and administrators (everything)."""

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from rohnamo.core.migration_roles import grant

RUN = ["administrator", "manager", "counsellor"]
OVERSEE = ["administrator", "manager"]
ADMIN = ["administrator"]
PERMISSIONS = {
    "view_course": RUN,
    "add_course": RUN,
    "change_course": RUN,
    "delete_course": OVERSEE,
    "view_coursesession": RUN,
    "add_coursesession": RUN,
    "change_coursesession": RUN,
    "delete_coursesession": OVERSEE,
    "view_enrolment": RUN,
    "add_enrolment": RUN,
    "change_enrolment": RUN,
    "delete_enrolment": ADMIN,
    "view_attendance": RUN,
    "add_attendance": RUN,
    "change_attendance": RUN,
    "delete_attendance": ADMIN,
    "view_certificate": RUN,
    "add_certificate": RUN,
    "change_certificate": ADMIN,
    "delete_certificate": ADMIN,
    "revoke_certificate": OVERSEE,
}


def forwards(apps, schema_editor):
    grant(apps, "departure", PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("departure", "0004_checklists"),
        ("core", "0004_alter_auditentry_action"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Course",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created at")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated at")),
                ("title", models.CharField(max_length=200, verbose_name="title")),
                ("place", models.CharField(max_length=300, verbose_name="place")),
                ("starts_on", models.DateField(verbose_name="starts on")),
                ("ends_on", models.DateField(verbose_name="ends on")),
                (
                    "seats",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(1000),
                        ],
                        verbose_name="seats",
                    ),
                ),
                (
                    "threshold",
                    models.PositiveSmallIntegerField(
                        default=80,
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(100),
                        ],
                        verbose_name="attendance needed for a certificate (%)",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("open", "Open for enrolment"),
                            ("closed", "Closed"),
                            ("cancelled", "Cancelled"),
                        ],
                        default="draft",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                (
                    "published",
                    models.BooleanField(
                        default=False,
                        help_text="Open courses marked here are listed publicly and take online enrolments.",
                        verbose_name="shown on the public site",
                    ),
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
                    "destination",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="core.country",
                        verbose_name="destination country",
                    ),
                ),
                (
                    "language",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="core.language",
                        verbose_name="language",
                    ),
                ),
                (
                    "office",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="core.office",
                        verbose_name="office",
                    ),
                ),
                (
                    "trainers",
                    models.ManyToManyField(
                        blank=True,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="trainers",
                    ),
                ),
            ],
            options={
                "verbose_name": "orientation course",
                "verbose_name_plural": "orientation courses",
                "ordering": ["starts_on", "id"],
            },
        ),
        migrations.CreateModel(
            name="CourseSession",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("date", models.DateField(verbose_name="date")),
                ("starts_at", models.TimeField(verbose_name="start time")),
                ("topic", models.CharField(blank=True, max_length=200, verbose_name="topic")),
                (
                    "course",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="sessions",
                        to="departure.course",
                        verbose_name="course",
                    ),
                ),
            ],
            options={
                "verbose_name": "course session",
                "verbose_name_plural": "course sessions",
                "ordering": ["date", "starts_at", "id"],
            },
        ),
        migrations.CreateModel(
            name="Enrolment",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "full_name",
                    models.CharField(blank=True, max_length=200, verbose_name="full name"),
                ),
                (
                    "name_key",
                    models.CharField(
                        blank=True, max_length=200, verbose_name="name for comparison"
                    ),
                ),
                (
                    "sex",
                    models.CharField(
                        choices=[("female", "Female"), ("male", "Male")],
                        max_length=6,
                        verbose_name="sex",
                    ),
                ),
                ("birth_year", models.PositiveSmallIntegerField(verbose_name="year of birth")),
                ("phone", models.CharField(blank=True, max_length=30, verbose_name="phone")),
                (
                    "passport_number",
                    models.CharField(blank=True, max_length=20, verbose_name="passport number"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("enrolled", "Enrolled"),
                            ("waiting", "On the waiting list"),
                            ("cancelled", "Cancelled"),
                        ],
                        default="enrolled",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                (
                    "channel",
                    models.CharField(
                        choices=[("online", "Online"), ("desk", "At the desk")],
                        max_length=6,
                        verbose_name="channel",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="enrolled at")),
                (
                    "anonymised_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="anonymised at"),
                ),
                (
                    "course",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="enrolments",
                        to="departure.course",
                        verbose_name="course",
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="enrolled by",
                    ),
                ),
                (
                    "district",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="core.district",
                        verbose_name="home district",
                    ),
                ),
            ],
            options={
                "verbose_name": "enrolment",
                "verbose_name_plural": "enrolments",
                "ordering": ["created_at", "id"],
            },
        ),
        migrations.CreateModel(
            name="Certificate",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "code",
                    models.CharField(max_length=12, unique=True, verbose_name="verification code"),
                ),
                ("issued_at", models.DateTimeField(auto_now_add=True, verbose_name="issued at")),
                (
                    "revoked_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="revoked at"),
                ),
                (
                    "revoke_reason",
                    models.CharField(
                        blank=True, max_length=500, verbose_name="reason for revoking"
                    ),
                ),
                (
                    "issued_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="issued by",
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
                (
                    "enrolment",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="certificate",
                        to="departure.enrolment",
                        verbose_name="enrolment",
                    ),
                ),
            ],
            options={
                "verbose_name": "certificate",
                "verbose_name_plural": "certificates",
                "ordering": ["-issued_at", "-id"],
                "permissions": [("revoke_certificate", "Can revoke a certificate")],
            },
        ),
        migrations.CreateModel(
            name="Attendance",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("present", models.BooleanField(default=False, verbose_name="present")),
                ("marked_at", models.DateTimeField(auto_now=True, verbose_name="marked at")),
                (
                    "marked_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="marked by",
                    ),
                ),
                (
                    "session",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="attendance",
                        to="departure.coursesession",
                        verbose_name="session",
                    ),
                ),
                (
                    "enrolment",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="attendance",
                        to="departure.enrolment",
                        verbose_name="enrolment",
                    ),
                ),
            ],
            options={
                "verbose_name": "attendance",
                "verbose_name_plural": "attendance records",
            },
        ),
        migrations.AddIndex(
            model_name="course",
            index=models.Index(fields=["office", "starts_on"], name="course_office_start_idx"),
        ),
        migrations.AddConstraint(
            model_name="course",
            constraint=models.CheckConstraint(
                condition=models.Q(("ends_on__gte", models.F("starts_on"))),
                name="course_dates_order",
            ),
        ),
        migrations.AddConstraint(
            model_name="coursesession",
            constraint=models.UniqueConstraint(
                fields=("course", "date", "starts_at"), name="coursesession_unique"
            ),
        ),
        migrations.AddIndex(
            model_name="enrolment",
            index=models.Index(fields=["course", "status"], name="enrolment_course_status_idx"),
        ),
        migrations.AddConstraint(
            model_name="attendance",
            constraint=models.UniqueConstraint(
                fields=("enrolment", "session"), name="attendance_unique"
            ),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
