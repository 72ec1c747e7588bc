"""The files border systems send: CSV in three encodings and three separators, XLSX, and files
that are empty, mislabelled or not card files at all."""

import datetime

import pytest
from django.utils import translation

from rohnamo.crossings.choices import BatchStatus
from rohnamo.crossings.imports.columns import COLUMNS
from rohnamo.crossings.imports.importer import import_cards
from rohnamo.crossings.imports.report import failure_messages
from rohnamo.crossings.models import Crossing, CrossingPoint
from rohnamo.crossings.tests.conftest import card, cards, write_cards, write_cards_xlsx


@pytest.fixture(autouse=True)
def in_english(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    with translation.override("en"):
        yield


def imported(path, actor, **kwargs):
    return import_cards(path=path, file_name=path.name, actor=actor, **kwargs)


def test_a_utf8_file_keeps_tajik_letters_in_names(jamshed, tmp_path):
    path = write_cards(tmp_path / "cards.csv", [card(surname="Ҳақназарова", given_name="Ғунчаӣ")])

    batch = imported(path, jamshed)

    assert (batch.status, batch.imported) == (BatchStatus.IMPORTED, 1)
    assert Crossing.objects.get().surname == "Ҳақназарова"
    assert Crossing.objects.get().given_name == "Ғунчаӣ"


def test_a_utf8_file_with_a_byte_order_mark_reads_its_first_column(jamshed, tmp_path):
    path = write_cards(tmp_path / "cards.csv", cards(3), encoding="utf-8-sig")

    batch = imported(path, jamshed)

    assert batch.imported == 3
    assert sorted(Crossing.objects.values_list("card_number", flat=True)) == [
        "A0000001",
        "A0000002",
        "A0000003",
    ]


def test_a_windows_1251_file_with_semicolons_carries_russian_spellings(jamshed, tmp_path):
    # Windows-1251 has no ҳ ҷ ӯ ӣ ғ қ: an old border PC writes the Russian spelling.
    rows = [
        card(
            surname="Рахимов",
            given_name="Джамшед",
            patronymic="Кодирович",
            residence_district="город Худжанд",
            country="Россия",
            citizenship="Таджикистан",
            direction="выезд",
            sex="М",
            crossing_date="15.01.2026",
        )
    ]
    path = write_cards(tmp_path / "cards.csv", rows, encoding="cp1251", delimiter=";")

    batch = imported(path, jamshed)

    crossing = Crossing.objects.select_related("residence_district", "country", "citizenship").get()
    assert (batch.imported, batch.warnings) == (1, 0)
    assert (crossing.surname, crossing.given_name) == ("Рахимов", "Джамшед")
    assert crossing.residence_district.code == "sughd-khujand"
    assert (crossing.country.code, crossing.citizenship.code) == ("RU", "TJ")
    assert (crossing.direction, crossing.sex) == ("exit", "M")
    assert crossing.crossing_date == datetime.date(2026, 1, 15)


def test_a_tab_separated_file_imports(jamshed, tmp_path):
    path = write_cards(tmp_path / "cards.txt", cards(2), delimiter="\t")

    assert imported(path, jamshed).imported == 2


def test_an_xlsx_workbook_with_date_and_number_cells_imports(jamshed, tmp_path):
    rows = [
        card(
            12345,
            crossing_date=datetime.datetime(2026, 2, 1),
            birth_date=datetime.date(1988, 7, 9),
            surname="Қурбонов",
            given_name="Ӯғлон",
            passport_number=40123456,
        )
    ]
    path = write_cards_xlsx(tmp_path / "cards.xlsx", rows)

    batch = imported(path, jamshed)

    crossing = Crossing.objects.get()
    assert batch.imported == 1
    assert crossing.card_number == "12345"
    assert (crossing.crossing_date, crossing.birth_date) == (
        datetime.date(2026, 2, 1),
        datetime.date(1988, 7, 9),
    )
    assert (crossing.surname, crossing.given_name) == ("Қурбонов", "Ӯғлон")
    assert crossing.passport_number == "40123456"


@pytest.mark.parametrize(
    "written", ["2026-03-05", "05.03.2026", "05/03/2026", "5.3.2026", "2026-03-05 00:00:00"]
)
def test_dates_are_read_in_the_formats_border_systems_write(jamshed, tmp_path, written):
    path = write_cards(tmp_path / "cards.csv", [card(crossing_date=written, birth_date=written)])

    imported(path, jamshed)

    crossing = Crossing.objects.get()
    assert crossing.crossing_date == datetime.date(2026, 3, 5)
    assert crossing.birth_date == datetime.date(2026, 3, 5)


def test_an_empty_file_fails_with_a_clear_message_and_saves_nothing(jamshed, tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")

    batch = imported(path, jamshed)

    assert batch.status == BatchStatus.FAILED
    assert failure_messages(batch) == ["The file is empty."]
    assert not Crossing.objects.exists()


def test_a_header_without_cards_fails(jamshed, tmp_path):
    path = write_cards(tmp_path / "cards.csv", [])

    batch = imported(path, jamshed)

    assert failure_messages(batch) == ["The file has a header row but no cards under it."]


def test_a_wrong_header_names_the_missing_and_unknown_columns(jamshed, tmp_path):
    columns = [name for name in COLUMNS if name not in ("direction", "crossing_date")]
    columns.append("date_of_crossing")
    path = write_cards(tmp_path / "cards.csv", cards(3), columns=columns)

    batch = imported(path, jamshed)

    assert batch.status == BatchStatus.FAILED
    assert failure_messages(batch) == [
        "Columns missing from the header row: direction, crossing_date.",
        "Unknown columns in the header row: date_of_crossing. Name them as documented, or map "
        "them to the documented columns on the upload page.",
        "Nothing was imported.",
    ]
    assert not Crossing.objects.exists()
    assert batch.imported == 0


def test_header_names_may_be_in_any_case_and_optional_columns_left_out(jamshed, tmp_path):
    columns = ["card_number", "crossing_point", "direction", "crossing_date", "surname"]
    path = write_cards(tmp_path / "cards.csv", [card()], columns=columns)
    header = "CARD_NUMBER,Crossing_Point,Direction,crossing_date,Surname"
    path.write_text(path.read_text().replace(",".join(columns), header))

    batch = imported(path, jamshed)

    assert (batch.imported, batch.warnings) == (1, 0)
    assert Crossing.objects.get().surname == "Раҳимов"


def test_a_file_in_another_encoding_is_refused(jamshed, tmp_path):
    path = tmp_path / "cards.csv"
    path.write_bytes(",".join(COLUMNS).encode("utf-16"))

    batch = imported(path, jamshed)

    assert batch.status == BatchStatus.FAILED
    assert failure_messages(batch) == [
        "The file is in UTF-16 or is not text; save it as CSV UTF-8 and upload it again."
    ]


def test_a_binary_file_is_refused_as_neither_csv_nor_xlsx(jamshed, tmp_path):
    path = tmp_path / "photo.csv"
    path.write_bytes(bytes(range(1, 256)) * 40)

    batch = imported(path, jamshed)

    assert failure_messages(batch)[0].startswith(
        "The file is neither UTF-8 nor Windows-1251 text (CSV) nor an XLSX workbook"
    )


def test_an_old_excel_file_is_refused_with_what_to_do(jamshed, tmp_path):
    path = tmp_path / "cards.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)

    batch = imported(path, jamshed)

    assert failure_messages(batch) == [
        "This is an old Excel (XLS) file; save it as XLSX or CSV and upload it again."
    ]


def test_a_broken_workbook_is_refused(jamshed, tmp_path):
    path = tmp_path / "cards.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")

    batch = imported(path, jamshed)

    assert failure_messages(batch) == ["The workbook cannot be read; save it again as XLSX."]


def test_a_bad_byte_deep_in_a_utf8_file_fails_the_whole_file(jamshed, tmp_path):
    path = write_cards(tmp_path / "cards.csv", cards(30_000))
    with open(path, "ab") as output:
        output.write(b"B1,DYU,exit,2026-01-15,\xff\xfe\n")

    batch = imported(path, jamshed)

    assert batch.status == BatchStatus.FAILED
    assert "stops being readable as UTF-8 text" in failure_messages(batch)[0]
    assert not Crossing.objects.exists(), "nothing half-imported"
    assert not CrossingPoint.objects.filter(confirmed=False).exists()
