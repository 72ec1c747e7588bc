"""A report as an XLSX workbook: one worksheet per table, the same lines the page shows."""

import io
import re
from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from rohnamo.counselling.reports.comparison import Change

# Excel refuses these characters in worksheet names and cuts names at 31 characters.
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")
PERCENT_FORMAT = "+0.0%;-0.0%;0.0%"


def _sheet_name(title, taken):
    name = _NOT_IN_SHEET_NAMES.sub(" ", str(title))[:31].strip() or "Sheet"
    candidate, number = name, 2
    while candidate.lower() in taken:
        suffix = f" ({number})"
        candidate, number = name[: 31 - len(suffix)] + suffix, number + 1
    taken.add(candidate.lower())
    return candidate


def _write_cell(sheet, row, column, value):
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, Change):
        # A number the spreadsheet can compute with, shown as the page shows it.
        if value.fraction is None:
            cell.value = str(value)
        else:
            cell.value = float(value.percent) / 100
            cell.number_format = PERCENT_FORMAT
    elif isinstance(value, int | Decimal):
        cell.value = value
        places = -value.as_tuple().exponent if isinstance(value, Decimal) else 0
        if places > 0:
            # A median of 3.0 days stays "3.0", as the page shows it.
            cell.number_format = "0." + "0" * places
    else:
        cell.value = str(value) or None
    return cell


def report_workbook(report):
    """The report's tables as XLSX bytes. Row 1 names the table, period and offices; row 2
    holds the column headings; then the lines of the table and its total line."""
    book = Workbook()
    book.remove(book.active)
    taken = set()
    for table in report.tables:
        sheet = book.create_sheet(_sheet_name(table.title, taken))
        title = " · ".join(str(part) for part in (table.title, report.period, report.scope_label))
        sheet.cell(row=1, column=1, value=title).font = Font(bold=True)
        for row, line in enumerate(table.all_lines(), start=2):
            for column, value in enumerate(line, start=1):
                cell = _write_cell(sheet, row, column, value)
                if row == 2 or (table.footer and line is table.footer):
                    cell.font = Font(bold=True)
        if table.note:
            sheet.cell(row=len(table.all_lines()) + 3, column=1, value=str(table.note))
        sheet.column_dimensions["A"].width = 40
    if not book.worksheets:
        book.create_sheet(_("Report"))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
