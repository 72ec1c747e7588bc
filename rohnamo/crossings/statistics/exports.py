"""The tables as files: XLSX (one worksheet per table, headings as the page shows them), CSV
(one heading line, one line per row) and SDMX-CSV (one line per count, see ``sdmx``).

A hidden count is written ".." in XLSX and CSV and as an empty OBS_VALUE with OBS_STATUS "C"
in SDMX-CSV; the files of a public table say so under the table.
"""

import csv
import io
import re

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from rohnamo.crossings.statistics.sdmx import sdmx_csv
from rohnamo.crossings.statistics.structure import CHANGE, HIDDEN_MARK

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PERCENT_FORMAT = "+0.0%;-0.0%;0.0%"
FORMATS = ["xlsx", "csv", "sdmx"]

# Excel refuses these characters in worksheet names and cuts names at 31 characters.
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")


def hidden_legend(threshold):
    return _(
        "“..”: hidden to protect the people counted (a count from 1 to %(below)s, or a "
        "count that would reveal one by subtraction)."
    ) % {"below": threshold - 1}


def _plain(cell):
    """The value a file holds for ``cell``: a number, ".." when hidden, "" for no change."""
    if cell.hidden:
        return HIDDEN_MARK
    if cell.value is None:
        return ""
    return cell.value


def _data_lines(table):
    """``(section, row)`` in the order of the page, the total row last."""
    for section, rows in table.sections():
        for row in rows:
            yield section, row
    if table.total_row:
        yield "", table.total_row


def table_csv(table):
    """One table as CSV text: a heading line (the column headings joined with " · ")."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    has_sections = any(section for section, _rows in table.sections())
    first = [_("Section")] if has_sections else []
    writer.writerow([*first, table.row_heading or _("Row"), *(c.heading for c in table.columns)])
    for section, row in _data_lines(table):
        start = [section] if has_sections else []
        writer.writerow([*start, row.label, *(_plain(cell) for cell in row.cells)])
    return buffer.getvalue()


def _sheet_name(title, taken):
    name = _NOT_IN_SHEET_NAMES.sub(" ", str(title))[:31].strip() or "Sheet"
    candidate, number = name, 2
    while candidate.lower() in taken:
        suffix = f" ({number})"
        candidate, number = name[: 31 - len(suffix)] + suffix, number + 1
    taken.add(candidate.lower())
    return candidate


def _write_table(sheet, table, threshold):
    bold = Font(bold=True)
    sheet.cell(row=1, column=1, value=str(table.title)).font = bold
    line = 3
    for level in table.header_rows():
        column = 2
        for label, span in level:
            cell = sheet.cell(row=line, column=column, value=str(label) or None)
            cell.font = bold
            cell.alignment = Alignment(horizontal="center", wrap_text=True)
            if span > 1:
                sheet.merge_cells(
                    start_row=line, start_column=column, end_row=line, end_column=column + span - 1
                )
            column += span
        line += 1
    sheet.cell(row=line - 1, column=1, value=str(table.row_heading)).font = bold
    current = None
    for section, row in _data_lines(table):
        if section and section != current:
            sheet.cell(row=line, column=1, value=str(section)).font = bold
            line += 1
        current = section
        sheet.cell(row=line, column=1, value=str(row.label)).font = bold if row.total else Font()
        for column, cell in enumerate(row.cells, start=2):
            target = sheet.cell(row=line, column=column)
            if cell.kind == CHANGE and not cell.hidden and cell.value is not None:
                target.value = float(cell.value) / 100
                target.number_format = PERCENT_FORMAT
            else:
                target.value = _plain(cell) if _plain(cell) != "" else "—"
        line += 1
    for text in (table.note, hidden_legend(threshold) if table.public else ""):
        if text:
            line += 1
            sheet.cell(row=line, column=1, value=str(text))
    sheet.column_dimensions["A"].width = 36


def tables_xlsx(tables, *, threshold=5):
    """``tables`` as the bytes of an XLSX workbook, one worksheet each."""
    book = Workbook()
    book.remove(book.active)
    taken = set()
    for table in tables:
        _write_table(book.create_sheet(_sheet_name(table.title, taken)), table, threshold)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def export_response(tables, *, fmt, filename, threshold=5):
    """A download of ``tables`` in ``fmt`` ("xlsx", "csv" or "sdmx") named ``filename``."""
    if fmt == "xlsx":
        body, content_type, extension = tables_xlsx(tables, threshold=threshold), XLSX_TYPE, "xlsx"
    elif fmt == "csv":
        # The BOM lets Excel open the Cyrillic text as UTF-8.
        text = "\r\n".join(table_csv(table) for table in tables)
        body, content_type, extension = "\ufeff" + text, "text/csv; charset=utf-8", "csv"
    elif fmt == "sdmx":
        body = sdmx_csv(tables)
        content_type, extension = "text/csv; charset=utf-8", "sdmx.csv"
    else:
        raise ValueError(f"Unknown format: {fmt}")
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{extension}"'
    return response
