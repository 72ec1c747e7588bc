"""Reading HSDS files: JSON records, tabular JSON, and the CSV data package (a zip or a folder).

Every record is checked against the specification's schema first; the problems name the record
and the place in the file. Only a file without schema problems goes on to be imported.
"""

import csv
import io
import json
import zipfile
from pathlib import Path, PurePosixPath

from django.utils.translation import gettext as _

from rohnamo.directory.hsds.schemas import (
    record_validator,
    row_validator,
    schema_problems,
    table_schema,
    tables,
)
from rohnamo.directory.hsds.tables import Tables, add_nested, csv_cell, typed_row

# A zip that unpacks to more than this is refused before it is read (a "zip bomb").
MAX_UNPACKED_BYTES = 200 * 1024 * 1024

# Keys only one kind of record has, to tell what a bare JSON object is.
_ORGANIZATION_KEYS = {
    "services", "website", "tax_status", "tax_id", "year_incorporated", "legal_status", "logo",
    "parent_organization_id", "organization_identifiers", "programs", "locations",
}  # fmt: skip
_SERVICE_KEYS = {"status", "organization", "organization_id", "eligibility_description"}
_TERM_KEYS = {"code", "taxonomy", "taxonomy_detail", "parent_id", "taxonomy_id", "term_uri"}
_TAXONOMY_KEYS = {"id", "name", "description", "uri", "version", "metadata"}


def record_kind(record):
    """Which HSDS record a JSON object is: organization, service, service_at_location,
    location, taxonomy_term or taxonomy."""
    keys = set(record)
    if keys & _ORGANIZATION_KEYS:
        return "organization"
    if keys & _SERVICE_KEYS:
        return "service"
    if "location_type" in keys:
        return "location"
    if keys & {"service", "location", "service_id", "location_id"}:
        return "service_at_location"
    if keys & _TERM_KEYS:
        return "taxonomy_term"
    if "version" in keys and keys <= _TAXONOMY_KEYS:
        return "taxonomy"
    return "organization"


def read_path(path, report):
    """Read a file or a folder (an unpacked CSV data package)."""
    path = Path(path)
    if path.is_dir():
        members = {
            str(file.relative_to(path).as_posix()): file.read_bytes
            for file in sorted(path.rglob("*"))
            if file.is_file()
        }
        return _read_package(members, report)
    return read_bytes(path.read_bytes(), report)


def read_bytes(data, report):
    """Read an uploaded file: JSON, or a zip of the CSV data package."""
    if zipfile.is_zipfile(io.BytesIO(data)):
        return _read_zip(data, report)
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        report.error("file", "", "$", _("The file is neither UTF-8 JSON nor a zip archive."))
        return Tables()
    except json.JSONDecodeError as error:
        report.error(
            "file",
            "",
            "$",
            _("The file is not valid JSON: %(reason)s (line %(line)d, column %(column)d).")
            % {"reason": error.msg, "line": error.lineno, "column": error.colno},
        )
        return Tables()
    return read_document(document, report)


def read_document(document, report):
    """Read parsed JSON: one record, a list of them, a page of an HSDS API, or tabular JSON."""
    found = Tables()
    if isinstance(document, dict) and document and all(key.endswith(".csv") for key in document):
        _read_tabular_json(document, found, report)
        return found
    if isinstance(document, dict) and isinstance(document.get("contents"), list):
        items = [(f"$.contents[{index}]", item) for index, item in enumerate(document["contents"])]
    elif isinstance(document, list):
        items = [(f"$[{index}]", item) for index, item in enumerate(document)]
    elif isinstance(document, dict) and "id" not in document and "version" in document:
        report.note(
            "file", "", "$", _("This file describes an HSDS API; it holds no records to import.")
        )
        return found
    else:
        items = [("$", document)]
    for path, item in items:
        if not isinstance(item, dict):
            report.error("file", "", path, _("Expected an HSDS record (a JSON object)."))
            continue
        kind = record_kind(item)
        problems = schema_problems(record_validator(kind), item, base_path=path, kind=kind)
        for problem in problems:
            report.error(*problem)
        if problems:
            found.reject(item)
        else:
            add_nested(found, kind, item, path)
    return found


