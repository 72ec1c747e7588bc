from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rohnamo.core.models import OfficeOwnedModel
from rohnamo.counselling.choices import QuestionKind, QuestionnaireStatus
from rohnamo.lib.translated import localized


class Questionnaire(models.Model):
    """A survey the centre runs to learn what visitors need; its content lives in versions."""

    code = models.SlugField(
        _("code"),
        max_length=60,
        unique=True,
        help_text=_("Latin letters, digits and hyphens; also the form id in XLSForm."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        ordering = ["code"]

    def __str__(self):
        return self.code


class QuestionnaireVersion(models.Model):
    """One version of a questionnaire. Once published it never changes: edits make a new draft,
    and every response keeps the version it answered."""

    questionnaire = models.ForeignKey(
        Questionnaire, models.CASCADE, related_name="versions", verbose_name=_("questionnaire")
    )
    number = models.PositiveIntegerField(_("version number"))
    title_tg = models.CharField(_("title in Tajik"), max_length=200)
    title_ru = models.CharField(_("title in Russian"), max_length=200, blank=True)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=QuestionnaireStatus.choices,
        default=QuestionnaireStatus.DRAFT,
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("questionnaire version")
        verbose_name_plural = _("questionnaire versions")
        ordering = ["questionnaire", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "number"], name="questionnaireversion_unique_number"
            ),
            models.UniqueConstraint(
                fields=["questionnaire"],
                condition=Q(status="draft"),
                name="questionnaireversion_one_draft",
            ),
        ]

    def __str__(self):
        return f"{self.title} (v{self.number})"

    @property
    def title(self):
        return localized(self, "title")


class Question(models.Model):
    """A question of one questionnaire version, labelled in each interface language."""

    version = models.ForeignKey(
        QuestionnaireVersion,
        models.CASCADE,
        related_name="questions",
        verbose_name=_("questionnaire version"),
    )
    position = models.PositiveSmallIntegerField(_("position"))
    name = models.SlugField(
        _("name"),
        max_length=60,
        help_text=_("A short Latin identifier, the column name in exports and XLSForm."),
    )
    kind = models.CharField(_("type"), max_length=16, choices=QuestionKind.choices)
    label_tg = models.CharField(_("question in Tajik"), max_length=500)
    label_ru = models.CharField(_("question in Russian"), max_length=500, blank=True)
    label_en = models.CharField(_("question in English"), max_length=500, blank=True)
    required = models.BooleanField(_("answer required"), default=False)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "name"], name="question_unique_name"),
        ]

    def __str__(self):
        return self.name

    @property
    def label(self):
        return localized(self, "label")

    @property
    def has_choices(self):
        return self.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE)


class Choice(models.Model):
    """One possible answer of a single or multiple choice question."""

    question = models.ForeignKey(
        Question, models.CASCADE, related_name="choices", verbose_name=_("question")
    )
    position = models.PositiveSmallIntegerField(_("position"))
    name = models.CharField(_("name"), max_length=60)
    label_tg = models.CharField(_("answer in Tajik"), max_length=300)
    label_ru = models.CharField(_("answer in Russian"), max_length=300, blank=True)
    label_en = models.CharField(_("answer in English"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("answer choice")
        verbose_name_plural = _("answer choices")
        ordering = ["question", "position"]
        constraints = [
            models.UniqueConstraint(fields=["question", "name"], name="choice_unique_name"),
        ]

    def __str__(self):
        return self.label

    @property
    def label(self):
        return localized(self, "label")


class Response(OfficeOwnedModel):
    """One filled-in questionnaire, kept with the version it answered."""

    version = models.ForeignKey(
        QuestionnaireVersion,
        models.PROTECT,
        related_name="responses",
        verbose_name=_("questionnaire version"),
    )
    visitor = models.ForeignKey(
        "counselling.Visitor",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="responses",
        verbose_name=_("visitor"),
    )
    consultation = models.ForeignKey(
        "counselling.Consultation",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="responses",
        verbose_name=_("consultation"),
    )
    answered_on = models.DateField(_("answered on"))

    class Meta:
        verbose_name = _("questionnaire response")
        verbose_name_plural = _("questionnaire responses")
        ordering = ["-answered_on", "-id"]
        indexes = [models.Index(fields=["office", "answered_on"], name="response_office_date_idx")]

    def __str__(self):
        return _("Response %(number)s") % {"number": self.pk}


class Answer(models.Model):
    """The answer to one question; exactly the value field of the question's type is filled."""

    response = models.ForeignKey(
        Response, models.CASCADE, related_name="answers", verbose_name=_("response")
    )
    question = models.ForeignKey(
        Question, models.PROTECT, related_name="answers", verbose_name=_("question")
    )
    text = models.TextField(_("text"), blank=True)
    number = models.DecimalField(_("number"), max_digits=12, decimal_places=2, null=True)
    date = models.DateField(_("date"), null=True)
    yes = models.BooleanField(_("yes"), null=True)
    choices = models.ManyToManyField(
        Choice, blank=True, related_name="+", verbose_name=_("choices")
    )

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="answer_one_per_question")
        ]

    def __str__(self):
        return f"{self.response_id}/{self.question_id}"
