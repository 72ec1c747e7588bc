"""The report's figures against counts worked out by hand, per office and nationally."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse

from rohnamo.counselling.choices import AgeGroup, Channel, EventKind, Sex
from rohnamo.counselling.models import Questionnaire, QuestionnaireVersion, Response
from rohnamo.counselling.services.events import record_event
from rohnamo.counselling.tests.factories import make_consultation, moment

DUSHANBE = zoneinfo.ZoneInfo("Asia/Dushanbe")


def answered(office, on, count=1):
    version, _new = QuestionnaireVersion.objects.get_or_create(
        questionnaire=Questionnaire.objects.get_or_create(code="needs")[0],
        number=1,
        defaults={"title_tg": "Ниёзҳо", "title_en": "Visitor needs", "status": "published"},
    )
    for _index in range(count):
        Response.objects.create(office=office, version=version, answered_on=on)


@pytest.fixture
def first_quarters(nigora, umed, khujand, kulob):
    """Four consultations in the first quarter of 2026 and three a year earlier, in Khujand and
    Kulob; events with participants and questionnaire responses in both years."""
    make_consultation(
        nigora,
        khujand,
        at=moment(2026, 1, 10),
        topics=["registration", "legal-work"],
        destination="RU",
        sex=Sex.FEMALE,
        age_group=AgeGroup.FROM_25,
    )
    make_consultation(
        nigora,
        khujand,
        at=moment(2026, 2, 5),
        channel=Channel.PHONE,
        topics=["registration"],
        destination="RU",
        sex=Sex.MALE,
        age_group=AgeGroup.FROM_18,
    )
    # Nothing stated but the channel, at 23:30 in Dushanbe on the quarter's last day.
    make_consultation(nigora, khujand, at=datetime.datetime(2026, 3, 31, 23, 30, tzinfo=DUSHANBE))
    make_consultation(
        umed,
        kulob,
        at=moment(2026, 3, 1),
        channel=Channel.MOBILE,
        topics=["health"],
        destination="KZ",
        sex=Sex.MALE,
        age_group=AgeGroup.FROM_35,
    )
    # Half an hour into the second quarter: counts there, not in the first.
    make_consultation(
        nigora, khujand, at=datetime.datetime(2026, 4, 1, 0, 30, tzinfo=DUSHANBE), sex=Sex.MALE
    )

    make_consultation(
        nigora,
        khujand,
        at=moment(2025, 1, 15),
        topics=["registration"],
        destination="RU",
        sex=Sex.FEMALE,
        age_group=AgeGroup.FROM_25,
    )
    make_consultation(
        umed,
        kulob,
        at=moment(2025, 2, 15),
        channel=Channel.PHONE,
        topics=["registration", "health"],
        destination="KZ",
        sex=Sex.FEMALE,
        age_group=AgeGroup.FROM_45,
    )
    make_consultation(nigora, khujand, at=moment(2025, 3, 3))

    def event(actor, office, kind, day, female, male):
        record_event(
            actor=actor,
            office=office,
            kind=kind,
            title=f"{kind} {day}",
            date=day,
            participants_female=female,
            participants_male=male,
        )

    event(nigora, khujand, EventKind.INFORMATION_SESSION, datetime.date(2026, 2, 10), 12, 8)
    event(nigora, khujand, EventKind.MOBILE_TRIP, datetime.date(2026, 3, 20), 25, 15)
    event(umed, kulob, EventKind.SCHOOL_LECTURE, datetime.date(2026, 1, 20), 10, 20)
    event(nigora, khujand, EventKind.INFORMATION_SESSION, datetime.date(2025, 2, 1), 10, 10)

    answered(khujand, datetime.date(2026, 2, 1), count=2)
    answered(kulob, datetime.date(2026, 3, 15))
    answered(khujand, datetime.date(2025, 1, 20))


def report_of(client, user, view="counselling:report", **query):
    client.force_login(user)
    client.cookies["django_language"] = "en"
    response = client.get(reverse(view), query)
    assert response.status_code == 200
    return response


def tables_of(response):
    """``{key: [[label, cell, ...], ...]}`` with the heading line first and the total line last,
    every cell as the page prints it."""
    return {
        table.key: [[str(cell) for cell in line] for line in table.all_lines()]
        for table in response.context["report"].tables
    }


def lines(*rows):
    return [[str(cell) for cell in row] for row in rows]


@pytest.mark.usefixtures("first_quarters")
def test_the_national_report_counts_each_breakdown_per_branch(client, bahrom):
    tables = tables_of(report_of(client, bahrom, period="2026-Q1"))

    heading = ["Khujand", "Kulob", "Total"]
    every = ["All consultations", 3, 1, 4]
    assert tables["topics"] == lines(
        ["Topic", *heading],
        ["Registration", 2, 0, 2],
        ["Health", 0, 1, 1],
        ["Legal employment: work permits and patents", 1, 0, 1],
        ["Not stated", 1, 0, 1],
        every,
    )
    assert tables["channel"] == lines(
        ["Channel", *heading],
        ["In person", 2, 0, 2],
        ["Phone or hotline", 1, 0, 1],
        ["Mobile trip", 0, 1, 1],
        ["Messenger or online", 0, 0, 0],
        ["Group session", 0, 0, 0],
        every,
    )
    assert tables["sex"] == lines(
        ["Sex", *heading],
        ["Female", 1, 0, 1],
        ["Male", 1, 1, 2],
        ["Not stated", 1, 0, 1],
        every,
    )
    assert tables["age_group"] == lines(
        ["Age group", *heading],
        ["Under 18", 0, 0, 0],
        ["18–24", 1, 0, 1],
        ["25–34", 1, 0, 1],
        ["35–44", 0, 1, 1],
        ["45–54", 0, 0, 0],
        ["55 and over", 0, 0, 0],
        ["Not stated", 1, 0, 1],
        every,
    )
    assert tables["destination"] == lines(
        ["Country", *heading],
        ["Russia", 2, 0, 2],
        ["Kazakhstan", 0, 1, 1],
        ["Not stated", 1, 0, 1],
        every,
    )


@pytest.mark.usefixtures("first_quarters")
def test_the_national_report_counts_events_participants_and_questionnaires(client, bahrom):
    response = report_of(client, bahrom, period="2026-Q1")
    tables = tables_of(response)

    assert tables["events"] == lines(
        ["Type of event", "Events", "Women and girls", "Men and boys", "Participants"],
        ["Information session", 1, 12, 8, 20],
        ["Mobile consultation trip", 1, 25, 15, 40],
        ["Training for NGOs or officials", 0, 0, 0, 0],
        ["School lecture", 1, 10, 20, 30],
        ["Press briefing", 0, 0, 0, 0],
        ["Round table", 0, 0, 0, 0],
        ["TV or radio programme", 0, 0, 0, 0],
        ["Job fair", 0, 0, 0, 0],
        ["All events", 3, 47, 43, 90],
    )
    assert tables["questionnaires"] == lines(
        ["Questionnaire", "Khujand", "Kulob", "Total"],
        ["Visitor needs", 2, 1, 3],
        ["All questionnaires", 2, 1, 3],
    )
    assert tables["offices"] == lines(
        ["Office", "Consultations", "Events", "Participants", "Questionnaires answered"],
        ["Khujand", 3, 2, 60, 2],
        ["Kulob", 1, 1, 30, 1],
        ["All offices", 4, 3, 90, 3],
    )
    assert response.context["report"].totals == {
        "consultations": 4,
        "events": 3,
        "participants": 90,
        "responses": 3,
    }


@pytest.mark.usefixtures("first_quarters")
def test_the_trend_chart_counts_consultations_per_month_of_the_past_year(client, bahrom):
    response = report_of(client, bahrom, period="2026-Q1")
    chart = str(response.context["report"].chart)
    assert chart.startswith("<svg")
    assert "<title>2025-03:" not in chart  # thirteen months back
    assert chart.count("<title>") == 12
    assert "<title>2025-04: 0</title>" in chart
    assert "<title>2026-01: 1</title>" in chart
    assert "<title>2026-02: 1</title>" in chart
    assert "<title>2026-03: 2</title>" in chart


@pytest.mark.usefixtures("first_quarters")
def test_a_consultation_late_on_the_quarters_last_evening_counts_in_that_quarter(client, bahrom):
    first = report_of(client, bahrom, period="2026-Q1").context["report"]
    second = report_of(client, bahrom, period="2026-Q2").context["report"]
    assert first.totals["consultations"] == 4
    assert second.totals["consultations"] == 1
    march = report_of(client, bahrom, period="2026-03").context["report"]
    assert march.totals["consultations"] == 2


@pytest.mark.usefixtures("first_quarters")
def test_the_branch_report_of_kulob_shows_only_kulob(client, umed):
    response = report_of(client, umed, period="2026-Q1")
    tables = tables_of(response)

    assert tables["topics"] == lines(
        ["Topic", "Consultations"], ["Health", 1], ["All consultations", 1]
    )
    assert tables["sex"] == lines(
        ["Sex", "Consultations"], ["Female", 0], ["Male", 1], ["All consultations", 1]
    )
    assert tables["destination"] == lines(
        ["Country", "Consultations"], ["Kazakhstan", 1], ["All consultations", 1]
    )
    assert tables["events"][-1] == lines(["All events", 1, 10, 20, 30])[0]
    assert tables["questionnaires"][-1] == ["All questionnaires", "1"]
    assert "offices" not in tables
    assert response.context["report"].scope_label == "Kulob"
    assert tables_of(report_of(client, umed, period="2026-Q1", office="kulob")) == tables
    page = response.content.decode()
    assert "Khujand" not in page
    assert "Russia" not in page
    assert "Registration" not in page


@pytest.mark.usefixtures("first_quarters")
def test_a_branch_counsellor_cannot_ask_for_another_branchs_figures(client, umed):
    client.force_login(umed)
    client.cookies["django_language"] = "en"
    response = client.get(reverse("counselling:report"), {"period": "2026-Q1", "office": "khujand"})
    assert response.status_code == 200
    assert response.context["report"] is None
    assert "Select a valid choice" in response.content.decode()
    assert "Russia" not in response.content.decode()


@pytest.mark.usefixtures("first_quarters")
def test_the_national_manager_can_narrow_the_report_to_one_branch(client, bahrom):
    tables = tables_of(report_of(client, bahrom, period="2026-Q1", office="khujand"))
    assert tables["channel"] == lines(
        ["Channel", "Consultations"],
        ["In person", 2],
        ["Phone or hotline", 1],
        ["Mobile trip", 0],
        ["Messenger or online", 0],
        ["Group session", 0],
        ["All consultations", 3],
    )


@pytest.mark.usefixtures("first_quarters")
def test_the_comparison_gives_both_quarters_and_the_change(client, bahrom):
    response = report_of(client, bahrom, "counselling:report_comparison", period="2026-Q1")
    tables = tables_of(response)

    heading = ["First quarter of 2026", "First quarter of 2025", "Change"]
    every = ["All consultations", 4, 3, "+33.3%"]
    assert tables["overview"] == lines(
        ["", *heading],
        ["Consultations", 4, 3, "+33.3%"],
        ["Events", 3, 1, "+200.0%"],
        ["Participants in events", 90, 20, "+350.0%"],
        ["Women and girls", 47, 10, "+370.0%"],
        ["Men and boys", 43, 10, "+330.0%"],
        ["Questionnaires answered", 3, 1, "+200.0%"],
    )
    assert tables["offices"] == lines(
        ["Office", *heading], ["Khujand", 3, 2, "+50.0%"], ["Kulob", 1, 1, "0.0%"], every
    )
    assert tables["topics"] == lines(
        ["Topic", *heading],
        ["Registration", 2, 2, "0.0%"],
        ["Health", 1, 1, "0.0%"],
        ["Legal employment: work permits and patents", 1, 0, "—"],
        ["Not stated", 1, 1, "0.0%"],
        every,
    )
    assert tables["sex"] == lines(
        ["Sex", *heading],
        ["Female", 1, 2, "-50.0%"],
        ["Male", 2, 0, "—"],
        ["Not stated", 1, 1, "0.0%"],
        every,
    )
    assert tables["age_group"][3:5] == lines(["25–34", 1, 1, "0.0%"], ["35–44", 1, 0, "—"])
    assert tables["age_group"][5] == lines(["45–54", 0, 1, "-100.0%"])[0]
    assert tables["destination"] == lines(
        ["Country", *heading],
        ["Russia", 2, 1, "+100.0%"],
        ["Kazakhstan", 1, 1, "0.0%"],
        ["Not stated", 1, 1, "0.0%"],
        every,
    )
    assert tables["events"][1] == lines(["Information session", 1, 1, "0.0%"])[0]
    assert tables["events"][-1] == lines(["All events", 3, 1, "+200.0%"])[0]
    assert tables["participants"][-1] == lines(["All participants", 90, 20, "+350.0%"])[0]
    assert tables["questionnaires"] == lines(
        ["Questionnaire", *heading],
        ["Visitor needs", 3, 1, "+200.0%"],
        ["All questionnaires", 3, 1, "+200.0%"],
    )
    page = response.content.decode()
    assert "+33.3%" in page
    assert "First quarter of 2026 compared with First quarter of 2025" in page


@pytest.mark.usefixtures("first_quarters")
def test_the_comparison_of_one_branch_leaves_the_other_out(client, umed):
    tables = tables_of(report_of(client, umed, "counselling:report_comparison", period="2026-Q1"))
    assert tables["overview"][1] == lines(["Consultations", 1, 1, "0.0%"])[0]
    assert tables["topics"] == lines(
        ["Topic", "First quarter of 2026", "First quarter of 2025", "Change"],
        ["Health", 1, 1, "0.0%"],
        ["Registration", 0, 1, "-100.0%"],
        ["All consultations", 1, 1, "0.0%"],
    )
    assert "offices" not in tables
