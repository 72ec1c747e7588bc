"""Reading an uploaded vacancy sheet (CSV or XLSX) into rows, and writing the template.

Both formats come out the same: the header as a list of names and the rows as lists of cell
values (strings from CSV; strings, numbers or dates from XLSX), each with its row number as a
spreadsheet shows it, so a report's "row 5" is the fifth line the person sees.
"""

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from rohnamo.recruitment.imports.columns import COLUMNS, column_help

# XLSX files are zip archives; anything else is read as CSV text.
ZIP_SIGNATURE = b"PK\x03\x04"


class UnreadableFile(ValueError):
    """The upload is neither UTF-8 CSV nor an XLSX workbook."""


@dataclass
class Sheet:
    header: list[str]
    rows: list[tuple[int, list]] = field(default_factory=list)  # (row number, cells)


def read_sheet(data):
    """The header and non-empty rows of ``data`` (the bytes of a CSV or XLSX file)."""
    if data.startswith(ZIP_SIGNATURE):
        return _read_xlsx(data)
    return _read_csv(data)


def _read_csv(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        message = _("The file is neither UTF-8 text (CSV) nor an XLSX workbook.")
        raise UnreadableFile(message) from error
    first_line = text.split("\n", 1)[0]
    # A spreadsheet saved as CSV in a Russian or Tajik locale separates by semicolons.
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    # Numbered by record, as a spreadsheet opening the file numbers its rows.
    return _sheet(enumerate(reader, start=1))


def _read_xlsx(data):
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise UnreadableFile(_("The workbook cannot be read; save it again as XLSX.")) from error
    try:
        worksheet = workbook.worksheets[0]
        rows = worksheet.iter_rows(values_only=True)
        return _sheet((number, list(row)) for number, row in enumerate(rows, start=1))
    finally:
        workbook.close()


def _sheet(numbered_rows):
    header, sheet = None, None
    for number, cells in numbered_rows:
        if not any(_filled(cell) for cell in cells):
            continue
        if header is None:
            header = [str(cell or "").strip().lower() for cell in cells]
            while header and not header[-1]:
                header.pop()
            sheet = Sheet(header)
            continue
        sheet.rows.append((number, list(cells)))
    return sheet or Sheet([])


def _filled(cell):
    return cell is not None and str(cell).strip() != ""


def template_workbook():
    """The XLSX template: the header and one example row, and a sheet explaining each column."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Vacancies")[:31]
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    today = datetime.date.today()
    sheet.append(
        [
            "SA-2026-0001", "LIC-001", "StroyMontazh LLC", "RU", "Rostov-on-Don", "7112",
            _("Bricklayer"), 10, 90000, "RUB", _("8 hours a day, 6 days a week"), "free", 12,
            _("Basic Russian; two years of experience"), 0, "TJS",
            today.replace(year=today.year + 1, month=1, day=31),
        ]
    )  # fmt: skip
    sheet.cell(row=2, column=len(COLUMNS)).number_format = "yyyy-mm-dd"
    help_sheet = workbook.create_sheet(_("Columns")[:31])
    help_sheet.append([_("Column"), _("Required"), _("What to write")])
    for cell in help_sheet[1]:
        cell.font = Font(bold=True)
    for name, required, text in column_help():
        help_sheet.append([name, _("yes") if required else _("no"), text])
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
