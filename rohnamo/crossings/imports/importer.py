"""Importing a file of border migration cards: the good rows kept, the bad ones reported.

Only the card number, crossing point, direction and date make a crossing: a row lacking one of
them, or holding something unreadable there, is rejected with the reason. Every other field may be
blank or unreadable on a real card; the card is then kept without that value and the row is
reported as a warning naming the field. Cards already in the register (same crossing point, card
number and date) are counted as duplicates and not saved again.

The file is read as a stream in chunks of ``CHUNK`` rows and the cards are saved in bulk (see
``writer``), all in one transaction: a file fails whole or imports whole, and a two-gigabyte file
never sits in memory.
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rohnamo.core import audit
from rohnamo.core.choices import AuditAction
from rohnamo.crossings.choices import BatchStatus
from rohnamo.crossings.imports import values
from rohnamo.crossings.imports.columns import COLUMNS, EXPECTED, REQUIRED, report_column_names
from rohnamo.crossings.imports.files import UnreadableFile, open_cards
from rohnamo.crossings.imports.progress import LiveProgress
from rohnamo.crossings.imports.reference import References
from rohnamo.crossings.imports.report import ProblemReport, save_failure, summary
from rohnamo.crossings.imports.values import Cached, Unreadable, text
from rohnamo.crossings.imports.writer import card_writer
from rohnamo.crossings.models import Crossing, ImportBatch

CHUNK = 20_000
FIRST_CROSSING = datetime.date(1991, 1, 1)
FIRST_BIRTH = datetime.date(1900, 1, 1)
LENGTHS = {
    name: Crossing._meta.get_field(name).max_length
    for name in ["card_number", "surname", "given_name", "patronymic", "passport_number"]
    + ["education", "occupation"]
}


class FileProblem(ValueError):
    """The file as a whole cannot be imported; ``messages`` say why."""

    def __init__(self, messages):
        super().__init__(" ".join(messages))
        self.messages = messages


@dataclass
class HeaderMap:
    positions: dict = field(default_factory=dict)  # documented column -> index in the row
    missing: list = field(default_factory=list)
    unknown: list = field(default_factory=list)  # headers as written
    twice: list = field(default_factory=list)

    def problems(self):
        messages = []
        if self.missing:
            messages.append(
                _("Columns missing from the header row: %(columns)s.")
                % {"columns": ", ".join(self.missing)}
            )
        if self.unknown:
            messages.append(
                _(
                    "Unknown columns in the header row: %(columns)s. Name them as documented, "
                    "or map them to the documented columns on the upload page."
                )
                % {"columns": ", ".join(self.unknown)}
            )
        if self.twice:
            messages.append(
                _("Columns named twice in the header row: %(columns)s.")
                % {"columns": ", ".join(self.twice)}
            )
        return messages


def map_header(header, mapping=None):
    """Which column of the file holds which documented column.

    A header is a documented column name (in any case), or a header of the source's ``mapping``
    (``{their header: documented column}``, a blank documented column meaning "ignore it"). The
    columns an error report adds (row, kind, problem) and columns without a name are ignored, so
    a corrected report can be uploaded as it is.
    """
    mapping = {name.strip().lower(): column for name, column in (mapping or {}).items()}
    ignored = report_column_names()
    found = HeaderMap()
    for index, name in enumerate(header):
        lowered = name.lower()
        column = lowered if lowered in COLUMNS else mapping.get(lowered)
        if column is None:
            # A column without a name holds nothing a reader could identify: left out.
            if lowered and lowered not in ignored:
                found.unknown.append(name)
        elif not column:
            continue
        elif column in found.positions:
            found.twice.append(column)
        else:
            found.positions[column] = index
    found.missing = [name for name in REQUIRED if name not in found.positions]
    return found


def import_cards(*, path, file_name, actor, source=None, progress=None):
    """Import the card file stored at ``path`` (CSV or XLSX) as a new ``ImportBatch``.

    ``source`` (a ``CardSource``) maps the file's own headers; ``progress`` (a job's
    ``Progress``) is told how far the import got and logs its problems. The row-level report
    is saved in the batch, in the active language. A file that cannot be imported at all fails
    the batch with the reasons as its report, and nothing is saved.
    """
    batch = ImportBatch.objects.create(
        file_name=file_name[: ImportBatch._meta.get_field("file_name").max_length],
        source=source,
        uploaded_by=actor,
        job=getattr(progress, "job", None),
    )
    committed = False
    try:
        with open_cards(path) as card_file:
            header = map_header(card_file.header, source.mapping if source else None)
            if not card_file.header:
                raise FileProblem([_("The file is empty.")])
            if header.problems():
                raise FileProblem([*header.problems(), _("Nothing was imported.")])
            if progress:
                progress.set_total(card_file.count_rows())
            report = ProblemReport(card_file.header)
            try:
                with LiveProgress(progress) as live, transaction.atomic():
                    new_points = _import_rows(batch, card_file, header, report, live, actor)
                committed = True
                _log(progress, batch, report, new_points)
                report.save(batch)
            finally:
                report.close()
    except (UnreadableFile, FileProblem) as error:
        messages = getattr(error, "messages", [str(error)])
        _fail(batch, messages, progress)
        return batch
    except Exception:
        if not committed:
            _fail(
                batch, [_("The import stopped because of an error; nothing was saved.")], progress
            )
        raise
    batch.save(update_fields=["report"])
    return batch


def _import_rows(batch, card_file, header, report, progress, actor):
    """Read, check and save every row; returns the crossing points registered on the way."""
    references = References()
    reader = CardReader(header, references, timezone.localdate())
    with card_writer(batch) as writer:
        chunk, read, rejected, warned = [], 0, 0, 0
        for number, cells in card_file.rows:
            read += 1
            card, rejections, warnings = reader.read(cells)
            if card is None:
                rejected += 1
                report.reject(number, cells, rejections)
            else:
                chunk.append(card)
                if warnings:
                    warned += 1
                    report.warn(number, cells, warnings)
            if read % CHUNK == 0:
                writer.write(chunk)
                chunk = []
                progress.advance(CHUNK)
        if not read:
            raise FileProblem([_("The file has a header row but no cards under it.")])
        if chunk:
            writer.write(chunk)
        imported = writer.finish()
    batch.rows_read, batch.rejected, batch.warnings = read, rejected, warned
    batch.imported, batch.duplicates = imported, read - rejected - imported
    batch.status = BatchStatus.IMPORTED
    batch.save()
    audit.record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=batch,
        fields=["crossings"],
        label=batch.file_name,
    )
    return references.new_points


def _log(progress, batch, report, new_points):
    if not progress:
        return
    progress.set_total(batch.rows_read)
    progress.advance(batch.rows_read - progress.job.done)
    progress.log(summary(batch))
    for line in [*report.by_column(), *report.first]:
        progress.log(line)
    if report.count > len(report.first):
        progress.log(
            _("… and %(count)d more in the report.") % {"count": report.count - len(report.first)}
        )
    for point in new_points:
        progress.log(
            _("New crossing point registered, to be confirmed: %(name)s (%(code)s).")
            % {"name": point.name_tg, "code": point.code}
        )


def _fail(batch, messages, progress):
    batch.status = BatchStatus.FAILED
    batch.rows_read = batch.imported = batch.rejected = batch.duplicates = batch.warnings = 0
    save_failure(batch, messages)
    batch.save()
    if progress:
        for message in messages:
            progress.log(message)


class CardReader:
    """Checks one row at a time: (card values in ``writer.FIELDS`` order or None, the
    rejections, the warnings), each problem a (column, message) pair."""

    def __init__(self, header, references, today):
        at = header.positions
        self.width = max(at.values()) + 2
        absent = self.width - 1  # an index past the row's cells, always empty
        self.at = {name: at.get(name, absent) for name in COLUMNS}
        self.expected = [name for name in EXPECTED if name in at]
        self.today = today
        self.point = Cached(references.point)
        self.country = Cached(references.country)
        self.district = Cached(references.district)
        self.date = Cached(values.date)
        self.direction = Cached(values.direction)
        self.sex = Cached(values.sex)
        self.purpose = Cached(values.purpose)
        # Translated once per file, not once per row.
        self.empty_required = _("This column may not be empty.")
        self.empty = _("Empty; the card is kept without it.")
        self.future = _("The date is in the future.")
        self.too_early = _("The date is before %(date)s.") % {"date": FIRST_CROSSING.isoformat()}
        self.born_after = _("The date of birth is after the date of crossing.")
        self.born_early = _("The date of birth is before %(date)s.") % {
            "date": FIRST_BIRTH.isoformat()
        }

    def read(self, cells):
        # Every cell as trimmed text first (a spreadsheet's date as YYYY-MM-DD): the readers
        # below then remember each distinct spelling, and a row costs a few look-ups.
        values = [" ".join(cell.split()) if cell.__class__ is str else text(cell) for cell in cells]
        if len(values) < self.width:
            values += [""] * (self.width - len(values))
        at = self.at
        rejections = []
        card_number = values[at["card_number"]]
        if not card_number:
            rejections.append(("card_number", self.empty_required))
        elif len(card_number) > LENGTHS["card_number"]:
            rejections.append(("card_number", _too_long(LENGTHS["card_number"])))
        point = self.point(values[at["crossing_point"]])
        if point is None:
            rejections.append(("crossing_point", self.empty_required))
        direction = self._required("direction", values, self.direction, rejections, _direction)
        crossing_date = self._required("crossing_date", values, self.date, rejections, _date)
        if crossing_date is not None:
            if crossing_date > self.today:
                rejections.append(("crossing_date", self.future))
            elif crossing_date < FIRST_CROSSING:
                rejections.append(("crossing_date", self.too_early))
        if rejections:
            return None, rejections, []
        warnings = [(column, self.empty) for column in self.expected if not values[at[column]]]
        surname = self._limited("surname", values, warnings)
        given_name = self._limited("given_name", values, warnings)
        patronymic = self._limited("patronymic", values, warnings)
        sex = self._optional("sex", values, self.sex, warnings, _sex)
        birth_date = self._optional("birth_date", values, self.date, warnings, _date)
        if birth_date is not None:
            if birth_date > crossing_date:
                warnings.append(("birth_date", self.born_after))
                birth_date = None
            elif birth_date < FIRST_BIRTH:
                warnings.append(("birth_date", self.born_early))
                birth_date = None
        passport = values[at["passport_number"]]
        if passport:
            passport = passport.replace(" ", "").upper()
            if len(passport) > LENGTHS["passport_number"]:
                warnings.append(("passport_number", _too_long(LENGTHS["passport_number"])))
                passport = ""
        citizenship = self._optional("citizenship", values, self.country, warnings, _country)
        district = self._optional("residence_district", values, self.district, warnings, _district)
        country = self._optional("country", values, self.country, warnings, _country)
        purpose = self._optional("purpose", values, self.purpose, warnings, _purpose)
        education = self._limited("education", values, warnings)
        occupation = self._limited("occupation", values, warnings)
        card = (
            point, card_number, direction, crossing_date, surname, given_name, patronymic,
            sex or "", birth_date, passport, citizenship, district, country, purpose or "",
            education, occupation,
        )  # fmt: skip
        return card, [], warnings

    def _required(self, column, values, reader, problems, message):
        try:
            value = reader(values[self.at[column]])
        except Unreadable as error:
            problems.append((column, message(error)))
            return None
        if not value:
            problems.append((column, self.empty_required))
            return None
        return value

    def _optional(self, column, values, reader, problems, message):
        value = values[self.at[column]]
        if not value:
            return None
        try:
            return reader(value)
        except Unreadable as error:
            problems.append((column, message(error)))
            return None

    def _limited(self, column, values, problems):
        value = values[self.at[column]]
        if len(value) > LENGTHS[column]:
            problems.append((column, _too_long(LENGTHS[column])))
            return ""
        return value


def _too_long(count):
    return _("Longer than %(count)d characters.") % {"count": count}


def _date(error):
    return _("Unreadable date “%(value)s”; write YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY.") % {
        "value": error.args[0]
    }


def _direction(error):
    return _("Unknown direction “%(value)s”; write exit or entry.") % {"value": error.args[0]}


def _sex(error):
    return _("Unknown sex “%(value)s”; write M or F.") % {"value": error.args[0]}


def _country(error):
    return _("Unknown country “%(value)s”.") % {"value": error.args[0]}


def _district(error):
    return _("Unknown district “%(value)s”.") % {"value": error.args[0]}


def _purpose(error):
    return _("Unknown purpose “%(value)s”.") % {"value": error.args[0]}
