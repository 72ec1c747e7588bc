"""Importing vacancies from a spreadsheet: each row checked, the good ones kept as drafts.

Rows are checked exactly as ``record_vacancy`` checks a vacancy (the model's own validation and
``vacancy_problems``), but the reference data is read once per file and the rows are saved in
bulk, so a file of thousands of rows takes seconds. A row's ``reference`` becomes the vacancy's
``import_key`` (prefixed by the uploader's organisation), so importing the same file again updates
the drafts instead of adding copies; a vacancy already verified is left as it is.
"""

import csv
import hashlib
import io
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rohnamo.core.choices import AuditAction
from rohnamo.core.models import AuditEntry, Country
from rohnamo.core.request_context import current_ip
from rohnamo.recruitment.choices import VacancyStatus
from rohnamo.recruitment.imports import cells
from rohnamo.recruitment.imports.columns import COLUMNS, REQUIRED
from rohnamo.recruitment.imports.files import UnreadableFile, read_sheet
from rohnamo.recruitment.models import Agency, Licence, Occupation, Vacancy
from rohnamo.recruitment.services.vacancies import vacancy_problems

BATCH = 500
KEY_LENGTH = Vacancy._meta.get_field("import_key").max_length
# Every field an import writes; an updated draft takes them all from the row.
IMPORTED_FIELDS = [
    "agency", "employer", "country", "city", "occupation", "title", "workers", "wage",
    "currency", "hours", "housing", "contract_months", "requirements", "worker_fee",
    "fee_currency", "closes_on",
]  # fmt: skip
# Resolved from the caches below, so the model need not look each one up again.
NOT_REVALIDATED = ["agency", "country", "occupation", "import_key", "created_by", "verified_by"]


