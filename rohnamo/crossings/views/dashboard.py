"""The migration dashboard page: charts drawn on the server, each with its table of numbers."""

import datetime

from django import forms
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rohnamo.core.views.access import staff_with
from rohnamo.crossings.dashboard import PERMISSION, migration_dashboard

EARLIEST = datetime.date(2000, 1, 1)


class EndDateForm(forms.Form):
    """The day the dashboard's period ends; today when not chosen."""

    end = forms.DateField(
        label=_("Figures up to"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def clean_end(self):
        end = self.cleaned_data["end"]
        today = timezone.localdate()
        if end and not EARLIEST <= end <= today:
            raise forms.ValidationError(
                _("Choose a day from %(first)s to %(last)s."),
                params={"first": EARLIEST.isoformat(), "last": today.isoformat()},
                code="range",
            )
        return end or today


@staff_with(PERMISSION)
def dashboard(request):
    form = EndDateForm(request.GET)
    end = form.cleaned_data["end"] if form.is_valid() else timezone.localdate()
    return render(
        request,
        "crossings/dashboard/dashboard.html",
        {"form": form, "dashboard": migration_dashboard(request.user, end=end)},
    )
