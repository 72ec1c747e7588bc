"""The demo gives every office counselling work to report on, and loading it again adds none."""

import datetime

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from rohnamo.core.models import User
from rohnamo.counselling.models import Consultation, OutreachEvent, Response


def counts():
    return [model.objects.count() for model in (Consultation, OutreachEvent, Response)]


def test_the_demo_fills_the_national_report_once(db, settings, client):
    settings.DEBUG = True
    call_command("load_demo")
    first = counts()
    call_command("load_demo")

    assert counts() == first
    assert all(first)
    client.force_login(User.objects.get(username="manager"))
    # The demo's history ends yesterday: two months back is always inside it.
    year = (timezone.localdate() - datetime.timedelta(days=61)).year
    report = client.get(reverse("counselling:report"), {"period": year})
    assert report.context["report"].totals["consultations"] > 0
    results = client.get(reverse("counselling:questionnaire_results", args=["visitor-needs"]))
    assert "Русия" in results.content.decode()
