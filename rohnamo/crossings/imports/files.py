"""Opening a stored card file (CSV or XLSX) as a stream of rows, never all of it in memory.

Both formats come out the same: the header as written and the rows as lists of cell values
(strings from CSV; strings, numbers or dates from XLSX), each with its row number as a spreadsheet
shows it, so a report's "row 5" is the fifth line the statistician sees. Blank rows are skipped.

Border systems write CSV in UTF-8, UTF-8 with a byte-order mark, or Windows-1251 (older Russian
software), separated by commas, semicolons (a spreadsheet in a Russian or Tajik locale) or tabs.
"""

import codecs
import csv
import unicodedata
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass

from django.utils.translation import gettext as _
from openpyxl import load_workbook

# XLSX files are zip archives; Excel 97-2003 files are OLE compound documents.
ZIP_SIGNATURE = b"PK\x03\x04"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0"
# Enough of the file to tell its encoding and separator.
SAMPLE_BYTES = 1024 * 1024
COUNT_CHUNK = 8 * 1024 * 1024
DELIMITERS = [",", ";", "\t"]
# Characters Windows-1251 maps bytes 0x80-0xBF to that real Russian text rarely holds; a file
# full of them is not Windows-1251 but something else read wrongly.
UNLIKELY_1251 = set(bytes(range(0x80, 0xC0)).decode("cp1251", errors="ignore")) - set("Ёё№«»–—")

# Records of a CSV file may be long (an occupation written out), but not megabytes.
csv.field_size_limit(1024 * 1024)


class UnreadableFile(ValueError):
    """The file cannot be read as CSV or XLSX; the message says why, in the user's language."""


@dataclass
class CardFile:
    header: list  # the header cells as written, trimmed; empty for an empty file
    rows: object  # iterator of (row number, cells)
    count_rows: object  # () -> for progress, a cheap count of the rows (may be off a little)
    encoding: str = ""  # of a CSV file


@contextmanager
def open_cards(path):
    """The card file at ``path`` as a ``CardFile``; raises ``UnreadableFile``.

    Reading ``rows`` may still raise ``UnreadableFile`` (a bad byte deep inside the file).
    """
    with open(path, "rb") as raw:
        start = raw.read(SAMPLE_BYTES)
    if start.startswith(ZIP_SIGNATURE):
        with _xlsx(path) as card_file:
            yield card_file
    elif start.startswith(OLE_SIGNATURE):
        raise UnreadableFile(
            _("This is an old Excel (XLS) file; save it as XLSX or CSV and upload it again.")
        )
    else:
        with _csv(path, start) as card_file:
            yield card_file


def read_header(path):
    """Only the header of the file at ``path`` (for the mapping step of the upload page)."""
    with open_cards(path) as card_file:
        return card_file.header


@contextmanager
def _csv(path, start):
    encoding = detect_encoding(start)
    text = start.decode(encoding, errors="ignore")
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=first_line.count)
    with open(path, encoding=encoding, newline="") as stream:
        records = _csv_records(csv.reader(stream, delimiter=delimiter), encoding)
        header, rows = _split_header(records)
        yield CardFile(header, rows, lambda: max(_count_lines(path) - 1, 0), encoding)


def _csv_records(reader, encoding):
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):  # noqa: B007 - number is read below
            yield number, cells
    except UnicodeDecodeError as error:
        raise UnreadableFile(
            _("The file stops being readable as %(encoding)s text after row %(row)d.")
            % {"encoding": _encoding_name(encoding), "row": number}
        ) from error
    except csv.Error as error:
        raise UnreadableFile(
            _("Row %(row)d cannot be read as CSV: %(error)s") % {"row": number + 1, "error": error}
        ) from error


def detect_encoding(sample):
    """UTF-8 with or without the byte-order mark, or Windows-1251; else ``UnreadableFile``."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in sample:
        raise UnreadableFile(
            _("The file is in UTF-16 or is not text; save it as CSV UTF-8 and upload it again.")
        )
    try:
        # A sample cut in the middle of a character is still UTF-8: final=False allows it.
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = sample.decode("cp1251")
    except UnicodeDecodeError as error:
        raise _unknown_encoding() from error
    if not _looks_like_text(text):
        raise _unknown_encoding()
    return "cp1251"


def _unknown_encoding():
    return UnreadableFile(
        _(
            "The file is neither UTF-8 nor Windows-1251 text (CSV) nor an XLSX workbook; save "
            "it as CSV UTF-8 or XLSX and upload it again."
        )
    )


def _looks_like_text(text):
    unusual = 0
    for char in text:
        if char in UNLIKELY_1251:
            unusual += 1
        elif unicodedata.category(char) == "Cc" and char not in "\t\r\n":
            return False
    return unusual <= len(text) // 100


def _encoding_name(encoding):
    return "Windows-1251" if encoding == "cp1251" else "UTF-8"


def _count_lines(path):
    count, last = 0, b"\n"
    with open(path, "rb") as raw:
        while chunk := raw.read(COUNT_CHUNK):
            count += chunk.count(b"\n")
            last = chunk[-1:]
    return count + (last != b"\n")


@contextmanager
def _xlsx(path):
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
        worksheet = workbook.worksheets[0]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, IndexError) as error:
        raise UnreadableFile(_("The workbook cannot be read; save it again as XLSX.")) from error
    try:
        numbered = enumerate((list(row) for row in worksheet.iter_rows(values_only=True)), 1)
        header, rows = _split_header(numbered)
        yield CardFile(header, rows, lambda: max((worksheet.max_row or 1) - 1, 0))
    finally:
        workbook.close()


def _split_header(numbered_rows):
    """The first non-blank row as the header, and an iterator over the non-blank rows after it."""
    header = []
    for _number, cells in numbered_rows:
        if _filled(cells):
            header = ["" if cell is None else " ".join(str(cell).split()) for cell in cells]
            while header and not header[-1]:
                header.pop()
            break
    return header, (item for item in numbered_rows if _filled(item[1]))


def _filled(cells):
    for cell in cells:
        if cell is not None and cell != "" and (not isinstance(cell, str) or cell.strip()):
            return True
    return False
