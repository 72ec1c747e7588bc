import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from rohnamo.cases.choices import CaseStatus, EntryKind, ReferralStatus
from rohnamo.cases.models.cases import Case
from rohnamo.lib.encryption import EncryptedTextField


class CaseEntry(models.Model):
    """One line of a case's timeline: a note, a status change with its reason, an assignment,
    a referral, a task or a document. The text is encrypted at rest."""

    case = models.ForeignKey(Case, models.CASCADE, related_name="entries", verbose_name=_("case"))
    kind = models.CharField(_("kind"), max_length=10, choices=EntryKind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    text = EncryptedTextField(_("text"), blank=True)
    from_status = models.CharField(
        _("from status"), max_length=12, choices=CaseStatus.choices, blank=True
    )
    to_status = models.CharField(
        _("to status"), max_length=12, choices=CaseStatus.choices, blank=True
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.case} {self.kind}"


class CaseTask(models.Model):
    """Something to do for a case by a date."""

    case = models.ForeignKey(Case, models.CASCADE, related_name="tasks", verbose_name=_("case"))
    title = models.CharField(_("task"), max_length=300)
    due_on = models.DateField(_("due on"))
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assigned to"),
    )
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["done_at", "due_on", "id"]

    def __str__(self):
        return self.title


class Attachment(models.Model):
    """A document of a case, stored encrypted outside the web root and served only after a
    permission check (``cases.attachments``)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(
        Case, models.CASCADE, related_name="attachments", verbose_name=_("case")
    )
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    path = models.CharField(_("stored as"), max_length=300, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("attached document")
        verbose_name_plural = _("attached documents")
        ordering = ["created_at"]

    def __str__(self):
        return self.name


class Referral(models.Model):
    """A case sent to a service of the directory, with the client's consent, until the
    organisation answers and reports whether the service was provided."""

    case = models.ForeignKey(Case, models.CASCADE, related_name="referrals", verbose_name=_("case"))
    service = models.ForeignKey(
        "directory.Service", models.PROTECT, related_name="referrals", verbose_name=_("service")
    )
    organization = models.ForeignKey(
        "directory.Organization",
        models.PROTECT,
        related_name="referrals",
        verbose_name=_("organisation"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ReferralStatus.choices, default=ReferralStatus.SENT
    )
    message = EncryptedTextField(
        _("message to the organisation"),
        blank=True,
        help_text=_("What the organisation needs to know; the case narrative is not shared."),
    )
    consent_given = models.BooleanField(_("the client agreed to the referral"), default=False)
    consent_note = models.CharField(_("how consent was given"), max_length=300, blank=True)
    answer_note = EncryptedTextField(_("answer"), blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    outcome_at = models.DateTimeField(_("outcome recorded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["-sent_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(consent_given=True), name="referral_needs_consent"
            )
        ]

    def __str__(self):
        return f"{self.case} → {self.organization}"
