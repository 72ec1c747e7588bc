from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from rohnamo.departure.choices import ChecklistPurpose, ChecklistTool
from rohnamo.lib.translated import localized


class ChecklistTemplate(models.Model):
    """The list of things to do before leaving for one destination and purpose, written by the
    centre; people build their own checklist from it."""

    country = models.ForeignKey(
        "core.Country", models.PROTECT, related_name="+", verbose_name=_("destination country")
    )
    purpose = models.CharField(_("purpose of the trip"), max_length=20, choices=ChecklistPurpose)
    title_tg = models.CharField(_("title (Tajik)"), max_length=200)
    title_ru = models.CharField(_("title (Russian)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Only published checklists can be chosen on the public site."),
    )
    order = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("Smaller numbers come first on the public site.")
    )
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("checklist template")
        verbose_name_plural = _("checklist templates")
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "purpose"], name="checklist_template_country_purpose"
            )
        ]

    def __str__(self):
        return f"{self.country.code} {self.purpose}"

    @property
    def title(self):
        return localized(self, "title")


class ChecklistItem(models.Model):
    """One thing to do, with an optional hint and a link to a sheet or a public tool."""

    template = models.ForeignKey(
        ChecklistTemplate, models.CASCADE, related_name="items", verbose_name=_("checklist")
    )
    position = models.PositiveIntegerField(_("position"))
    text_tg = models.CharField(_("text (Tajik)"), max_length=300)
    text_ru = models.CharField(_("text (Russian)"), max_length=300, blank=True)
    text_en = models.CharField(_("text (English)"), max_length=300, blank=True)
    hint_tg = models.TextField(_("hint (Tajik)"), max_length=1000, blank=True)
    hint_ru = models.TextField(_("hint (Russian)"), max_length=1000, blank=True)
    hint_en = models.TextField(_("hint (English)"), max_length=1000, blank=True)
    sheet = models.ForeignKey(
        "knowledge.Sheet",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("information sheet"),
    )
    tool = models.CharField(_("public tool"), max_length=20, choices=ChecklistTool, blank=True)

    class Meta:
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        ordering = ["template", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["template", "position"], name="checklist_item_template_position"
            )
        ]

    def __str__(self):
        return f"{self.position}. {self.text_tg[:60]}"

    @property
    def text(self):
        return localized(self, "text")

    @property
    def hint(self):
        return localized(self, "hint")


class PersonalChecklist(models.Model):
    """A person's own copy of a template: only the code, the language and what is ticked.

    Nothing about the person is kept; the code is the only way back to it.
    """

    code = models.CharField(_("code"), max_length=8, unique=True)
    template = models.ForeignKey(
        ChecklistTemplate,
        models.PROTECT,
        related_name="personal_checklists",
        verbose_name=_("checklist template"),
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_opened_at = models.DateTimeField(_("last opened at"))

    class Meta:
        verbose_name = _("personal checklist")
        verbose_name_plural = _("personal checklists")

    def __str__(self):
        return self.code


class TickedItem(models.Model):
    """An item a person has marked as done on their checklist."""

    checklist = models.ForeignKey(
        PersonalChecklist, models.CASCADE, related_name="ticks", verbose_name=_("checklist")
    )
    item = models.ForeignKey(
        ChecklistItem, models.CASCADE, related_name="ticks", verbose_name=_("item")
    )
    ticked_at = models.DateTimeField(_("ticked at"), auto_now_add=True)

    class Meta:
        verbose_name = _("ticked item")
        verbose_name_plural = _("ticked items")
        constraints = [
            models.UniqueConstraint(fields=["checklist", "item"], name="ticked_item_once")
        ]

    def __str__(self):
        return f"{self.checklist_id}:{self.item_id}"
