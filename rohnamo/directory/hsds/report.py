"""What an import found: problems per record, notes, and counts of what it saved."""

import csv
import io
from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

ERROR = "error"
NOTE = "note"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with (or left out of) one record of an HSDS file.

    ``path`` is a JSON path into the file (``$.services[0].status``); rows of a CSV table are
    addressed as in the tabular JSON form, ``$['services.csv'][0].status``.
    """

    record_type: str
    record_id: str
    path: str
    message: str
    severity: str = ERROR

    def __str__(self):
        return f"{self.record_type} {self.record_id or '—'} {self.path}: {self.message}"


@dataclass
class ImportReport:
    problems: list = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)  # ("organization", "created") -> n
    saved: bool = False

    @property
    def errors(self):
        return [problem for problem in self.problems if problem.severity == ERROR]

    @property
    def notes(self):
        return [problem for problem in self.problems if problem.severity == NOTE]

    def error(self, record_type, record_id, path, message):
        self.problems.append(Problem(record_type, str(record_id or ""), path, message))

    def note(self, record_type, record_id, path, message):
        self.problems.append(Problem(record_type, str(record_id or ""), path, message, NOTE))

    def count(self, record_type, outcome):
        self.counts[(record_type, outcome)] += 1

    def summary(self):
        """One line for people: what was saved, or why nothing was."""
        if self.errors:
            records = {(problem.record_type, problem.record_id) for problem in self.errors}
            return _(
                "Nothing was imported: %(errors)d errors in %(records)d records. "
                "Correct the file and import it again."
            ) % {"errors": len(self.errors), "records": len(records)}
        outcome = {"created": 0, "updated": 0, "unchanged": 0}
        for (_type, result), number in self.counts.items():
            outcome[result] += number
        return (
            _(
                "Imported: %(created)d records created, %(updated)d updated, "
                "%(unchanged)d unchanged."
            )
            % outcome
        )

    def as_csv(self):
        """The problems as CSV (UTF-8 with a byte-order mark, for spreadsheets)."""
        text = io.StringIO()
        writer = csv.writer(text)
        writer.writerow(["severity", "record_type", "record_id", "path", "message"])
        for problem in self.problems:
            writer.writerow(
                [
                    problem.severity,
                    problem.record_type,
                    problem.record_id,
                    problem.path,
                    problem.message,
                ]
            )
        return ("\ufeff" + text.getvalue()).encode("utf-8")
