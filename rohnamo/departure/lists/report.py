"""The rejected rows of a list import, offered back to the officer as a CSV file.

Each rejected row is repeated as it was in the file (the documented columns found), followed by
the row number and the problems ("column: what is wrong", separated by semicolons), in the
uploader's language. Lists hold thousands of rows, so the report is built in memory.
"""

import csv
import io

from django.core.files.base import ContentFile

from rohnamo.crossings.imports.values import text
from rohnamo.departure.lists.columns import report_columns
from rohnamo.lib.spreadsheets import csv_text


class RejectedRows:
    def __init__(self, header):
        self.header = header
        self.rows = []

    def reject(self, number, cells, problems):
        original = [csv_text(text(cell)) for cell in cells[: len(self.header)]]
        original += [""] * (len(self.header) - len(original))
        described = "; ".join(f"{column}: {message}" for column, message in problems)
        self.rows.append([*original, number, described])

    def __len__(self):
        return len(self.rows)

    def first(self, count=5):
        """The first problems as "row N: ..." lines, for a message."""
        return [f"{row[-2]}: {row[-1]}" for row in self.rows[:count]]

    def save(self, ban_list):
        """Write the report into ``ban_list.report`` (when a row was rejected)."""
        if not self.rows:
            return
        output = io.StringIO()
        writer = csv.writer(output)
        writer.writerow([*self.header, *report_columns()])
        writer.writerows(self.rows)
        # Excel opens a CSV as UTF-8 only with the byte-order mark.
        content = ContentFile(("\ufeff" + output.getvalue()).encode())
        ban_list.report.save(f"list-{ban_list.pk}-report.csv", content, save=False)