def _read_tabular_json(document, found, report):
    by_file = _files_of_tables()
    for name, rows in document.items():
        table = by_file.get(PurePosixPath(name).name)
        if table is None:
            report.note("file", "", f"$['{name}']", _("Not an HSDS table; left out."))
            continue
        if not isinstance(rows, list):
            report.error(table, "", f"$['{name}']", _("Expected a list of rows."))
            continue
        _add_rows(found, table, name, rows, report, typed=False)


def _read_zip(data, report):
    archive = zipfile.ZipFile(io.BytesIO(data))
    entries = [entry for entry in archive.infolist() if not entry.is_dir()]
    if sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES:
        report.error("file", "", "$", _("The zip archive unpacks to more than 200 MB."))
        return Tables()
    members = {entry.filename: (lambda entry=entry: archive.read(entry)) for entry in entries}
    return _read_package(members, report)


def _files_of_tables():
    """CSV file name -> table, as the specification names them, and ``<table>.csv`` too."""
    names = {f"{table}.csv": table for table in tables()}
    names.update({table_schema(table)["path"]: table for table in tables()})
    return names


def _read_package(members, report):
    """Read the CSV files of a data package; ``members`` maps file names to readers of bytes.

    The package's datapackage.json, when it is valid, says which file holds which table;
    otherwise (the specification's own example links it elsewhere) the file names do.
    """
    found = Tables()
    by_file = {}
    for name in members:
        if PurePosixPath(name).name == "datapackage.json":
            by_file.update(_resources(members[name](), PurePosixPath(name).parent))
    defaults = _files_of_tables()
    read_any = False
    for name in sorted(members):
        if not name.lower().endswith(".csv"):
            continue
        table = by_file.get(name) or defaults.get(PurePosixPath(name).name)
        if table is None:
            report.note("file", "", f"$['{name}']", _("Not an HSDS table; left out."))
            continue
        rows = _csv_rows(members[name](), name, table, report)
        if rows is not None:
            read_any = True
            _add_rows(found, table, PurePosixPath(name).name, rows, report, typed=True)
    if not read_any and not report.errors:
        report.error("file", "", "$", _("No HSDS tables (CSV files) were found."))
    return found


def _resources(data, folder):
    try:
        package = json.loads(data.decode("utf-8-sig"))
        resources = package["resources"]
        return {
            str(folder / resource["path"]) if str(folder) != "." else resource["path"]: (
                resource["name"]
            )
            for resource in resources
            if resource.get("name") in tables() and isinstance(resource.get("path"), str)
        }
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _csv_rows(data, name, table, report):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        report.error(table, "", f"$['{name}']", _("The file is not UTF-8 text."))
        return None
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _add_rows(found, table, name, rows, report, *, typed):
    found.present.add(table)
    validator = row_validator(table)
    seen = set()
    for index, raw in enumerate(rows):
        path = f"$['{name}'][{index}]"
        if not isinstance(raw, dict):
            report.error(table, "", path, _("Expected an HSDS record (a JSON object)."))
            continue
        # Tabular JSON holds what CSV cells hold, sometimes written as numbers ("identifier":
        # 1234567 in the specification's own example): read as text, typed by the schema.
        values = typed_row(table, raw if typed else _as_cells(raw))
        problems = schema_problems(validator, values, base_path=path, kind=table)
        for problem in problems:
            report.error(*problem)
        record_id = values.get("id")
        if record_id and record_id in seen:
            report.error(table, record_id, f"{path}.id", _("This id appears twice in the table."))
        seen.add(record_id)
        if problems:
            found.reject(values)
        else:
            found.add(table, values, path)


def _as_cells(raw):
    return {
        name: csv_cell(value) for name, value in raw.items() if not isinstance(value, (list, dict))
    }
