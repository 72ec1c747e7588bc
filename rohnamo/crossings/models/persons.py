from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from rohnamo.core.choices import JobStatus
from rohnamo.crossings.choices import Engine, Sex


class Person(models.Model):
    """A traveller as record linkage sees them: the cards it judged to be one person.

    The descriptive fields are taken from the person's cards (the most frequent filled value), so
    tables can count people by sex, age and district even when some cards are blank. Once
    anonymised (no crossing for longer than the retention period), the person and their cards keep
    only what the statistics need, and linkage leaves them as they are.
    """

    surname = models.CharField(_("surname"), max_length=100, blank=True)
    given_name = models.CharField(_("given name"), max_length=100, blank=True)
    patronymic = models.CharField(_("patronymic"), max_length=100, blank=True)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    residence_district = models.ForeignKey(
        "core.District",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("district of residence"),
    )
    cards = models.PositiveIntegerField(_("cards"), default=0)
    first_crossing = models.DateField(_("first crossing"), null=True, blank=True)
    last_crossing = models.DateField(_("last crossing"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("persons")

    def __str__(self):
        return " ".join(part for part in (self.surname, self.given_name) if part) or f"#{self.pk}"


class Trip(models.Model):
    """A stay abroad: a departure paired with the return that followed it.

    A departure followed by another departure lost its return card: ``returned_on`` is then an
    estimate within the gap and ``return_estimated`` says so. A return with no departure before it
    has ``left_on`` empty.
    """

    person = models.ForeignKey(
        Person, models.CASCADE, related_name="trips", verbose_name=_("person")
    )
    exit_crossing = models.ForeignKey(
        "crossings.Crossing",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("departure card"),
    )
    entry_crossing = models.ForeignKey(
        "crossings.Crossing",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("return card"),
    )
    left_on = models.DateField(_("departed on"), null=True, blank=True)
    returned_on = models.DateField(_("returned on"), null=True, blank=True)
    return_estimated = models.BooleanField(_("return date estimated"), default=False)
    country = models.ForeignKey(
        "core.Country",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("country"),
    )
    stay_days = models.PositiveIntegerField(_("days abroad"), null=True, blank=True)
    # The traveller's sex, birth date and district as linkage knew them when the trip was built:
    # the stock of persons abroad is counted from trips alone, without joining millions of persons.
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    residence_district = models.ForeignKey(
        "core.District",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("district of residence"),
    )

    class Meta:
        verbose_name = _("trip")
        verbose_name_plural = _("trips")
        indexes = [
            models.Index(fields=["left_on", "returned_on"], name="trip_dates"),
            models.Index(fields=["returned_on"], name="trip_returned_on"),
        ]

    def __str__(self):
        return f"{self.left_on or '?'} – {self.returned_on or '?'}"


class LinkageRun(models.Model):
    """One run of record linkage, full or incremental, and what it found."""

    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("started by"),
    )
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    engine = models.CharField(
        _("engine"), max_length=10, choices=Engine.choices, default=Engine.DUCKDB
    )
    incremental = models.BooleanField(_("new cards only"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    cards = models.PositiveIntegerField(_("cards"), default=0)
    persons = models.PositiveIntegerField(_("persons"), default=0)
    review_pairs = models.PositiveIntegerField(_("pairs to review"), default=0)
    metrics = models.JSONField(_("measurements"), default=dict, blank=True)
    job = models.ForeignKey(
        "core.Job",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("background job"),
    )

    class Meta:
        verbose_name = _("linkage run")
        verbose_name_plural = _("linkage runs")
        ordering = ["-started_at", "-id"]

    def __str__(self):
        return f"{self.started_at:%Y-%m-%d %H:%M} ({self.engine})"


class ReviewPair(models.Model):
    """Two cards the last linkage run was unsure about, waiting for a statistician."""

    run = models.ForeignKey(
        LinkageRun, models.CASCADE, related_name="pairs", verbose_name=_("linkage run")
    )
    card_a = models.ForeignKey(
        "crossings.Crossing", models.CASCADE, related_name="+", verbose_name=_("first card")
    )
    card_b = models.ForeignKey(
        "crossings.Crossing", models.CASCADE, related_name="+", verbose_name=_("second card")
    )
    probability = models.FloatField(_("probability of the same person"))

    class Meta:
        verbose_name = _("pair to review")
        verbose_name_plural = _("pairs to review")
        ordering = ["-probability", "id"]
        constraints = [
            models.UniqueConstraint(fields=["card_a", "card_b"], name="one_review_per_pair"),
            models.CheckConstraint(
                condition=models.Q(card_a__lt=models.F("card_b")), name="review_pair_ordered"
            ),
        ]

    def __str__(self):
        return f"{self.card_a_id} ~ {self.card_b_id} ({self.probability:.2f})"


class PairDecision(models.Model):
    """A statistician's verdict on two cards: the same person or not. Every later linkage run
    keeps it, whatever the model thinks."""

    card_a = models.ForeignKey(
        "crossings.Crossing", models.CASCADE, related_name="+", verbose_name=_("first card")
    )
    card_b = models.ForeignKey(
        "crossings.Crossing", models.CASCADE, related_name="+", verbose_name=_("second card")
    )
    same_person = models.BooleanField(_("same person"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), auto_now=True)

    class Meta:
        verbose_name = _("review decision")
        verbose_name_plural = _("review decisions")
        constraints = [
            models.UniqueConstraint(fields=["card_a", "card_b"], name="one_decision_per_pair"),
            models.CheckConstraint(
                condition=models.Q(card_a__lt=models.F("card_b")), name="decision_pair_ordered"
            ),
        ]

    def __str__(self):
        return f"{self.card_a_id} {'=' if self.same_person else '≠'} {self.card_b_id}"
