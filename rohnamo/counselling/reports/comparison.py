"""The comparison of a period with the same period a year earlier, as in the state's reports:
each line a label, this period's count, the earlier count and the change in per cent."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from rohnamo.counselling.choices import EventKind
from rohnamo.counselling.reports.figures import EventCounts
from rohnamo.counselling.reports.tables import (
    Table,
    counter_of,
    dimensions,
    events_by_kind,
    questionnaire_rows,
    rows_of,
    topic_note,
)


class Change:
    """The change from ``previous`` to ``current`` as a percentage: "+12.5%", or "—" when
    there was nothing before to compare with."""

    def __init__(self, current, previous):
        self.current, self.previous = current, previous
        self.fraction = (current - previous) / previous if previous else None

    @property
    def percent(self):
        """Rounded to one decimal, half away from zero, as the page shows it."""
        if self.fraction is None:
            return None
        exact = Decimal(self.current - self.previous) * 100 / Decimal(self.previous)
        return exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    def __str__(self):
        percent = self.percent
        if percent is None:
            return "—"
        sign = "+" if percent > 0 else "-" if percent < 0 else ""
        return f"{sign}{number_format(abs(percent), 1)}%"


def _compared(label, current, previous):
    return [label, current, previous, Change(current, previous)]


def _comparison_headings(first, period):
    return [first, period.label, period.previous_year().label, _("Change")]


def comparison_tables(current, previous, period, offices, names):
    """The tables comparing ``period`` (Figures ``current``) with a year earlier."""
    now_events, then_events = current.event_counts(), previous.event_counts()
    overview = [
        _compared(_("Consultations"), current.consultation_count(), previous.consultation_count()),
        _compared(_("Events"), now_events.events, then_events.events),
        _compared(_("Participants in events"), now_events.participants, then_events.participants),
        _compared(_("Women and girls"), now_events.female, then_events.female),
        _compared(_("Men and boys"), now_events.male, then_events.male),
        _compared(
            _("Questionnaires answered"), current.response_count(), previous.response_count()
        ),
    ]
    tables = [
        Table(
            key="overview",
            title=_("Overview"),
            headings=_comparison_headings("", period),
            lines=overview,
        )
    ]
    all_consultations = _compared(
        _("All consultations"), current.consultation_count(), previous.consultation_count()
    )
    if offices:
        tables.append(
            Table(
                key="offices",
                title=_("Consultations by office"),
                headings=_comparison_headings(_("Office"), period),
                lines=[
                    _compared(
                        office.name,
                        current.consultation_count(office.pk),
                        previous.consultation_count(office.pk),
                    )
                    for office in offices
                ],
                footer=all_consultations,
            )
        )
    for dimension in dimensions():
        now = current.by_category(counter_of(current, dimension))
        then = previous.by_category(counter_of(previous, dimension))
        tables.append(
            Table(
                key=dimension.key,
                title=dimension.title,
                headings=_comparison_headings(dimension.heading, period),
                lines=[
                    _compared(label, now[key], then[key])
                    for key, label in rows_of(dimension, names, now, then)
                ],
                footer=all_consultations,
                note=topic_note() if dimension.key == "topics" else "",
            )
        )
    tables.extend(_compared_events(current, previous, period))
    now = current.by_category(current.responses)
    then = previous.by_category(previous.responses)
    tables.append(
        Table(
            key="questionnaires",
            title=_("Questionnaires answered"),
            headings=_comparison_headings(_("Questionnaire"), period),
            lines=[
                _compared(title, now[key], then[key])
                for key, title in questionnaire_rows(current, previous)
            ],
            footer=_compared(
                _("All questionnaires"), current.response_count(), previous.response_count()
            ),
        )
    )
    return tables


def _compared_events(current, previous, period):
    now, then = events_by_kind(current), events_by_kind(previous)
    empty = EventCounts()
    now_all, then_all = current.event_counts(), previous.event_counts()
    return [
        Table(
            key="events",
            title=_("Events by type"),
            headings=_comparison_headings(_("Type of event"), period),
            lines=[
                _compared(label, now.get(kind, empty).events, then.get(kind, empty).events)
                for kind, label in EventKind.choices
            ],
            footer=_compared(_("All events"), now_all.events, then_all.events),
        ),
        Table(
            key="participants",
            title=_("Participants by type of event"),
            headings=_comparison_headings(_("Type of event"), period),
            lines=[
                _compared(
                    label, now.get(kind, empty).participants, then.get(kind, empty).participants
                )
                for kind, label in EventKind.choices
            ],
            footer=_compared(_("All participants"), now_all.participants, then_all.participants),
        ),
    ]
