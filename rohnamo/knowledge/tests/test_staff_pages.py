"""The staff pages of the knowledge base, as counsellors and managers use them."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from rohnamo.core.jobs import run_job
from rohnamo.core.models import Job
from rohnamo.core.tests.factories import make_user
from rohnamo.knowledge import services
from rohnamo.knowledge.choices import VersionStatus
from rohnamo.knowledge.models import Distribution, SheetVersion, Topic
from rohnamo.knowledge.tests.factories import draft_sheet, language, published_version


def test_a_counsellor_writes_a_sheet_and_a_manager_publishes_it(client, nigora, bahrom):
    client.force_login(nigora)
    response = client.post(
        reverse("knowledge:sheet_create"),
        {
            "code": "patent-russia",
            "topic": Topic.objects.get(code="legal-work").pk,
            "stage": "abroad",
            "language": language("ru").pk,
            "title": "Патент на работу",
            "summary": "Как получить патент.",
            "body": "## Сроки\n\nПодайте документы вовремя.",
        },
    )
    version = SheetVersion.objects.get(sheet__code="patent-russia")
    assert response["Location"] == reverse("knowledge:version", args=[version.pk])
    client.post(reverse("knowledge:version_action", args=[version.pk, "submit"]))

    page = client.get(reverse("knowledge:version", args=[version.pk])).content.decode()
    assert "knowledge:version_action" not in page
    assert reverse("knowledge:version_action", args=[version.pk, "publish"]) not in page
    client.post(reverse("knowledge:version_action", args=[version.pk, "publish"]))
    version.refresh_from_db()
    assert version.status == VersionStatus.IN_REVIEW

    client.force_login(bahrom)
    client.post(reverse("knowledge:version_action", args=[version.pk, "publish"]))
    version.refresh_from_db()
    assert version.is_current
    assert "Патент на работу" in client.get("/ru/sheets/patent-russia/").content.decode()


def test_an_author_trying_to_publish_is_told_why(client, bahrom):
    own = draft_sheet(bahrom, code="own")
    services.submit_for_review(actor=bahrom, version=own)
    client.force_login(bahrom)
    client.cookies["django_language"] = "en"
    response = client.post(
        reverse("knowledge:version_action", args=[own.pk, "publish"]), follow=True
    )
    assert "someone else must review it" in response.content.decode()


def test_the_changes_page_shows_added_and_removed_words(client, nigora, bahrom):
    first = published_version(nigora, bahrom, body="Срок 15 дней.")
    second, _cleaned = services.start_version(
        actor=nigora,
        sheet=first.sheet,
        language=first.language,
        title=first.title,
        body="Срок 7 дней.",
    )
    client.force_login(nigora)
    html = client.get(reverse("knowledge:version_diff", args=[second.pk])).content.decode()
    assert "<del>15</del>" in html
    assert "<ins>7</ins>" in html


def test_a_branch_records_five_sheets_handed_out_at_the_railway_station(
    client, nigora, bahrom, khujand
):
    codes = [f"sheet-{index}" for index in range(5)]
    sheets = [published_version(nigora, bahrom, code=code).sheet for code in codes]
    client.force_login(nigora)
    response = client.post(
        reverse("knowledge:distribution_new"),
        {
            "office": khujand.pk,
            "kind": "distributed",
            "sheets": [sheet.pk for sheet in sheets],
            "language": language("tg").pk,
            "quantity": 500,
            "place_type": "railway",
            "date": "2026-03-02",
        },
    )
    assert response.status_code == 302
    assert Distribution.objects.filter(office=khujand, quantity=500).count() == 5
    report = client.get(reverse("knowledge:distribution_report"))
    assert report.context["totals"]["distributed"] == 2500
    workbook = load_workbook(
        io.BytesIO(client.get(reverse("knowledge:distribution_report"), {"format": "xlsx"}).content)
    )
    rows = list(workbook.active.iter_rows(values_only=True))
    assert len(rows) == 6
    assert rows[1][0] == "2026-03"
    assert sum(row[5] for row in rows[1:]) == 2500


def test_another_branch_does_not_see_khujands_distribution(client, nigora, umed, bahrom, khujand):
    sheet = published_version(nigora, bahrom).sheet
    Distribution.objects.create(
        office=khujand, kind="distributed", sheet=sheet, language=language("tg"),
        quantity=300, date="2026-03-01",
    )  # fmt: skip
    client.force_login(umed)
    report = client.get(reverse("knowledge:distribution_report"))
    assert report.context["totals"] == {"printed": 0, "distributed": 0}
    client.force_login(bahrom)
    assert (
        client.get(reverse("knowledge:distribution_report")).context["totals"]["distributed"] == 300
    )


def test_a_distribution_for_an_office_she_does_not_belong_to_is_refused(
    client, nigora, bahrom, kulob
):
    sheet = published_version(nigora, bahrom).sheet
    client.force_login(nigora)
    response = client.post(
        reverse("knowledge:distribution_new"),
        {"office": kulob.pk, "kind": "printed", "sheets": [sheet.pk],
         "language": language("tg").pk, "quantity": 10, "date": "2026-03-01"},
    )  # fmt: skip
    assert "office" in response.context["form"].errors
    assert not Distribution.objects.exists()


def test_a_print_bundle_is_made_in_the_background(
    client, nigora, bahrom, django_capture_on_commit_callbacks
):
    for code in ("one", "two"):
        published_version(nigora, bahrom, code=code, language_code="tg", title=f"Варақа {code}")
    client.force_login(nigora)
    sheets = [version.sheet.pk for version in SheetVersion.objects.filter(is_current=True)]
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(
            reverse("knowledge:bundle"),
            {"sheets": sheets, "language": language("tg").pk, "size": "A5"},
        )
    job = Job.objects.get()
    assert response["Location"] == reverse("staff:job", args=[job.pk])
    run_job(job.pk)
    job.refresh_from_db()
    assert job.status == "succeeded"
    pages = PdfReader(io.BytesIO(job.result.read())).pages
    assert [round(page.mediabox.width) for page in pages] == [420, 420]
    assert "Варақа one" in pages[0].extract_text()
    assert "Варақа two" in pages[1].extract_text()


@pytest.mark.parametrize("url_name", ["knowledge:sheets", "knowledge:review", "knowledge:bundle"])
def test_an_account_without_a_role_finds_no_knowledge_pages(client, db, url_name):
    client.force_login(make_user("no-role"))
    assert client.get(reverse(url_name)).status_code == 404


def test_a_reviewer_only_page_is_not_listed_for_counsellors(client, nigora):
    client.force_login(nigora)
    menu = [
        entry["url_name"] for entry in client.get(reverse("knowledge:sheets")).context["staff_menu"]
    ]
    assert "knowledge:sheets" in menu
    assert "knowledge:review" not in menu
