"""The state employment agency uploads a spreadsheet of vacancies: good rows wait for
verification as drafts, bad rows come back in a report naming the row, the column and why."""

import csv
import datetime
import io
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import Workbook, load_workbook

from rohnamo.core.choices import JobStatus, Role
from rohnamo.core.jobs import run_job
from rohnamo.core.models import Job
from rohnamo.core.tests.factories import make_user
from rohnamo.recruitment.choices import VacancyStatus
from rohnamo.recruitment.imports.columns import COLUMNS
from rohnamo.recruitment.imports.importer import import_vacancies
from rohnamo.recruitment.models import Vacancy
from rohnamo.recruitment.services.agencies import register_agency
from rohnamo.recruitment.services.vacancies import verify_vacancy
from rohnamo.recruitment.tests.factories import licensed_agency, occupation, set_fee_limit

TODAY = timezone.localdate()
NEXT_MONTH = (TODAY + datetime.timedelta(days=30)).isoformat()


@pytest.fixture
def rustam(centre):
    return make_user("rustam", Role.LICENSING_OFFICER, centre)


@pytest.fixture
def register(rustam):
    """One licensed agency (LIC-001), one in the register without a licence (tax 555000111),
    the bricklayers' occupation and a legal fee limit of 500 TJS."""
    licensed_agency(rustam, "ООО «Шарқ Кор»", number="LIC-001")
    register_agency(actor=rustam, legal_name="ООО «Бе Иҷозат»", tax_number="555000111")
    occupation("7112")
    set_fee_limit(500)


def row(reference, **changes):
    values = {
        "reference": reference, "agency": "LIC-001", "employer": "СтройМонтаж", "country": "RU",
        "city": "Ростов-на-Дону", "occupation": "7112", "title": "Каменщик", "workers": "10",
        "wage": "90000", "currency": "RUB", "hours": "8 часов", "housing": "free",
        "contract_months": "12", "requirements": "Русский язык", "worker_fee": "300",
        "fee_currency": "TJS", "closes_on": NEXT_MONTH,
    }  # fmt: skip
    values.update(changes)
    return values


