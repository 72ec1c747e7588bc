"""The counts behind the reports, each one GROUP BY query in the database.

A year of a busy branch is hundreds of thousands of consultations: no row is ever brought into
Python. Each query returns at most a few hundred groups (offices × categories), which the
``tables`` module sums and labels. Everything is read through the permission gatekeepers in
``rohnamo.counselling.queries``, so a person only ever counts what they may see.
"""

from collections import Counter
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.db.models import Count, Sum

from rohnamo.counselling.queries import (
    consultations_visible_to,
    events_visible_to,
    responses_visible_to,
)
from rohnamo.lib.translated import localized

# The consultation fields counted one category per consultation.
DIMENSIONS = ["channel", "sex", "age_group", "destination"]


@dataclass(frozen=True)
class EventCounts:
    events: int = 0
    female: int = 0
    male: int = 0
    participants: int = 0

    def __add__(self, other):
        return EventCounts(
            self.events + other.events,
            self.female + other.female,
            self.male + other.male,
            self.participants + other.participants,
        )


@dataclass
class Figures:
    """The counts of one period, each keyed by ``(office id, category)``.

    ``consultations[dimension]`` counts consultations by channel, sex, age group and destination
    (country id); ``topics`` by topic id (None: no topic recorded; a consultation about two
    topics counts under both); ``events`` by event kind; ``responses`` by questionnaire id.
    """

    consultations: dict = field(default_factory=dict)
    topics: Counter = field(default_factory=Counter)
    events: dict = field(default_factory=dict)
    responses: Counter = field(default_factory=Counter)
    questionnaires: dict = field(default_factory=dict)

    def office_ids(self):
        """Offices with at least one consultation, event or response in the period."""
        keys = [*self.consultations["channel"], *self.events, *self.responses]
        return {office_id for office_id, _category in keys}

    def total(self, counter, office_id=None):
        return sum(n for (office, _key), n in counter.items() if office_id in (None, office))

    def by_category(self, counter):
        """``counter`` summed over the offices: ``{category: count}``."""
        summed = Counter()
        for (_office, key), count in counter.items():
            summed[key] += count
        return summed

    def consultation_count(self, office_id=None):
        return self.total(self.consultations["channel"], office_id)

    def event_counts(self, office_id=None):
        found = [
            counts for (office, _kind), counts in self.events.items() if office_id in (None, office)
        ]
        return sum(found, EventCounts())

    def response_count(self, office_id=None):
        return self.total(self.responses, office_id)


def _scoped(queryset, office):
    queryset = queryset.order_by()  # the model's ordering would join the GROUP BY
    return queryset.filter(office=office) if office is not None else queryset


def _count_consultations(figures, consultations):
    for dimension in DIMENSIONS:
        figures.consultations[dimension] = Counter()
    fields = ["office_id", "channel", "sex", "age_group", "destination_id"]
    # One pass over the period's consultations for all four one-category dimensions.
    for office_id, *values, count in consultations.values_list(*fields).annotate(n=Count("id")):
        for dimension, value in zip(DIMENSIONS, values, strict=True):
            # Blank text and a missing country alike are "not stated": one key, None.
            figures.consultations[dimension][office_id, value or None] += count
    # The topics come through the many-to-many table; LEFT JOIN gives None for no topic.
    grouped = consultations.values_list("office_id", "topics").annotate(n=Count("id"))
    figures.topics.update({(office_id, topic): count for office_id, topic, count in grouped})


def _count_events(figures, events):
    grouped = events.values_list("office_id", "kind").annotate(
        n=Count("id"),
        female=Sum("participants_female"),
        male=Sum("participants_male"),
        participants=Sum("participants_total"),
    )
    for office_id, kind, *counts in grouped:
        figures.events[office_id, kind] = EventCounts(*counts)


def _count_responses(figures, responses):
    # Grouping also by version keeps the title of the newest version answered at no extra query.
    fields = [
        "office_id",
        "version__questionnaire_id",
        "version__number",
        "version__title_tg",
        "version__title_ru",
        "version__title_en",
    ]
    newest = {}
    for office_id, questionnaire, number, *titles, count in responses.values_list(*fields).annotate(
        n=Count("id")
    ):
        figures.responses[office_id, questionnaire] += count
        if number >= newest.get(questionnaire, (0, None))[0]:
            newest[questionnaire] = (number, titles)
    for questionnaire, (_number, (tg, ru, en)) in newest.items():
        version = SimpleNamespace(title_tg=tg, title_ru=ru, title_en=en)
        figures.questionnaires[questionnaire] = localized(version, "title")


def count_period(user, period, office=None):
    """The Figures of ``period`` for the offices ``user`` may see (or only ``office``)."""
    start, after = period.datetime_range()
    figures = Figures()
    consultations = _scoped(consultations_visible_to(user), office).filter(
        started_at__gte=start, started_at__lt=after
    )
    _count_consultations(figures, consultations)
    events = _scoped(events_visible_to(user), office).filter(
        date__gte=period.start, date__lte=period.end
    )
    _count_events(figures, events)
    responses = _scoped(responses_visible_to(user), office).filter(
        answered_on__gte=period.start, answered_on__lte=period.end
    )
    _count_responses(figures, responses)
    return figures


def consultations_per_month(user, period, office=None):
    """``[(YYYY-MM, consultations)]`` for the 12 months ending with the period's last month.

    One query: a filtered count per month over the year's rows, no time-zone function per row.
    """
    consultations = _scoped(consultations_visible_to(user), office)
    return period.count_per_month(consultations, "started_at")
