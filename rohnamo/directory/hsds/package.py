"""The directory as the HSDS CSV data package: a zip of one CSV file per table and a
datapackage.json describing them (Frictionless Data), built from the nested JSON export so the two
forms always say the same."""

import csv
import io
import json
import zipfile

from rohnamo.directory.hsds.schemas import table_fields, table_schema, tables
from rohnamo.directory.hsds.tables import Tables, add_nested, csv_cell

# Frictionless types for the schema's types and the specification's datapackage_type hints.
_FIELD_TYPES = {"number": "number", "date": "date", "time": "time", "datetime": "datetime"}


def package_tables(organizations):
    """The rows of each table for ``organizations`` (nested HSDS records)."""
    found = Tables()
    for index, organization in enumerate(organizations):
        add_nested(found, "organization", organization, f"$[{index}]")
    return found


def _field(name, spec, required):
    kind = _FIELD_TYPES.get(spec.get("datapackage_type") or spec.get("type"), "string")
    described = {"name": name, "type": kind, "description": spec.get("description", "")}
    if spec.get("format") in ("uuid", "email", "uri"):
        described["format"] = spec["format"]
    constraints = {}
    if name in required:
        constraints["required"] = True
    if spec.get("constraints", {}).get("unique"):
        constraints["unique"] = True
    if "enum" in spec:
        constraints["enum"] = spec["enum"]
    if constraints:
        described["constraints"] = constraints
    return described


def _resource(table):
    schema = table_schema(table)
    required = set(schema.get("required", [])) | set(schema.get("tabular_required", []))
    metadata = schema["datapackage_metadata"]
    return {
        "name": table,
        "path": schema["path"],
        "profile": metadata["profile"],
        "format": metadata["format"],
        "mediatype": metadata["mediatype"],
        "encoding": "utf-8",
        "description": schema.get("description", ""),
        "schema": {
            "fields": [_field(name, spec, required) for name, spec in table_fields(table)],
            "primaryKey": "id",
        },
    }


def datapackage(names):
    return {
        "name": "rohnamo-directory",
        "title": "Rohnamo service directory (HSDS 3.0)",
        "profile": "tabular-data-package",
        "resources": [_resource(table) for table in names],
    }


def _csv_text(table, rows):
    columns = [name for name, _spec in table_fields(table)]
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(row.values.get(column)) for column in columns])
    return text.getvalue()


def export_package(organizations):
    """A zip (bytes) of the CSV data package of ``organizations`` (nested HSDS records)."""
    found = package_tables(organizations)
    names = [table for table in tables() if found.of(table)]
    if "organization" not in names:
        names.insert(0, "organization")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "datapackage.json", json.dumps(datapackage(names), ensure_ascii=False, indent=2)
        )
        for table in names:
            archive.writestr(table_schema(table)["path"], _csv_text(table, found.of(table)))
    return buffer.getvalue()