def csv_file(rows, delimiter=",", columns=COLUMNS):
    output = io.StringIO()
    writer = csv.DictWriter(output, columns, delimiter=delimiter, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return output.getvalue().encode("utf-8")


def xlsx_file(rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(COLUMNS)
    for values in rows:
        sheet.append([values[name] for name in COLUMNS])
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


MIXED = [
    row("R1"),
    row("R2", worker_fee="900"),
    row("R3", agency="555000111"),
    row("R4", closes_on=(TODAY - datetime.timedelta(days=1)).isoformat()),
    row("R5", occupation="9999"),
    row("R6", wage="много"),
    row("R7", agency="NO-SUCH-1"),
    row("R8", title="Бетонщик"),
]


@pytest.fixture(autouse=True)
def in_english():
    """The report is read as well as made in English (its lines are formatted when read)."""
    with translation.override("en"):
        yield


def import_en(data, actor):
    return import_vacancies(data=data, actor=actor)


def test_good_rows_become_drafts_and_each_bad_row_is_reported_with_column_and_reason(
    rustam, register
):
    report = import_en(csv_file(MIXED), rustam)

    assert report.created == 2
    assert sorted(Vacancy.objects.values_list("title", "status")) == [
        ("Бетонщик", VacancyStatus.DRAFT),
        ("Каменщик", VacancyStatus.DRAFT),
    ]
    assert [str(problem) for problem in report.problems] == [
        "Row 3, worker_fee: The fee is above the legal limit of 500.00 TJS.",
        "Row 4, agency: The agency holds no active licence.",
        "Row 5, closes_on: The closing date has passed.",
        "Row 6, occupation: Unknown ISCO-08 occupation code; use a four-digit unit group, "
        "e.g. 7112.",
        "Row 7, wage: Enter a number.",
        "Row 8, agency: No agency in the register has this licence number or tax number.",
    ]


def test_the_downloadable_report_repeats_each_bad_row_with_its_error(rustam, register):
    report = import_en(csv_file(MIXED), rustam)

    lines = list(csv.DictReader(io.StringIO(report.as_csv().lstrip("\ufeff"))))

    assert [line["reference"] for line in lines] == ["R2", "R3", "R4", "R5", "R6", "R7"]
    assert lines[4]["wage"] == "много"
    assert lines[4]["row"] == "7"
    assert lines[4]["error"] == "wage: Enter a number."


def test_a_wrong_header_names_the_missing_and_unknown_columns_and_saves_nothing(rustam, register):
    columns = [name for name in COLUMNS if name not in ("agency", "wage")] + ["salary"]

    report = import_en(csv_file([row("R1", salary="90000")], columns=columns), rustam)

    assert report.missing == ["agency", "wage"]
    assert report.unknown == ["salary"]
    assert report.summary() == (
        "Columns missing from the header row: agency, wage. "
        "Unknown columns in the header row: salary. Nothing was imported."
    )
    assert not Vacancy.objects.exists()


def test_optional_columns_may_be_left_out(rustam, register):
    columns = [name for name in COLUMNS if name not in ("workers", "worker_fee", "housing")]

    report = import_en(csv_file([row("R1")], columns=columns), rustam)

    vacancy = Vacancy.objects.get()
    assert report.created == 1
    assert (vacancy.workers, vacancy.worker_fee, vacancy.housing) == (1, 0, "none")


def test_importing_the_same_file_again_updates_drafts_and_leaves_verified_ones(rustam, register):
    import_en(csv_file(MIXED), rustam)
    verify_vacancy(actor=rustam, vacancy=Vacancy.objects.get(title="Бетонщик"))
    changed = [row("R1", wage="95000"), *MIXED[1:7], row("R8", title="Штукатур")]

    again = import_en(csv_file(changed), rustam)

    assert Vacancy.objects.count() == 2
    assert (again.created, again.updated) == (0, 1)
    assert Vacancy.objects.get(title="Каменщик").wage == 95000
    assert Vacancy.objects.filter(title="Бетонщик", status=VacancyStatus.PUBLISHED).exists()
    assert [str(note) for note in again.notes] == [
        "Row 9, reference: Already published in the register; left unchanged."
    ]


def test_another_organisations_reference_does_not_update_ours(rustam, register, khujand):
    other = make_user("dilshod", Role.LICENSING_OFFICER, khujand)
    import_en(csv_file([row("R1")]), rustam)

    import_en(csv_file([row("R1", title="Другая")]), other)

    assert sorted(Vacancy.objects.values_list("title", flat=True)) == ["Другая", "Каменщик"]


def test_a_reference_repeated_in_the_file_is_reported(rustam, register):
    report = import_en(csv_file([row("R1"), row("R1", title="Копия")]), rustam)

    assert report.created == 1
    assert [str(problem) for problem in report.problems] == [
        "Row 3, reference: The same reference as row 2."
    ]


def test_semicolon_csv_with_decimal_commas_imports(rustam, register):
    report = import_en(csv_file([row("R1", wage="90 000,50")], delimiter=";"), rustam)

    assert report.created == 1
    assert Vacancy.objects.get().wage == pytest.approx(90000.5)


def test_xlsx_with_number_and_date_cells_imports(rustam, register):
    cells = row("R1", workers=10, wage=90000.5, contract_months=12, worker_fee=0)
    cells["closes_on"] = datetime.datetime.combine(
        TODAY + datetime.timedelta(days=30), datetime.time()
    )
    cells["occupation"] = 7112

    report = import_en(xlsx_file([cells, row("R2", worker_fee="900")]), rustam)

    assert report.created == 1
    vacancy = Vacancy.objects.get()
    assert (vacancy.workers, vacancy.closes_on) == (10, TODAY + datetime.timedelta(days=30))
    assert [(problem.row, problem.column) for problem in report.problems] == [(3, "worker_fee")]


def test_a_file_that_is_not_csv_or_xlsx_is_refused(rustam, register):
    report = import_en(b"\xff\xfe\x00garbage", rustam)

    assert report.file_problems == ["The file is neither UTF-8 text (CSV) nor an XLSX workbook."]


def test_the_template_has_the_header_and_an_example_row_that_imports(client, rustam, register):
    client.force_login(rustam)

    response = client.get(reverse("recruitment:import_template"))

    workbook = load_workbook(io.BytesIO(response.content))
    rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    assert list(rows[0]) == COLUMNS
    assert len(rows) == 2
    assert import_en(response.content, rustam).created == 1


def test_an_upload_runs_as_a_job_with_progress_and_a_report(client, rustam, register, settings,
                                                            tmp_path):  # fmt: skip
    settings.MEDIA_ROOT = tmp_path
    client.cookies["django_language"] = "en"
    client.force_login(rustam)
    assert client.get(reverse("recruitment:import")).status_code == 200

    response = client.post(
        reverse("recruitment:import"),
        {"file": SimpleUploadedFile("vacancies.csv", csv_file(MIXED))},
    )

    job = Job.objects.get(kind="vacancy_import")
    assert response["Location"] == reverse("staff:job", args=[job.pk])
    run_job(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED
    assert (job.done, job.total) == (8, 8)
    assert "Vacancies created: 2; updated: 0; rows with errors skipped: 6" in job.log
    assert "Row 7, wage: Enter a number." in job.log
    report = client.get(reverse("staff:job_result", args=[job.pk])).getvalue().decode("utf-8-sig")
    assert "7,wage: Enter a number." in report
    page = client.get(reverse("recruitment:import")).content.decode()
    assert reverse("staff:job_result", args=[job.pk]) in page
    assert list(tmp_path.joinpath("vacancy-imports").iterdir()) == [], "the upload is not kept"


def test_a_wrong_header_fails_the_job_and_saves_nothing(client, rustam, register, settings,
                                                       tmp_path):  # fmt: skip
    settings.MEDIA_ROOT = tmp_path
    client.cookies["django_language"] = "en"
    client.force_login(rustam)
    columns = [name for name in COLUMNS if name != "closes_on"]
    client.post(
        reverse("recruitment:import"),
        {"file": SimpleUploadedFile("v.csv", csv_file([row("R1")], columns=columns))},
    )
    job = Job.objects.get()

    run_job(job.pk)

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert "Columns missing from the header row: closes_on." in job.log
    assert not Vacancy.objects.exists()


def test_a_counsellor_cannot_open_the_import_page(client, nigora):
    client.force_login(nigora)

    assert client.get(reverse("recruitment:import")).status_code == 404
    assert client.get(reverse("recruitment:import_template")).status_code == 404


def test_the_command_imports_a_file_as_a_named_user(rustam, register, tmp_path):
    path = tmp_path / "vacancies.csv"
    path.write_bytes(csv_file(MIXED))
    output = io.StringIO()

    with translation.override("en"):
        call_command("import_vacancies", str(path), "--user", "rustam", stdout=output)

    assert Vacancy.objects.count() == 2
    assert "Row 7, wage: Enter a number." in output.getvalue()
    assert "Vacancies created: 2" in output.getvalue()
    with pytest.raises(CommandError):
        call_command("import_vacancies", str(path), "--user", "nobody")


def test_three_thousand_rows_import_quickly_with_few_queries(
    rustam, register, django_assert_max_num_queries
):
    closing = [(TODAY + datetime.timedelta(days=days)).isoformat() for days in (30, 60, 90)]
    rows = [
        row(f"R{index}", closes_on=closing[index % 3], wage=str(80000 + index))
        for index in range(3000)
    ]
    rows[10]["wage"] = "x"
    data = csv_file(rows)
    started = time.monotonic()

    # A handful of queries per file and per batch of inserts (SQLite takes about 40 rows in a
    # batch, PostgreSQL 500): far fewer than one a row.
    with django_assert_max_num_queries(len(rows) // 20):
        report = import_en(data, rustam)

    assert report.created == 2999
    assert [(problem.row, problem.column) for problem in report.problems] == [(12, "wage")]
    assert time.monotonic() - started < 30
    assert import_en(data, rustam).updated == 2999