@dataclass(frozen=True)
class RowProblem:
    row: int
    column: str
    message: str

    def __str__(self):
        if not self.column:
            return _("Row %(row)d: %(message)s") % {"row": self.row, "message": self.message}
        return _("Row %(row)d, %(column)s: %(message)s") % {
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


@dataclass
class ImportReport:
    """What an import did: counts, the file's problems and each bad row's reasons."""

    header: list = field(default_factory=list)
    file_problems: list = field(default_factory=list)  # wrong header or unreadable file
    missing: list = field(default_factory=list)
    unknown: list = field(default_factory=list)
    problems: list = field(default_factory=list)  # RowProblem of skipped rows
    notes: list = field(default_factory=list)  # RowProblem of rows left unchanged
    rows: dict = field(default_factory=dict)  # row number → original cells, of reported rows
    created: int = 0
    updated: int = 0

    @property
    def saved(self):
        return self.created + self.updated

    @property
    def skipped(self):
        return len({problem.row for problem in self.problems})

    @property
    def has_report(self):
        return bool(self.file_problems or self.problems or self.notes)

    def summary(self):
        if self.file_problems:
            return " ".join([*self.file_problems, _("Nothing was imported.")])
        return _(
            "Vacancies created: %(created)d; updated: %(updated)d; rows with errors skipped: "
            "%(skipped)d; left unchanged because already verified: %(unchanged)d."
        ) % {
            "created": self.created,
            "updated": self.updated,
            "skipped": self.skipped,
            "unchanged": len(self.notes),
        }

    def as_csv(self):
        """The reported rows as they were in the file, with the row number and the reasons."""
        output = io.StringIO()
        writer = csv.writer(output)
        if self.file_problems:
            writer.writerow(["error"])
            writer.writerows([problem] for problem in self.file_problems)
            return "\ufeff" + output.getvalue()
        writer.writerow([*self.header, "row", "error"])
        reasons = {}
        for problem in [*self.problems, *self.notes]:
            reasons.setdefault(problem.row, []).append(
                f"{problem.column}: {problem.message}" if problem.column else problem.message
            )
        width = len(self.header)
        for number in sorted(reasons):
            original = [cells.text(cell) for cell in self.rows[number]]
            original = (original + [""] * width)[:width]
            writer.writerow([*original, number, "; ".join(reasons[number])])
        # Excel opens a CSV as UTF-8 only with the byte-order mark.
        return "\ufeff" + output.getvalue()


class Register:
    """The reference data rows point at, read once per import (a few queries for any size)."""

    def __init__(self, today):
        self.today = today
        self.countries = {country.code: country for country in Country.objects.all()}
        self.occupations = {
            occupation.code: occupation
            for occupation in Occupation.objects.all()
            if len(occupation.code) == 4
        }
        agencies = Agency.objects.in_bulk()
        self.agencies = {
            _identifier(agency.tax_number): agency
            for agency in agencies.values()
            if agency.tax_number
        }
        # A licence number wins over a tax number that happens to read the same.
        for number, agency_id in Licence.objects.values_list("number", "agency_id"):
            self.agencies[_identifier(number)] = agencies[agency_id]
        self._problems = {}

    def problems(self, vacancy):
        """``vacancy_problems``, asked once per combination of the fields it reads."""
        key = (vacancy.agency_id, vacancy.closes_on, vacancy.worker_fee, vacancy.fee_currency)
        if key not in self._problems:
            self._problems[key] = vacancy_problems(vacancy, self.today)
        return self._problems[key]


def _identifier(value):
    return "".join(str(value).split()).upper()


def owner_prefix(actor):
    """A short hash of the uploader's organisation (their office, else their user name), so two
    organisations' references never collide and the same one's always match."""
    codes = sorted(actor.offices.values_list("code", flat=True)) if actor else []
    owner = f"office:{codes[0]}" if codes else f"user:{actor.get_username() if actor else ''}"
    return hashlib.sha256(owner.encode()).hexdigest()[:10] + ":"


def import_vacancies(*, data, actor, progress=None, today=None):
    """Import the CSV or XLSX file ``data`` (bytes) on behalf of ``actor``; see the module."""
    today = today or timezone.localdate()
    report = ImportReport()
    try:
        sheet = read_sheet(data)
    except UnreadableFile as error:
        report.file_problems.append(str(error))
        return report
    report.header = sheet.header
    _check_header(report)
    if report.file_problems:
        return report
    if progress:
        progress.set_total(len(sheet.rows))
    prefix = owner_prefix(actor)
    existing = _existing(prefix, sheet)
    register = Register(today)
    new, changed, seen = [], [], {}
    for number, row_cells in sheet.rows:
        values = dict(zip(sheet.header, row_cells, strict=False))
        problems, vacancy = _read_row(number, values, register, prefix, seen, existing, actor)
        if problems:
            report.rows[number] = row_cells
            if vacancy is None:
                report.problems.extend(problems)
            else:
                report.notes.extend(problems)
        elif vacancy.pk:
            changed.append(vacancy)
        else:
            new.append(vacancy)
        if progress:
            progress.advance()
    _save(new, changed, actor)
    report.created, report.updated = len(new), len(changed)
    return report


def _check_header(report):
    header = report.header
    report.missing = [name for name in REQUIRED if name not in header]
    report.unknown = [
        name or _("(empty, column %(number)d)") % {"number": index}
        for index, name in enumerate(header, start=1)
        if name not in COLUMNS
    ]
    twice = sorted({name for name in header if name in COLUMNS and header.count(name) > 1})
    if not header:
        report.file_problems.append(_("The file is empty."))
        return
    if report.missing:
        report.file_problems.append(
            _("Columns missing from the header row: %(columns)s.")
            % {"columns": ", ".join(report.missing)}
        )
    if report.unknown:
        report.file_problems.append(
            _("Unknown columns in the header row: %(columns)s.")
            % {"columns": ", ".join(report.unknown)}
        )
    if twice:
        report.file_problems.append(
            _("Columns named twice in the header row: %(columns)s.") % {"columns": ", ".join(twice)}
        )


def _existing(prefix, sheet):
    """The vacancies earlier imports made from this file's references, by import key."""
    position = sheet.header.index("reference")
    keys = [
        prefix + cells.text(row_cells[position])
        for _number, row_cells in sheet.rows
        if position < len(row_cells)
    ]
    found = {}
    for start in range(0, len(keys), BATCH):
        chunk = keys[start : start + BATCH]
        found.update((v.import_key, v) for v in Vacancy.objects.filter(import_key__in=chunk))
    return found


def _read_row(number, values, register, prefix, seen, existing, actor):
    """(problems, vacancy): problems and no vacancy for a bad row; a note and the untouched
    vacancy for one already verified; no problems and the vacancy to save for a good row."""
    problems = []

    def cell(column, reader, *args, **kwargs):
        try:
            return reader(values.get(column), *args, **kwargs)
        except cells.CellError as error:
            problems.append(RowProblem(number, column, str(error)))
            return None

    reference = cell("reference", cells.required_text)
    if reference is not None:
        key = prefix + reference
        if len(key) > KEY_LENGTH:
            problems.append(
                RowProblem(
                    number,
                    "reference",
                    _("At most %(count)d characters.") % {"count": KEY_LENGTH - len(prefix)},
                )
            )
        elif key in seen:
            problems.append(
                RowProblem(
                    number,
                    "reference",
                    _("The same reference as row %(row)d.") % {"row": seen[key]},
                )
            )
        else:
            seen[key] = number
            earlier = existing.get(key)
            if earlier is not None and earlier.status != VacancyStatus.DRAFT:
                note = _("Already %(status)s in the register; left unchanged.") % {
                    "status": earlier.get_status_display().lower()
                }
                return [RowProblem(number, "reference", note)], earlier
    fields = _fields(number, values, register, cell, problems)
    if problems:
        return problems, None
    vacancy = existing.get(prefix + reference) or Vacancy(
        import_key=prefix + reference, created_by=actor, status=VacancyStatus.DRAFT
    )
    for name, value in fields.items():
        setattr(vacancy, name, value)
    try:
        vacancy.full_clean(exclude=NOT_REVALIDATED)
    except ValidationError as error:
        problems.extend(_model_problems(number, error))
        return problems, None
    for column, message in register.problems(vacancy).items():
        problems.append(RowProblem(number, column, str(message)))
    return (problems, None) if problems else ([], vacancy)


def _fields(number, values, register, cell, problems):
    def looked_up(column, table, message, reader=cells.required_text):
        code = cell(column, reader)
        if code is None:
            return None
        found = table.get(code)
        if found is None:
            problems.append(RowProblem(number, column, message))
        return found

    return {
        "agency": looked_up(
            "agency",
            register.agencies,
            _("No agency in the register has this licence number or tax number."),
            lambda value: _identifier(cells.required_text(value)),
        ),
        "employer": cell("employer", cells.required_text),
        "country": looked_up(
            "country",
            register.countries,
            _("Unknown country code; use ISO 3166-1 alpha-2, e.g. RU."),
            lambda value: cells.required_text(value).upper(),
        ),
        "city": cell("city", cells.text),
        "occupation": looked_up(
            "occupation",
            register.occupations,
            _("Unknown ISCO-08 occupation code; use a four-digit unit group, e.g. 7112."),
            lambda value: cells.required_text(cells.occupation_code(value)),
        ),
        "title": cell("title", cells.required_text),
        "workers": cell("workers", cells.whole_number, default=1),
        "wage": cell("wage", cells.number),
        "currency": cell("currency", cells.currency),
        "hours": cell("hours", cells.text),
        "housing": cell("housing", cells.housing),
        "contract_months": cell("contract_months", cells.whole_number),
        "requirements": cell("requirements", cells.text),
        "worker_fee": cell("worker_fee", cells.number, default=0),
        "fee_currency": cell("fee_currency", cells.currency, default="TJS"),
        "closes_on": cell("closes_on", cells.date),
    }


def _model_problems(number, error):
    for name, messages in error.message_dict.items():
        column = "" if name == NON_FIELD_ERRORS else name
        for message in messages:
            yield RowProblem(number, column, message)


@transaction.atomic
def _save(new, changed, actor):
    now = timezone.now()
    for vacancy in changed:
        vacancy.updated_at = now  # bulk_update does not set auto_now fields
    created = Vacancy.objects.bulk_create(new, batch_size=BATCH)
    Vacancy.objects.bulk_update(changed, [*IMPORTED_FIELDS, "updated_at"], batch_size=BATCH)
    _audit(actor, AuditAction.CREATE, created)
    _audit(actor, AuditAction.UPDATE, changed, fields=sorted(IMPORTED_FIELDS))


def _audit(actor, action, vacancies, fields=()):
    """One audit entry per vacancy, as ``audit.record`` writes them, but in bulk: thousands of
    single inserts would be most of the import's time."""
    if not vacancies:
        return
    content_type = ContentType.objects.get_for_model(Vacancy)
    entries = [
        AuditEntry(
            actor=actor,
            actor_name=actor.get_username() if actor else "",
            action=action,
            content_type=content_type,
            object_id=str(vacancy.pk),
            fields=list(fields),
            ip_address=current_ip.get(),
        )
        for vacancy in vacancies
    ]
    AuditEntry.objects.bulk_create(entries, batch_size=BATCH)
