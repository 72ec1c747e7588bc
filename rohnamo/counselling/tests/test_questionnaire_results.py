"""The results page and exports: figures against hand counts, and only the offices one may see."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from rohnamo.core.choices import AuditAction
from rohnamo.core.models import AuditEntry
from rohnamo.counselling.services import questionnaires as services
from rohnamo.counselling.tests.questionnaire_factories import published_questionnaire, respond


@pytest.fixture
def answered(bahrom, nigora, umed, khujand, kulob):
    """Three responses in Khujand and one in Kulob."""
    version = published_questionnaire(bahrom)
    day = datetime.date
    respond(nigora, khujand, version, day(2026, 3, 2), destination="russia",
            needs=["documents", "work"], age=20, has_patent="yes", left_on="2026-01-15",
            comment="Патент гирифтан душвор аст")  # fmt: skip
    respond(nigora, khujand, version, day(2026, 3, 5), destination="russia", needs=["documents"],
            age=30, has_patent="no", left_on="2026-01-20",
            comment="<script>alert(1)</script>")  # fmt: skip
    respond(nigora, khujand, version, day(2026, 4, 1), destination="kazakhstan",
            has_patent="no", left_on="2026-02-01")  # fmt: skip
    respond(umed, kulob, version, day(2026, 3, 10), destination="other", needs=["work", "housing"],
            age=40, has_patent="yes", comment="=SUM(A1:A9)")  # fmt: skip
    return version


def results_page(client, user, **filters):
    client.force_login(user)
    client.cookies["django_language"] = "en"
    return client.get(reverse("counselling:questionnaire_results", args=["visitor-needs"]), filters)


def figures(page):
    """``{question name: [(choice or month, count, percent)]}`` and the number statistics."""
    table = {}
    for result in page.context["results"]:
        rows = [(row["name"], row["count"], row["percent"]) for row in result.rows]
        table[result.question.name] = rows or result.stats or result.texts
    return table


def test_the_results_match_counts_made_by_hand(client, answered, bahrom):
    page = results_page(client, bahrom)
    assert page.context["total"] == 4
    table = figures(page)
    assert table["destination"] == [
        ("russia", 2, 50.0),
        ("kazakhstan", 1, 25.0),
        ("other", 1, 25.0),
    ]
    # Three people answered what they need; each could pick several needs.
    assert table["needs"] == [("documents", 2, 66.7), ("work", 2, 66.7), ("housing", 1, 33.3)]
    assert table["age"] == {"count": 3, "mean": 30, "min": 20, "max": 40}
    assert table["has_patent"] == [("yes", 2, 50.0), ("no", 2, 50.0)]
    assert table["left_on"] == [("2026-01", 2, 66.7), ("2026-02", 1, 33.3)]
    assert [item["text"] for item in table["comment"]] == [
        "=SUM(A1:A9)",
        "<script>alert(1)</script>",
        "Патент гирифтан душвор аст",
    ]
    html = page.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html
    assert html.count("<svg") == 4  # destination, needs, yes/no and months


def test_results_filtered_by_office_and_period(client, answered, bahrom, khujand):
    table = figures(results_page(client, bahrom, office=khujand.pk))
    assert table["destination"] == [("russia", 2, 66.7), ("kazakhstan", 1, 33.3), ("other", 0, 0)]
    assert table["needs"] == [("documents", 2, 100.0), ("work", 1, 50.0), ("housing", 0, 0)]
    assert table["age"] == {"count": 2, "mean": 25, "min": 20, "max": 30}
    assert table["has_patent"] == [("yes", 1, 33.3), ("no", 2, 66.7)]
    march = results_page(client, bahrom, start="2026-03-01", end="2026-03-31")
    assert march.context["total"] == 3


def test_a_kulob_counsellor_sees_no_khujand_answers_even_when_asking_for_them(
    client, answered, umed, khujand
):
    page = results_page(client, umed)
    assert page.context["total"] == 1
    assert figures(page)["destination"] == [
        ("russia", 0, 0),
        ("kazakhstan", 0, 0),
        ("other", 1, 100.0),
    ]
    asking = results_page(client, umed, office=khujand.pk)
    assert asking.context["total"] == 1
    assert "office" in asking.context["form"].errors
    assert "душвор" not in asking.content.decode()
    export = client.get(
        reverse("counselling:response_export", args=["visitor-needs", "csv"]),
        {"office": khujand.pk},
    )
    assert len(export.content.decode("utf-8-sig").splitlines()) == 2  # header and his one row


def test_the_national_manager_sees_both_branches(client, answered, bahrom, nigora, kulob):
    assert results_page(client, bahrom).context["total"] == 4
    assert results_page(client, bahrom, office=kulob.pk).context["total"] == 1
    assert results_page(client, nigora).context["total"] == 3


def test_old_versions_keep_their_own_results_and_questions(
    client, answered, bahrom, nigora, khujand
):
    second = services.start_new_version(actor=bahrom, questionnaire=answered.questionnaire)
    services.change_question(
        actor=bahrom, question=second.questions.get(name="destination"), label_en="Where to?"
    )
    services.publish_version(actor=bahrom, version=second)
    respond(nigora, khujand, second, destination="russia")

    latest = results_page(client, bahrom)
    assert (latest.context["version"], latest.context["total"]) == (second, 1)
    assert "Where to?" in latest.content.decode()
    old = results_page(client, bahrom, version=1)
    assert (old.context["version"], old.context["total"]) == (answered, 4)
    html = old.content.decode()
    assert "Which country are you going to?" in html
    assert "A newer version has replaced this one." in html


def test_responses_export_as_csv_one_column_per_question(client, answered, bahrom):
    client.force_login(bahrom)
    export = client.get(reverse("counselling:response_export", args=["visitor-needs", "csv"]))
    assert export["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "_id", "_answered_on", "_office", "_visitor", "_consultation",
        "destination", "needs", "age", "has_patent", "left_on", "comment",
    ]  # fmt: skip
    assert [row[1:] for row in rows[1:]] == [
        ["2026-03-02", "khujand", "", "", "russia", "documents work", "20", "yes", "2026-01-15",
         "Патент гирифтан душвор аст"],
        ["2026-03-05", "khujand", "", "", "russia", "documents", "30", "no", "2026-01-20",
         "<script>alert(1)</script>"],
        ["2026-03-10", "kulob", "", "", "other", "work housing", "40", "yes", "",
         "'=SUM(A1:A9)"],
        ["2026-04-01", "khujand", "", "", "kazakhstan", "", "", "no", "2026-02-01", ""],
    ]  # fmt: skip
    assert AuditEntry.objects.filter(actor=bahrom, action=AuditAction.EXPORT).count() == 1


def test_responses_export_as_xlsx_keeps_numbers_and_dates(client, answered, bahrom, kulob):
    client.force_login(bahrom)
    export = client.get(
        reverse("counselling:response_export", args=["visitor-needs", "xlsx"]), {"office": kulob.pk}
    )
    sheet = load_workbook(io.BytesIO(export.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 2
    assert rows[0][5:] == ("destination", "needs", "age", "has_patent", "left_on", "comment")
    assert rows[1][1:] == (
        datetime.datetime(2026, 3, 10),
        "kulob",
        None,
        None,
        "other",
        "work housing",
        40,
        "yes",
        None,
        "=SUM(A1:A9)",
    )
    assert sheet["K2"].data_type == "s"  # the comment is text, not a formula


def test_the_results_tables_export_as_xlsx(client, answered, bahrom):
    page = results_page(client, bahrom, format="xlsx", start="2026-01-01")
    rows = list(load_workbook(io.BytesIO(page.content)).active.iter_rows(values_only=True))
    assert rows[1][:2] == ("Responses", 4)
    assert rows[2][:2] == ("From", "2026-01-01")
    assert ("destination", "Which country are you going to?", "Russia", 2, 50) in rows
    assert ("needs", "What do you need?", "Answered", 3, None) in rows
    assert ("age", "Your age", "Mean", 30, None) in rows
    assert ("has_patent", "Do you have a patent?", "No", 2, 50) in rows
