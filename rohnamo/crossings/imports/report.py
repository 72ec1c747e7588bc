"""The row-level report of an import, offered back to the statistician as a CSV file.

Each reported row is repeated as it was in the file (the original columns), followed by three
columns in the uploader's language: the row number, the kind ("rejected": not imported, fix it
and upload the file again; "warning": imported, the value named was dropped) and the problems
("field: what is wrong", separated by semicolons). Rejected rows come first, so the rows to fix
are at the top; uploading the corrected file again imports them and only counts the rest as
duplicates. The report is written to temporary files while the import runs, so a million
warnings never sit in memory.

A file that could not be imported at all gets a report with a single "problem" column.
"""

import csv
import io
import tempfile
from collections import Counter

from django.core.files import File
from django.utils.translation import gettext as _

from rohnamo.crossings.choices import BatchStatus
from rohnamo.crossings.imports.columns import report_columns
from rohnamo.crossings.imports.values import text

# The job log repeats this many problems; the rest are in the report.
LOGGED = 20


class ProblemReport:
    """Reported rows of one import, in two temporary CSV files (rejected rows, warnings)."""

    def __init__(self, header):
        self.header = header
        self.width = len(header)
        # Closed by ``save`` or ``close``; the import's ``finally`` sees to it.
        self.rejected = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")  # noqa: SIM115
        self.warned = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")  # noqa: SIM115
        self._rejected = csv.writer(self.rejected)
        self._warned = csv.writer(self.warned)
        self.rejected_label, self.warning_label = _("rejected"), _("warning")
        self.first = []  # the first problems, for the job log
        self.count = 0
        self.rejected_columns = Counter()
        self.warned_columns = Counter()

    def reject(self, number, cells, problems):
        self.rejected_columns.update(column for column, _message in problems)
        self._write(self._rejected, self.rejected_label, number, cells, problems)

    def warn(self, number, cells, problems):
        self.warned_columns.update(column for column, _message in problems)
        self._write(self._warned, self.warning_label, number, cells, problems)

    def by_column(self):
        """Lines counting the problems per column, for the job log."""
        lines = []
        for counts, label in [
            (self.rejected_columns, _("Rows rejected, by column: %(counts)s.")),
            (self.warned_columns, _("Warnings, by column: %(counts)s.")),
        ]:
            if counts:
                listed = ", ".join(f"{column} {count}" for column, count in counts.most_common())
                lines.append(label % {"counts": listed})
        return lines

    def _write(self, writer, kind, number, cells, problems):
        original = [text(cell) for cell in cells[: self.width]]
        original += [""] * (self.width - len(original))
        described = "; ".join(f"{column}: {message}" for column, message in problems)
        writer.writerow([*original, number, kind, described])
        self.count += 1
        if len(self.first) < LOGGED:
            self.first.append(
                _("Row %(row)d (%(kind)s): %(problems)s")
                % {"row": number, "kind": kind, "problems": described}
            )

    def save(self, batch):
        """Write the report into ``batch.report`` (when there is anything to report)."""
        try:
            if not self.count:
                return
            with tempfile.TemporaryFile("w+b") as output:
                # Excel opens a CSV as UTF-8 only with the byte-order mark.
                output.write("\ufeff".encode())
                header = io.StringIO()
                csv.writer(header).writerow([*self.header, *report_columns()])
                output.write(header.getvalue().encode())
                for part in (self.rejected, self.warned):
                    part.seek(0)
                    while chunk := part.read(1024 * 1024):
                        output.write(chunk.encode())
                output.seek(0)
                batch.report.save(_report_name(batch), File(output), save=False)
        finally:
            self.close()

    def close(self):
        self.rejected.close()
        self.warned.close()


def save_failure(batch, messages):
    """The report of a file that could not be imported: one column with the reasons."""
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow([_("problem")])
    writer.writerows([message] for message in messages)
    content = ("\ufeff" + output.getvalue()).encode()
    batch.report.save(_report_name(batch), File(io.BytesIO(content)), save=False)


def failure_messages(batch):
    """Why a failed batch imported nothing, as the report says (empty for other batches)."""
    if batch.status != BatchStatus.FAILED or not batch.report:
        return []
    with batch.report.open("rb") as stored:
        lines = list(csv.reader(io.StringIO(stored.read(64 * 1024).decode("utf-8-sig"))))
    if not lines or len(lines[0]) != 1:
        return []
    return [line[0] for line in lines[1:] if line]


def _report_name(batch):
    return f"cards-{batch.pk}-report.csv"


def summary(batch):
    """The counts of an import in one line, as the job log and the command print them."""
    return _(
        "rows read %(read)d, imported %(imported)d, rejected %(rejected)d, "
        "duplicates %(duplicates)d, warnings %(warnings)d"
    ) % {
        "read": batch.rows_read,
        "imported": batch.imported,
        "rejected": batch.rejected,
        "duplicates": batch.duplicates,
        "warnings": batch.warnings,
    }
