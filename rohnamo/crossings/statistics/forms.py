"""Which table, which period (or day) a statistician asks for, from the page's selects or as
``?table=quarterly&period=2026-Q1``."""

from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from rohnamo.crossings.statistics.periods import (
    FIRST_YEAR,
    HALF,
    HALF_CHOICES,
    KIND_CHOICES,
    LAST_YEAR,
    QUARTER,
    QUARTER_CHOICES,
    YEAR,
    Period,
    latest_complete_quarter,
    parse_period,
)
from rohnamo.crossings.statistics.tables import TABLES

FIELDS = ("table", "kind", "year", "quarter", "half", "day")


def _fields_of(period):
    fields = {"kind": period.kind, "year": str(period.year)}
    if period.kind == QUARTER:
        fields["quarter"] = str(period.number)
    elif period.kind == HALF:
        fields["half"] = str(period.number)
    return fields


class TableForm(forms.Form):
    """Always bound: with nothing asked, the first table of the latest complete quarter.
    ``cleaned_data`` holds ``table``, ``period`` and ``day`` (None: the period's last day)."""

    table = forms.ChoiceField(label=_("Table"), choices=TABLES)
    kind = forms.ChoiceField(label=_("Period"), choices=KIND_CHOICES)
    year = forms.IntegerField(label=_("Year"), min_value=FIRST_YEAR, max_value=LAST_YEAR)
    quarter = forms.TypedChoiceField(
        label=_("Quarter"), choices=[("", "—"), *QUARTER_CHOICES], coerce=int, required=False
    )
    half = forms.TypedChoiceField(
        label=_("Half-year"), choices=[("", "—"), *HALF_CHOICES], coerce=int, required=False
    )
    day = forms.DateField(
        label=_("Persons abroad on"),
        required=False,
        help_text=_("For the persons abroad; the last day of the period when empty."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, query):
        data = {key: query.get(key) for key in FIELDS if query.get(key) is not None}
        data.setdefault("table", TABLES[0][0])
        self.period_error = None
        if query.get("period") is not None:
            try:
                data.update(_fields_of(parse_period(query.get("period"))))
            except ValidationError as error:
                self.period_error = error
        if self.period_error or not (data.get("kind") or data.get("year")):
            data.update(_fields_of(latest_complete_quarter()))
        super().__init__(data)

    def clean(self):
        if self.period_error:
            raise self.period_error
        data = super().clean()
        kind, year = data.get("kind"), data.get("year")
        if not kind or not year:
            return data
        number = None
        if kind == QUARTER:
            number = data.get("quarter")
            if not number:
                self.add_error("quarter", _("Choose a quarter."))
        elif kind == HALF:
            number = data.get("half")
            if not number:
                self.add_error("half", _("Choose a half-year."))
        if kind == YEAR or number:
            data["period"] = Period(kind, year, number)
        return data

    def query(self, **extra):
        """The query string of this choice, with ``extra`` parameters (e.g. ``format``)."""
        data = self.cleaned_data
        params = {"table": data["table"], "period": data["period"].key}
        if data.get("day"):
            params["day"] = data["day"].isoformat()
        return urlencode({**params, **extra})
