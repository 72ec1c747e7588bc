"""Orientation courses of the pre-departure centres, their participants and certificates.

A certificate exists only for an enrolment whose attendance was recorded: that is what makes it
worth verifying (elsewhere certificates are sold without anyone attending).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from rohnamo.core.models import OfficeOwnedModel
from rohnamo.counselling.choices import Sex
from rohnamo.departure.courses.choices import CourseStatus, EnrolmentChannel, EnrolmentStatus
from rohnamo.lib.codes import grouped


class Course(OfficeOwnedModel):
    """An orientation course a centre (its ``office``) runs for people about to leave."""

    title = models.CharField(_("title"), max_length=200)
    destination = models.ForeignKey(
        "core.Country", models.PROTECT, related_name="+", verbose_name=_("destination country")
    )
    language = models.ForeignKey(
        "core.Language", models.PROTECT, related_name="+", verbose_name=_("language")
    )
    place = models.CharField(_("place"), max_length=300)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    seats = models.PositiveSmallIntegerField(
        _("seats"), validators=[MinValueValidator(1), MaxValueValidator(1000)]
    )
    threshold = models.PositiveSmallIntegerField(
        _("attendance needed for a certificate (%)"),
        default=80,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    status = models.CharField(
        _("status"), max_length=10, choices=CourseStatus.choices, default=CourseStatus.DRAFT
    )
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("trainers")
    )
    published = models.BooleanField(
        _("shown on the public site"),
        default=False,
        help_text=_("Open courses marked here are listed publicly and take online enrolments."),
    )

    class Meta:
        verbose_name = _("orientation course")
        verbose_name_plural = _("orientation courses")
        ordering = ["starts_on", "id"]
        indexes = [models.Index(fields=["office", "starts_on"], name="course_office_start_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="course_dates_order"
            )
        ]

    def __str__(self):
        return self.title


class CourseSession(models.Model):
    """One meeting of a course; attendance is marked per session."""

    course = models.ForeignKey(
        Course, models.CASCADE, related_name="sessions", verbose_name=_("course")
    )
    date = models.DateField(_("date"))
    starts_at = models.TimeField(_("start time"))
    topic = models.CharField(_("topic"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("course session")
        verbose_name_plural = _("course sessions")
        ordering = ["date", "starts_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["course", "date", "starts_at"], name="coursesession_unique"
            )
        ]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.starts_at:%H:%M}"


class Enrolment(models.Model):
    """A person enrolled in (or waiting for) a course. Name, phone and passport are personal
    data, removed by the anonymiser years after the course; sex, birth year and district stay
    for the counts."""

    course = models.ForeignKey(
        Course, models.CASCADE, related_name="enrolments", verbose_name=_("course")
    )
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    # Folded name for refusing a second enrolment of the same person; emptied with the name.
    name_key = models.CharField(_("name for comparison"), max_length=200, blank=True)
    sex = models.CharField(_("sex"), max_length=6, choices=Sex.choices)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"))
    district = models.ForeignKey(
        "core.District",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("home district"),
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    passport_number = models.CharField(_("passport number"), max_length=20, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=EnrolmentStatus.choices,
        default=EnrolmentStatus.ENROLLED,
    )
    channel = models.CharField(_("channel"), max_length=6, choices=EnrolmentChannel.choices)
    created_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("enrolled by"),
    )
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        # The waiting list is served in the order people asked.
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["course", "status"], name="enrolment_course_status_idx")]

    def __str__(self):
        return self.full_name or f"#{self.pk}"


class Attendance(models.Model):
    """Whether an enrolled person was present at one session."""

    enrolment = models.ForeignKey(
        Enrolment, models.CASCADE, related_name="attendance", verbose_name=_("enrolment")
    )
    session = models.ForeignKey(
        CourseSession, models.CASCADE, related_name="attendance", verbose_name=_("session")
    )
    present = models.BooleanField(_("present"), default=False)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("marked by"),
    )
    marked_at = models.DateTimeField(_("marked at"), auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance records")
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "session"], name="attendance_unique")
        ]

    def __str__(self):
        return f"{self.enrolment_id}@{self.session_id}: {self.present}"


class Certificate(models.Model):
    """Proof that a person attended a course; verifiable by its ``code`` on the public site."""

    enrolment = models.OneToOneField(
        Enrolment, models.PROTECT, related_name="certificate", verbose_name=_("enrolment")
    )
    code = models.CharField(_("verification code"), max_length=12, unique=True)
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by"),
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    revoke_reason = models.CharField(_("reason for revoking"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "-id"]
        permissions = [("revoke_certificate", _("Can revoke a certificate"))]

    def __str__(self):
        return self.code

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    @property
    def display_code(self):
        """``K7Q4-MX2P-AB3C``: the code as printed and read aloud."""
        return grouped(self.code)
