"""Which period and which office a report is about, as chosen in the page's selects or given
as ``?period=2026-Q1``."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from rohnamo.counselling.periods import (
    FIRST_YEAR,
    KIND_CHOICES,
    LAST_YEAR,
    MONTH,
    MONTH_CHOICES,
    QUARTER,
    QUARTER_CHOICES,
    YEAR,
    Period,
    current_quarter,
    parse_period,
)
from rohnamo.counselling.reports.tables import ordered_offices


def _fields_of(period):
    fields = {"kind": period.kind, "year": str(period.year)}
    if period.kind == QUARTER:
        fields["quarter"] = str(period.number)
    elif period.kind == MONTH:
        fields["month"] = str(period.number)
    return fields


class ReportForm(forms.Form):
    """Always bound: with nothing asked, the report is of the current quarter for every office
    the reader may see. ``cleaned_data`` holds ``period`` and ``office`` (None: all)."""

    kind = forms.ChoiceField(label=_("Period"), choices=KIND_CHOICES)
    year = forms.IntegerField(label=_("Year"), min_value=FIRST_YEAR, max_value=LAST_YEAR)
    quarter = forms.TypedChoiceField(
        label=_("Quarter"), choices=[("", "—"), *QUARTER_CHOICES], coerce=int, required=False
    )
    month = forms.TypedChoiceField(
        label=_("Month"), choices=[("", "—"), *MONTH_CHOICES], coerce=int, required=False
    )
    office = forms.ChoiceField(label=_("Office"), required=False)

    def __init__(self, query, *, offices):
        data = {key: query.get(key) for key in ("kind", "year", "quarter", "month", "office")}
        data = {key: value for key, value in data.items() if value is not None}
        self.period_error = None
        if query.get("period") is not None:
            try:
                data.update(_fields_of(parse_period(query.get("period"))))
            except ValidationError as error:
                self.period_error = error
        if self.period_error or not (data.get("kind") or data.get("year")):
            data.update(_fields_of(current_quarter()))
        super().__init__(data)
        self.offices = {office.code: office for office in ordered_offices(offices)}
        choices = [(code, office.name) for code, office in self.offices.items()]
        # A branch counsellor's "all offices" is their branch: no choice to offer.
        everyone = [] if len(choices) == 1 else [("", _("All offices"))]
        self.fields["office"].choices = everyone + choices

    def clean_office(self):
        return self.offices.get(self.cleaned_data["office"])

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
        elif kind == MONTH:
            number = data.get("month")
            if not number:
                self.add_error("month", _("Choose a month."))
        if kind == YEAR or number:
            data["period"] = Period(kind, year, number)
        return data
