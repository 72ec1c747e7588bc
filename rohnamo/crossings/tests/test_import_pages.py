"""The statistician's pages: upload a file, watch the job, read the import's counts, download the
report, roll an import back, confirm new crossing points. Nobody else sees any of it."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from rohnamo.core.choices import AuditAction, JobStatus
from rohnamo.core.jobs import run_job
from rohnamo.core.models import AuditEntry, Job
from rohnamo.crossings.choices import BatchStatus
from rohnamo.crossings.imports.columns import COLUMNS
from rohnamo.crossings.imports.importer import import_cards
from rohnamo.crossings.models import CardSource, Crossing, CrossingPoint, ImportBatch
from rohnamo.crossings.tests.conftest import card, card_ru, cards, write_cards
from rohnamo.crossings.views.imports import UploadForm


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def as_jamshed(client, jamshed):
    client.cookies["django_language"] = "en"
    client.force_login(jamshed)
    return client


def csv_upload(rows, name="dyu-2026-01.csv", encoding="utf-8", delimiter=",", columns=COLUMNS):
    output = io.StringIO()
    writer = csv.DictWriter(output, columns, delimiter=delimiter, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return SimpleUploadedFile(name, output.getvalue().encode(encoding))


def test_an_upload_runs_as_a_job_and_the_import_page_shows_counts_and_the_report(
    as_jamshed, jamshed, media
):
    rows = [card_ru(f"A{n:07d}") for n in range(1, 21)]
    rows += [card_ru("B1", direction="sideways"), card_ru("W1", residence_district="Атлантида")]
    upload = csv_upload(rows, encoding="cp1251", delimiter=";")

    response = as_jamshed.post(
        reverse("crossings:imports"), {"file": upload, "source": "Фурудгоҳи Душанбе"}
    )

    job = Job.objects.get(kind="crossing_import")
    assert response["Location"] == reverse("staff:job", args=[job.pk])
    run_job(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED
    assert (job.done, job.total) == (22, 22)
    assert "rows read 22, imported 21, rejected 1, duplicates 0, warnings 1" in job.log
    assert "Row 22 (rejected): direction: Unknown direction “sideways”" in job.log
    assert "Rows rejected, by column: direction 1." in job.log
    assert "Warnings, by column: residence_district 1." in job.log
    assert "The import's page: /staff/statistics/imports/" in job.log
    batch = ImportBatch.objects.get()
    assert (batch.job, batch.uploaded_by) == (job, jamshed)
    assert batch.source.name == "Фурудгоҳи Душанбе"
    assert not list((media / "crossing-imports").iterdir()), "the upload is not kept"

    listing = as_jamshed.get(reverse("crossings:imports")).content.decode()
    assert reverse("crossings:import_detail", args=[batch.pk]) in listing
    assert "dyu-2026-01.csv" in listing
    assert "Фурудгоҳи Душанбе" in listing
    page = as_jamshed.get(reverse("crossings:import_detail", args=[batch.pk])).content.decode()
    assert "Cards imported</dt><dd>21</dd>" in page
    assert "Rows rejected</dt><dd>1</dd>" in page
    assert reverse("crossings:import_report", args=[batch.pk]) in page
    assert "Roll back" in page

    download = as_jamshed.get(reverse("crossings:import_report", args=[batch.pk]))
    lines = list(csv.DictReader(io.StringIO(b"".join(download).decode("utf-8-sig"))))
    assert [(line["card_number"], line["kind"]) for line in lines] == [
        ("B1", "rejected"),
        ("W1", "warning"),
    ]
    assert AuditEntry.objects.filter(action=AuditAction.EXPORT, object_id=str(batch.pk)).exists()


def test_a_file_with_its_own_headers_goes_through_the_mapping_step_once(as_jamshed, jamshed):
    theirs = ["Номер карты", "КПП", "Направление", "Дата", "Фамилия", "Штамп"]
    ours = ["card_number", "crossing_point", "direction", "crossing_date", "surname"]

    def upload(number):
        row = dict(zip(theirs, [number, "FOT", "exit", "2026-01-10", "Раҳимов", "ok"], strict=True))
        return csv_upload([row], name="fot.csv", columns=theirs)

    step = as_jamshed.post(
        reverse("crossings:imports"), {"file": upload("F1"), "source": "КПП Фотеҳобод"}
    )

    page = step.content.decode()
    assert step.status_code == 200
    assert "Map the columns" in page and "Номер карты" in page
    assert not Job.objects.exists()
    token = step.context["token"]
    answer = {"token": token, "source": "КПП Фотеҳобод"}
    answer.update({f"column_{index}": column for index, column in enumerate(ours)})
    answer["column_5"] = ""
    response = as_jamshed.post(reverse("crossings:import_mapping"), answer)

    job = Job.objects.get()
    assert response["Location"] == reverse("staff:job", args=[job.pk])
    run_job(job.pk)
    assert Crossing.objects.get().card_number == "F1"
    source = CardSource.objects.get()
    assert source.mapping["номер карты"] == "card_number"
    assert source.updated_by == jamshed

    again = as_jamshed.post(
        reverse("crossings:imports"), {"file": upload("F2"), "source": "кпп фотеҳобод"}
    )

    assert again.status_code == 302, "the remembered mapping needs no second step"
    run_job(Job.objects.latest("pk").pk)
    assert sorted(Crossing.objects.values_list("card_number", flat=True)) == ["F1", "F2"]


def test_a_tampered_mapping_token_is_refused(as_jamshed):
    response = as_jamshed.post(
        reverse("crossings:import_mapping"), {"token": "forged", "source": "x"}
    )

    assert response.status_code == 404
    assert not Job.objects.exists()


def test_a_wrong_header_fails_the_job_with_the_reason_on_the_import_page(as_jamshed):
    columns = [name for name in COLUMNS if name != "crossing_date"]
    as_jamshed.post(reverse("crossings:imports"), {"file": csv_upload(cards(2), columns=columns)})
    job = Job.objects.get()

    run_job(job.pk)

    job.refresh_from_db()
    batch = ImportBatch.objects.get()
    assert job.status == JobStatus.FAILED
    assert "Columns missing from the header row: crossing_date." in job.log
    assert batch.status == BatchStatus.FAILED
    page = as_jamshed.get(reverse("crossings:import_detail", args=[batch.pk])).content.decode()
    assert "The file could not be imported; nothing was saved" in page
    assert "Columns missing from the header row: crossing_date." in page
    assert "Roll back" not in page
    assert not Crossing.objects.exists()


def test_the_upload_form_refuses_a_file_over_500_mb_before_storing_it(media):
    upload = SimpleUploadedFile("huge.csv", b"card_number\n")
    upload.size = 2 * 1024**3  # what a 2 GB upload declares; no 2 GB are written

    form = UploadForm(data={"source": ""}, files={"file": upload})

    with translation.override("en"):
        assert not form.is_valid()
        assert form.errors["file"] == [
            "The file is 2.0\xa0GB; the limit is 500 MB. Split it into smaller files (by "
            "month or by crossing point), or ask the administrator to import it on the server."
        ]
    assert not (media / "crossing-imports").exists()


def test_a_2_gb_upload_is_refused_from_its_declared_size_before_the_body_is_read(as_jamshed, media):
    as_jamshed.cookies["django_language"] = "en"
    response = as_jamshed.post(
        reverse("crossings:imports"),
        {"file": SimpleUploadedFile("huge.csv", b"card_number\n")},
        CONTENT_LENGTH=str(2 * 1024**3),
    )

    assert response.url == reverse("crossings:imports")
    page = as_jamshed.get(response.url).content.decode()
    assert "The file is larger than 500 MB." in page
    assert not Job.objects.exists() and not ImportBatch.objects.exists()
    assert not (media / "crossing-imports").exists()


def test_the_upload_page_refuses_a_file_that_is_not_csv_or_xlsx(as_jamshed):
    response = as_jamshed.post(
        reverse("crossings:imports"), {"file": SimpleUploadedFile("cards.pdf", b"%PDF-1.4")}
    )

    assert "Upload a CSV or XLSX file." in response.content.decode()
    assert not Job.objects.exists()


def test_rolling_back_through_the_page_needs_the_confirmation(as_jamshed, jamshed, tmp_path):
    path = write_cards(tmp_path / "cards.csv", cards(5))
    with translation.override("en"):
        batch = import_cards(path=path, file_name="cards.csv", actor=jamshed)
    url = reverse("crossings:import_rollback", args=[batch.pk])

    assert as_jamshed.get(url).status_code == 405
    unconfirmed = as_jamshed.post(url, {}, follow=True)
    assert "Tick the box to confirm" in unconfirmed.content.decode()
    assert Crossing.objects.count() == 5

    done = as_jamshed.post(url, {"confirm": "on"}, follow=True)

    assert "The import was rolled back" in done.content.decode()
    assert not Crossing.objects.exists()
    batch.refresh_from_db()
    assert batch.status == BatchStatus.ROLLED_BACK


def test_the_list_of_imports_takes_the_same_few_queries_for_many_batches(
    as_jamshed, jamshed, django_assert_max_num_queries
):
    for index in range(12):
        ImportBatch.objects.create(
            file_name=f"file-{index}.csv",
            uploaded_by=jamshed,
            source=CardSource.objects.create(name=f"source {index}"),
            status=BatchStatus.IMPORTED,
            rows_read=10,
            imported=10,
        )

    with django_assert_max_num_queries(10):
        page = as_jamshed.get(reverse("crossings:imports")).content.decode()

    assert page.index("file-11.csv") < page.index("file-0.csv"), "newest first"
    assert page.count('data-status="imported"') == 12


def test_new_crossing_points_come_first_and_are_confirmed_with_their_names(
    as_jamshed, jamshed, tmp_path
):
    path = write_cards(tmp_path / "cards.csv", [card("P1", crossing_point="Ишкошим")])
    with translation.override("en"):
        batch = import_cards(path=path, file_name="cards.csv", actor=jamshed)
    point = CrossingPoint.objects.get(confirmed=False)
    detail = as_jamshed.get(reverse("crossings:import_detail", args=[batch.pk])).content.decode()
    assert reverse("crossings:point_edit", args=[point.pk]) in detail

    listing = as_jamshed.get(reverse("crossings:points")).content.decode()
    assert listing.index("Ишкошим") < listing.index("DYU")
    response = as_jamshed.post(
        reverse("crossings:point_edit", args=[point.pk]),
        {"name_tg": "Ишкошим", "name_ru": "Ишкашим", "name_en": "Ishkoshim", "kind": "road"},
    )

    point.refresh_from_db()
    assert response["Location"] == reverse("crossings:points")
    assert (point.confirmed, point.name_ru, point.kind) == (True, "Ишкашим", "road")
    assert AuditEntry.objects.filter(action=AuditAction.UPDATE, object_id=str(point.pk)).exists()


@pytest.mark.parametrize("persona", ["bahrom", "nigora"])
def test_managers_and_counsellors_cannot_open_any_card_page(client, jamshed, tmp_path, persona,
                                                           request):  # fmt: skip
    path = write_cards(tmp_path / "cards.csv", [card("B1", direction="?"), card()])
    batch = import_cards(path=path, file_name="cards.csv", actor=jamshed)
    point = CrossingPoint.objects.first()
    client.force_login(request.getfixturevalue(persona))

    pages = [
        reverse("crossings:imports"),
        reverse("crossings:import_detail", args=[batch.pk]),
        reverse("crossings:import_report", args=[batch.pk]),
        reverse("crossings:points"),
        reverse("crossings:point_edit", args=[point.pk]),
    ]
    for url in pages:
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("crossings:import_rollback", args=[batch.pk])).status_code == 404
    upload = {"file": csv_upload(cards(1))}
    assert client.post(reverse("crossings:imports"), upload).status_code == 404
    assert Crossing.objects.count() == 1
    assert not Job.objects.exists()


def test_a_statistician_sees_the_imports_page_with_the_columns_explained(as_jamshed):
    page = as_jamshed.get(reverse("crossings:imports")).content.decode()

    assert "Import a file of cards" in page
    assert "<code>crossing_point</code>" in page
    assert "No cards have been imported yet." in page


def test_the_pages_refuse_visitors_who_are_not_logged_in(client):
    response = client.get(reverse("crossings:imports"))

    assert response.status_code == 302
    assert "login" in response["Location"]
