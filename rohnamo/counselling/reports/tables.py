"""Labelled tables from the counts: what the report pages show and the workbooks contain.

A table is a list of lines, each a label followed by numbers (or percentage changes, see
``comparison``); the page and the XLSX export both write exactly these lines, so they cannot
disagree. This module builds the tables of one period, one column per office.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rohnamo.core.choices import OfficeKind
from rohnamo.core.models import Country
from rohnamo.counselling.choices import AgeGroup, Channel, EventKind, Sex
from rohnamo.counselling.reports.figures import EventCounts
from rohnamo.knowledge.models import Topic
from rohnamo.lib.collation import sort_key

NOT_STATED = gettext_lazy("Not stated")


@dataclass
class Table:
    """``headings`` name every column, the first the label column; ``footer`` is a total line."""

    key: str
    title: str
    headings: list
    lines: list
    footer: list | None = None
    note: str = ""

    def all_lines(self):
        return [self.headings, *self.lines, *([self.footer] if self.footer else [])]


@dataclass
class Dimension:
    """One breakdown of consultations: its table key, title and how its rows are labelled."""

    key: str
    title: str
    heading: str
    choices: list = field(default_factory=list)  # fixed rows; empty: the categories with data


def dimensions():
    return [
        Dimension("topics", _("Consultations by topic"), _("Topic")),
        Dimension("channel", _("Consultations by channel"), _("Channel"), Channel.choices),
        Dimension("sex", _("Consultations by sex"), _("Sex"), Sex.choices),
        Dimension("age_group", _("Consultations by age group"), _("Age group"), AgeGroup.choices),
        Dimension("destination", _("Consultations by destination country"), _("Country")),
    ]


def topic_note():
    return _("A consultation about several topics counts once under each of them.")


def category_names(*figures):
    """``{"topics": {id: name}, "destination": {id: name}}`` for the ids counted: two queries,
    none when nothing was counted."""
    topic_ids, country_ids = set(), set()
    for item in figures:
        topic_ids |= {key for _office, key in item.topics if key is not None}
        country_ids |= {key for _office, key in item.consultations["destination"] if key}
    names = {"topics": {}, "destination": {}}
    if topic_ids:
        names["topics"] = {topic.pk: topic.name for topic in Topic.objects.filter(pk__in=topic_ids)}
    if country_ids:
        names["destination"] = {
            country.pk: country.name for country in Country.objects.filter(pk__in=country_ids)
        }
    return names


def ordered_offices(offices):
    """The centre first, then the other offices alphabetically."""
    return sorted(
        offices, key=lambda office: (office.kind != OfficeKind.CENTRE, sort_key(office.name))
    )


def counter_of(figures, dimension):
    return figures.topics if dimension.key == "topics" else figures.consultations[dimension.key]


def rows_of(dimension, names, *summed):
    """``[(category, label)]``: fixed choices in their order, or the categories with data from
    the most to the fewest consultations; "Not stated" last, when anything is not stated."""
    if dimension.choices:
        rows = list(dimension.choices)
    else:
        labels = names[dimension.key]
        counted = {key for counts in summed for key, count in counts.items() if count}
        rows = sorted(
            ((key, labels.get(key, "?")) for key in counted if key is not None),
            key=lambda row: (*(-counts[row[0]] for counts in summed), sort_key(row[1])),
        )
    if any(counts[None] for counts in summed):
        rows.append((None, NOT_STATED))
    return rows


def _single_or_offices(offices, measure):
    """Column headings after the label: one per office and a total, or only the measure."""
    if offices:
        return [office.name for office in offices] + [_("Total")]
    return [measure]


def _by_office_cells(offices, value):
    """The cells of one line: ``value(office id)`` per office, then ``value(None)``, the total."""
    return [value(office.pk) for office in offices] + [value(None)]


def _category_cells(offices, counter, summed, key):
    """The cells of one category: its count per office, then its total."""
    return [counter[office.pk, key] for office in offices] + [summed[key]]


def report_tables(figures, offices, names):
    """The tables of one period. ``offices`` are the office columns (empty: one total column)."""
    tables = []
    all_consultations = [_("All consultations")] + _by_office_cells(
        offices, figures.consultation_count
    )
    for dimension in dimensions():
        counter = counter_of(figures, dimension)
        summed = figures.by_category(counter)
        lines = [
            [label, *_category_cells(offices, counter, summed, key)]
            for key, label in rows_of(dimension, names, summed)
        ]
        tables.append(
            Table(
                key=dimension.key,
                title=dimension.title,
                headings=[dimension.heading, *_single_or_offices(offices, _("Consultations"))],
                lines=lines,
                footer=all_consultations,
                note=topic_note() if dimension.key == "topics" else "",
            )
        )
    tables.append(_events_table(figures))
    tables.append(_questionnaires_table(figures, offices))
    if offices:
        tables.insert(0, _offices_table(figures, offices))
    return tables


def _event_cells(counts):
    return [counts.events, counts.female, counts.male, counts.participants]


def _event_headings(first):
    return [first, _("Events"), _("Women and girls"), _("Men and boys"), _("Participants")]


def events_by_kind(figures):
    summed = {}
    for (_office, kind), counts in figures.events.items():
        summed[kind] = summed.get(kind, EventCounts()) + counts
    return summed


def _events_table(figures):
    summed = events_by_kind(figures)
    return Table(
        key="events",
        title=_("Events and participants by type"),
        headings=_event_headings(_("Type of event")),
        lines=[
            [label, *_event_cells(summed.get(kind, EventCounts()))]
            for kind, label in EventKind.choices
        ],
        footer=[_("All events"), *_event_cells(figures.event_counts())],
    )


def questionnaire_rows(*figures):
    titles = {}
    for item in figures:
        titles.update(item.questionnaires)
    return sorted(titles.items(), key=lambda row: sort_key(row[1]))


def _questionnaires_table(figures, offices):
    summed = figures.by_category(figures.responses)
    lines = [
        [title, *_category_cells(offices, figures.responses, summed, key)]
        for key, title in questionnaire_rows(figures)
    ]
    return Table(
        key="questionnaires",
        title=_("Questionnaires answered"),
        headings=[_("Questionnaire"), *_single_or_offices(offices, _("Responses"))],
        lines=lines,
        footer=[_("All questionnaires")] + _by_office_cells(offices, figures.response_count),
    )


def _offices_table(figures, offices):
    def cells(office_id):
        events = figures.event_counts(office_id)
        return [
            figures.consultation_count(office_id),
            events.events,
            events.participants,
            figures.response_count(office_id),
        ]

    return Table(
        key="offices",
        title=_("Totals by office"),
        headings=[
            _("Office"),
            _("Consultations"),
            _("Events"),
            _("Participants"),
            _("Questionnaires answered"),
        ],
        lines=[[office.name, *cells(office.pk)] for office in offices],
        footer=[_("All offices"), *cells(None)],
    )
